import type { ImportBatch } from './import-batch.entity';
import type { CheckedRow, FindByContacts, RowChecker } from './row-checker';
import type { Spreadsheet } from './spreadsheet/spreadsheet-reader';

export type Counts = Pick<ImportBatch, 'rowCount' | 'validCount' | 'errorCount' | 'duplicateCount'>;

/**
 * One pass over a file (the dry run or the commit): rows are checked as they are read and handed
 * on a chunk at a time, after the register lookup. Three things overlap: node checks chunk k+2
 * while the database looks up chunk k+1 and `onChunk` writes chunk k. Chunks reach `onChunk` in
 * file order, one at a time, and reading waits for the write before last, so memory holds at most
 * three chunks whatever the size of the file.
 */
export async function checkRows(
  sheet: Spreadsheet,
  checker: RowChecker,
  find: FindByContacts,
  rowsPerChunk: number,
  onChunk: (rows: CheckedRow[]) => Promise<void>,
): Promise<Counts> {
  const counts: Counts = { rowCount: 0, validCount: 0, errorCount: 0, duplicateCount: 0 };
  let written: Promise<void> = Promise.resolve();
  const send = async (checked: CheckedRow[]) => {
    const matched = checker.matchRegister(checked, find);
    const previous = written;
    written = previous
      .then(() => matched)
      .then((rows) => {
        for (const row of rows) {
          counts.rowCount++;
          if (row.errors) counts.errorCount++;
          else if (row.duplicateOf) counts.duplicateCount++;
          else counts.validCount++;
        }
        return onChunk(rows);
      });
    // Both are awaited (through `written`); this only keeps a failure from counting as unhandled meanwhile.
    matched.catch(() => undefined);
    written.catch(() => undefined);
    await previous;
  };
  try {
    let chunk: CheckedRow[] = [];
    for await (const rows of sheet.rows) {
      for (const row of rows) {
        chunk.push(checker.check(row));
        if (chunk.length === rowsPerChunk) {
          await send(chunk);
          chunk = [];
        }
      }
    }
    if (chunk.length) await send(chunk);
    await written;
    return counts;
  } finally {
    // Never leave a statement running on a transaction that is about to end.
    await written.catch(() => undefined);
  }
}
