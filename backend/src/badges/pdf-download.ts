import { StreamableFile } from '@nestjs/common';
import type { Readable } from 'node:stream';

/** A PDF as a download named `<name>.pdf` (names made by us: no quoting needed). */
export function pdfDownload(pdf: Readable | Buffer, name: string): StreamableFile {
  const options = { type: 'application/pdf', disposition: `attachment; filename="${name}.pdf"` };
  return Buffer.isBuffer(pdf) ? new StreamableFile(pdf, options) : new StreamableFile(pdf, options);
}
