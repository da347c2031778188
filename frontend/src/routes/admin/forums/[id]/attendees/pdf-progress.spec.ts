import { describe, expect, it } from 'vitest';
import { downloadWithProgress, PdfPageCounter } from './pdf-progress';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('PdfPageCounter', () => {
  const pdf =
    '%PDF-1.3\n1 0 obj\n<<\n/Type /Page\n/Parent 3 0 R\n>>\n2 0 obj\n<<\n/Type /Page\n>>\n3 0 obj\n<<\n/Type /Pages\n/Count 2\n>>\n';

  it('counts page objects and not the page tree', () => {
    expect(new PdfPageCounter().push(bytes(pdf))).toBe(2);
  });

  it('counts the same however the bytes are split, even inside a mark', () => {
    for (let size = 1; size <= 13; size++) {
      const counter = new PdfPageCounter();
      for (let i = 0; i < pdf.length; i += size) counter.push(bytes(pdf.slice(i, i + size)));
      expect({ size, pages: counter.pages }).toEqual({ size, pages: 2 });
    }
  });
});

describe('downloadWithProgress', () => {
  it('reports pages against the count header and returns the whole file', async () => {
    const parts = ['%PDF\n/Type /Pa', 'ge\n/Type /Page\n', '/Type /Pages\n'];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const p of parts) controller.enqueue(bytes(p));
        controller.close();
      },
    });
    const fetcher = (async () => new Response(body, { headers: { 'X-Badge-Count': '7' } })) as typeof fetch;
    const seen: number[] = [];
    const { blob, count } = await downloadWithProgress('/x', (p) => seen.push(p.pages * 10 + p.expectedPages), fetcher);
    expect(count).toBe(7);
    expect(seen.at(-1)).toBe(22);
    expect(await blob.text()).toBe(parts.join(''));
  });

  it('gives the server’s message when the download is refused', async () => {
    const fetcher = (async () => Response.json({ message: 'Segment not found' }, { status: 404 })) as typeof fetch;
    await expect(downloadWithProgress('/x', () => undefined, fetcher)).rejects.toThrow('Segment not found');
  });
});
