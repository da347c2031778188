import { StreamableFile } from '@nestjs/common';
import type { MemberDataCopy } from './member-data-copy';
import { dataCopyHtml } from './member-data-copy.html';

/** The readable copy as a download beside the JSON one, e.g. "my-data-2027-03-01.html". */
export function htmlDownload(copy: MemberDataCopy): StreamableFile {
  return new StreamableFile(Buffer.from(dataCopyHtml(copy), 'utf8'), {
    type: 'text/html; charset=utf-8',
    disposition: `attachment; filename="my-data-${copy.exportedAt.slice(0, 10)}.html"`,
  });
}
