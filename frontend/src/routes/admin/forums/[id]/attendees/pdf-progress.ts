const MARK = '/Type /Page';
const latin1 = new TextDecoder('latin1');

/**
 * Counts the pages of a PDF as its bytes arrive: each page object carries "/Type /Page" (the page
 * tree says "/Type /Pages"). Marks split across chunks are found; none is counted twice.
 */
export class PdfPageCounter {
  pages = 0;
  private carry = '';

  push(chunk: Uint8Array): number {
    const text = this.carry + latin1.decode(chunk, { stream: false });
    let keepFrom = Math.max(0, text.length - MARK.length);
    let from = 0;
    for (;;) {
      const at = text.indexOf(MARK, from);
      if (at < 0) break;
      const next = at + MARK.length;
      if (next >= text.length) {
        // The character that tells /Page from /Pages has not arrived yet.
        keepFrom = Math.min(keepFrom, at);
        break;
      }
      if (text[next] !== 's') this.pages += 1;
      from = next;
    }
    this.carry = text.slice(keepFrom);
    return this.pages;
  }
}

export interface Progress {
  pages: number;
  expectedPages: number;
  bytes: number;
}

/**
 * Downloads a streamed badge PDF, reporting pages as they arrive against the pages the
 * X-Badge-Count header promises (four badges a sheet), and returns it as a Blob.
 */
export async function downloadWithProgress(
  url: string,
  onProgress: (progress: Progress) => void,
  fetcher: typeof fetch = fetch,
): Promise<{ blob: Blob; count: number }> {
  const res = await fetcher(url, { credentials: 'same-origin' });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? `The download failed (${res.status})`);
  }
  const count = Number(res.headers.get('X-Badge-Count') ?? 0);
  const expectedPages = Math.max(1, Math.ceil(count / 4));
  const counter = new PdfPageCounter();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    onProgress({ pages: Math.min(counter.push(value), expectedPages), expectedPages, bytes });
  }
  return { blob: new Blob(chunks, { type: 'application/pdf' }), count };
}

/** Hands a Blob to the browser as a file download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
