import type { CellValue } from 'exceljs';
import { createReadStream } from 'node:fs';
import { DomainError } from '../../../common/domain-error';
import { fileProblem } from './file-problem';
import type { SheetRow } from './sheet-row';

const BATCH_ROWS = 500;

/**
 * Streams the first worksheet of an XLSX workbook in batches of rows with exceljs's streaming reader. Only
 * the shared-strings table is held in memory (Excel stores each distinct text once, up front).
 */
export async function* xlsxRows(path: string): AsyncGenerator<SheetRow[]> {
  // Loaded on first use: exceljs holds ~8 MB of heap, which CSV-only servers need not carry.
  const { default: ExcelJS } = await import('exceljs');
  const input = createReadStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let rowNumber = 0;
  try {
    for await (const worksheet of workbook) {
      let batch: SheetRow[] = [];
      for await (const row of worksheet) {
        rowNumber = row.number;
        batch.push({ rowNumber, cells: cellsOf(row.values) });
        if (batch.length === BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
      return;
    }
    throw fileProblem('This XLSX workbook has no worksheet.');
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw fileProblem(
      rowNumber
        ? `The XLSX workbook is damaged after row ${rowNumber} and cannot be read. Open it in Excel and save it again.`
        : 'The file looks like an XLSX workbook but is damaged or is another kind of ZIP archive. Open it in Excel and save it again.',
    );
  } finally {
    input.destroy();
  }
}

/** exceljs gives a sparse array that starts at index 1 (column A). */
function cellsOf(values: CellValue[] | Record<string, CellValue>): string[] {
  const list = Array.isArray(values) ? values : Object.values(values);
  const cells: string[] = [];
  for (let i = 1; i < list.length; i++) cells.push(textOf(list[i]));
  return cells;
}

function textOf(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return textOf(value.result as CellValue);
  return '';
}
