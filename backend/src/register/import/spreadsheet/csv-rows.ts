import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import iconv from 'iconv-lite';
import type { TextEncoding } from './detect-format';
import { fileProblem } from './file-problem';
import { readInBatches } from './read-in-batches';
import type { SheetRow } from './sheet-row';

/** A row longer than this is not a row of a member list; stops a stray quote from swallowing the whole file. */
const MAX_ROW_CHARACTERS = 64 * 1024;

/** Streams a CSV file in batches of rows: bytes are decoded and parsed as they are read, so memory stays flat. */
export async function* csvRows(path: string, encoding: TextEncoding, delimiter: string): AsyncGenerator<SheetRow[]> {
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_ROW_CHARACTERS,
  });
  // iconv strips the BOM; pipeline hands a read or decode error to the parser, so the reader below throws it.
  const records = pipeline(createReadStream(path), iconv.decodeStream(encoding), parser, () => undefined);
  let rowNumber = 0;
  try {
    for await (const batch of readInBatches<string[]>(records)) {
      yield batch.map((cells) => ({ rowNumber: ++rowNumber, cells }));
    }
  } catch (error) {
    throw csvProblem(error, rowNumber);
  } finally {
    records.destroy();
  }
}

function csvProblem(error: unknown, rowsRead: number) {
  const { code, records } = error as { code?: string; records?: number };
  // csv-parse counts the records it parsed before the error, which may be more than were read.
  const rowNumber = (typeof records === 'number' ? Math.max(records, rowsRead) : rowsRead) + 1;
  if (code === 'CSV_QUOTE_NOT_CLOSED')
    return fileProblem(`Row ${rowNumber} opens a quote (") that is never closed, so the rest of the file cannot be read.`);
  if (code === 'CSV_MAX_RECORD_SIZE')
    return fileProblem(`Row ${rowNumber} is longer than ${MAX_ROW_CHARACTERS / 1024} KB: is a quote (") left open?`);
  if (code?.startsWith('CSV_')) return fileProblem(`Row ${rowNumber} cannot be read as CSV: ${(error as Error).message}`);
  return error;
}
