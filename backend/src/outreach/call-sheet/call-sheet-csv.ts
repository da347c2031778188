import { csvLine, UTF8_BOM } from '../../register/segments/member-csv';
import { type CallSheetRow, consentLabel, languageLabels, outcomeLabels } from './call-sheet-row';

// csvLine quotes every cell and neutralises formulas (a leading =, +, -, @, tab or CR gets an
// apostrophe), so "+27…" numbers and hostile names are read as text by spreadsheets.
const columns: [string, (r: CallSheetRow) => string | Date | null][] = [
  ['Member ID', (r) => r.memberId],
  ['First name', (r) => r.firstName],
  ['Surname', (r) => r.lastName],
  ['Phone', (r) => r.phone],
  ['WhatsApp', (r) => r.whatsapp],
  ['WhatsApp link', (r) => r.whatsappLink],
  ['Country', (r) => r.countryCode],
  ['Region', (r) => r.region],
  ['City', (r) => r.city],
  ['Preferred language', (r) => languageLabels[r.preferredLanguage]],
  ['Consent', (r) => consentLabel(r)],
  ['Last outreach', (r) => (r.lastOutcome ? outcomeLabels[r.lastOutcome] : null)],
  ['Last outreach at (UTC)', (r) => r.lastContactedAt],
  // Left blank for the consultant to fill in while calling.
  ['Outcome', () => null],
  ['Notes', () => null],
];

export const callSheetCsvHeader = UTF8_BOM + csvLine(columns.map(([title]) => title));

export function callSheetCsvLine(row: CallSheetRow): string {
  return csvLine(columns.map(([, value]) => value(row)));
}
