import type { Member } from '../member.entity';

/** Makes Excel read the file as UTF-8 (names such as "Ntšekhe" stay intact). */
export const UTF8_BOM = '\uFEFF';

/**
 * A cell a spreadsheet could run as a formula (OWASP "CSV injection": it starts with =, +, -, @,
 * tab or carriage return) gets a leading apostrophe, which spreadsheets read as "this is text".
 * Phone numbers in E.164 start with "+", so they are prefixed too.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field: neutralised, then always quoted, with quotes doubled (RFC 4180). */
export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  const text =
    value === null || value === undefined
      ? ''
      : value instanceof Date
        ? value.toISOString()
        : typeof value === 'boolean'
          ? value
            ? 'yes'
            : 'no'
          : String(value);
  return `"${neutraliseFormula(text).replace(/"/g, '""')}"`;
}

export function csvLine(cells: Parameters<typeof csvCell>[0][]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const columns: [string, (m: Member) => Parameters<typeof csvCell>[0]][] = [
  ['Member ID', (m) => m.id],
  ['First name', (m) => m.firstName],
  ['Surname', (m) => m.lastName],
  ['Email', (m) => m.email],
  ['Phone', (m) => m.phone],
  ['WhatsApp', (m) => m.whatsapp],
  ['Country', (m) => m.countryCode],
  ['Region', (m) => m.region],
  ['City', (m) => m.city],
  ['Occupation', (m) => m.occupation],
  ['Sectors', (m) => (m.sectors ?? []).map((s) => s.sector).join('; ')],
  ['Preferred channel', (m) => m.preferredChannel],
  ['Preferred language', (m) => m.preferredLanguage],
  ['Consent: invitations', (m) => m.consentInvitations],
  ['Consent: updates', (m) => m.consentUpdates],
  ['Consent given at (UTC)', (m) => m.consentAt],
  ['Consent method', (m) => m.consentMethod],
  ['Source', (m) => m.source],
  ['Status', (m) => m.status],
  ['Added at (UTC)', (m) => m.createdAt],
];

export const memberCsvHeader = csvLine(columns.map(([title]) => title));

export function memberCsvLine(member: Member): string {
  return csvLine(columns.map(([, value]) => value(member)));
}
