import { looksLikeData } from '../column-mapping';
import { fileProblem } from './file-problem';
import { openSpreadsheet } from './spreadsheet-reader';

const SAMPLE_ROWS = 5;
const MAX_SAMPLE_CELL = 100;

export interface SpreadsheetHead {
  format: 'csv' | 'xlsx';
  columns: string[];
  /** The first rows as written, one cell per column, long cells cut. */
  sampleRows: string[][];
}

/** Reads a file's header and first rows, refusing what cannot be an import: no header, too few columns, no rows. */
export async function readHead(path: string): Promise<SpreadsheetHead> {
  const sheet = await openSpreadsheet(path);
  try {
    const { columns } = sheet;
    if (looksLikeData(columns))
      throw fileProblem(
        'The first row should name the columns (such as First name, Surname, Email, Phone), but it holds data. Add a row of column names at the top.',
      );
    if (columns.length < 3)
      throw fileProblem(
        `The file has ${columns.length === 1 ? 'one column' : `${columns.length} columns`}; an import needs at least first names, surnames and an email or phone column.`,
      );
    const sampleRows: string[][] = [];
    for await (const batch of sheet.rows) {
      for (const row of batch.slice(0, SAMPLE_ROWS - sampleRows.length))
        sampleRows.push(columns.map((_, i) => clip(row.cells[i] ?? '')));
      if (sampleRows.length === SAMPLE_ROWS) break;
    }
    if (!sampleRows.length) throw fileProblem('The file has column names but no rows to import.');
    return { format: sheet.format, columns, sampleRows };
  } finally {
    await sheet.close();
  }
}

const clip = (cell: string) => (cell.length > MAX_SAMPLE_CELL ? `${cell.slice(0, MAX_SAMPLE_CELL - 1)}…` : cell);
