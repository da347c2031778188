import { StreamableFile } from '@nestjs/common';
import type { Readable } from 'node:stream';
import slugify from 'slugify';

/** A CSV stream as a download named after what it holds and the day, e.g. "gauteng-nurses-2027-03-01.csv". */
export function csvDownload(csv: Readable, what: string, now: Date): StreamableFile {
  const base = slugify(what, { lower: true, strict: true }).slice(0, 60) || 'members';
  return new StreamableFile(csv, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${base}-${now.toISOString().slice(0, 10)}.csv"`,
  });
}
