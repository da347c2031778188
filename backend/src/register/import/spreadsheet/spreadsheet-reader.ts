import { csvRows } from './csv-rows';
import { detectSpreadsheet } from './detect-format';
import { fileProblem } from './file-problem';
import type { SheetRow } from './sheet-row';
import { xlsxRows } from './xlsx-rows';

export interface Spreadsheet {
  format: 'csv' | 'xlsx';
  /** Column names from the first non-blank row, made unique and never empty. */
  columns: string[];
  /** The rows under the header in batches, blank rows left out, read as they are consumed. */
  rows: AsyncGenerator<SheetRow[]>;
  /** Stops reading early and releases the file (safe to call after the rows ran out). */
  close(): Promise<void>;
}

const MAX_COLUMNS = 200;
const MAX_COLUMN_NAME = 100;

/** Opens an uploaded CSV or XLSX file and reads its header; the rows stream from there. */
export async function openSpreadsheet(path: string): Promise<Spreadsheet> {
  const kind = await detectSpreadsheet(path);
  const all = kind.format === 'xlsx' ? xlsxRows(path) : csvRows(path, kind.encoding, kind.delimiter);
  const close = async () => void (await all.return(undefined));
  try {
    let header: SheetRow | undefined;
    let rest: SheetRow[] = [];
    while (!header) {
      const next = await all.next();
      if (next.done) throw fileProblem('The file has no rows: it is empty apart from blank lines.');
      const at = next.value.findIndex((row) => !isBlank(row.cells));
      if (at >= 0) [header, rest] = [next.value[at], next.value.slice(at + 1)];
    }
    const columns = columnNames(header.cells);
    if (columns.length > MAX_COLUMNS)
      throw fileProblem(`The first row has ${columns.length} columns; at most ${MAX_COLUMNS} are read.`);
    return { format: kind.format, columns, rows: withoutBlankRows(rest, all), close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function* withoutBlankRows(first: SheetRow[], rest: AsyncGenerator<SheetRow[]>): AsyncGenerator<SheetRow[]> {
  const kept = (batch: SheetRow[]) => batch.filter((row) => !isBlank(row.cells));
  if (kept(first).length) yield kept(first);
  for await (const batch of rest) {
    const rows = kept(batch);
    if (rows.length) yield rows;
  }
}

export function isBlank(cells: string[]): boolean {
  return cells.every((cell) => !cell.trim());
}

/** Header cells, trimmed; trailing empty ones dropped, other empty ones named after their position, repeats numbered. */
export function columnNames(cells: string[]): string[] {
  const names = cells.map((cell) =>
    cell
      .replace(/[\u200b\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_COLUMN_NAME),
  );
  while (names.length && !names[names.length - 1]) names.pop();
  const seen = new Map<string, number>();
  return names.map((name, i) => {
    const base = name || `Column ${i + 1}`;
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
