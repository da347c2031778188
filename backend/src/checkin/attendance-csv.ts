import { csvLine, UTF8_BOM } from '../register/segments/member-csv';
import type { AdmittedRow, AttendanceRow } from './arrivals.repository';

/**
 * Who attended, one row per person: their first admission per forum day in the forum's local time
 * and the door. Cells go through the register export's formula neutralisation.
 */
export function attendanceCsv(days: string[], timezone: string, attendees: AttendanceRow[], admitted: AdmittedRow[]): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const byAttendeeDay = new Map(admitted.map((a) => [`${a.attendeeId}|${a.day}`, a]));
  const header = csvLine([
    'Badge number',
    'First name',
    'Surname',
    'Role',
    'Country',
    'Province/region',
    ...days.flatMap((day) => [`${day} admitted (${timezone})`, `${day} door`]),
  ]);
  const lines = attendees.map((a) =>
    csvLine([
      a.badgeNumber,
      a.firstName,
      a.lastName,
      a.role,
      a.countryCode,
      a.region,
      ...days.flatMap((day) => {
        const admission = byAttendeeDay.get(`${a.id}|${day}`);
        return admission ? [time.format(admission.scannedAt), admission.door] : ['', ''];
      }),
    ]),
  );
  return UTF8_BOM + header + lines.join('');
}
