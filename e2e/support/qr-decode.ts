import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

const require = createRequire(import.meta.url);
let ready: Promise<unknown> | undefined;

/** ZXing's wasm from our node_modules (its default is a CDN, which tests must not reach). */
function prepare(): Promise<unknown> {
  if (!ready) {
    const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    ready = prepareZXingModule({
      overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer },
      fireImmediately: true,
    });
  }
  return ready;
}

/** Every QR code ZXing finds in an image (PNG or JPEG bytes), as text, top to bottom then left to right. */
export async function decodeQrCodes(image: Uint8Array): Promise<string[]> {
  await prepare();
  const found = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 16 });
  return found
    .filter((r) => r.isValid)
    .sort((a, b) => a.position.topLeft.y - b.position.topLeft.y || a.position.topLeft.x - b.position.topLeft.x)
    .map((r) => r.text);
}

/** The pages of a PDF as PNGs, as a printer would see them (poppler's pdftoppm at `dpi`). */
export function pdfPagesAsPng(pdf: Uint8Array, options: { dpi?: number; first?: number; last?: number } = {}): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'df-qr-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const range = [
      ...(options.first ? ['-f', String(options.first)] : []),
      ...(options.last ? ['-l', String(options.last)] : []),
    ];
    execFileSync('pdftoppm', ['-png', '-r', String(options.dpi ?? 150), ...range, join(dir, 'in.pdf'), join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every QR code on a PDF's pages, page by page. */
export async function decodePdfQrCodes(pdf: Uint8Array, options: { dpi?: number; first?: number; last?: number } = {}) {
  const pages: string[][] = [];
  for (const png of pdfPagesAsPng(pdf, options)) pages.push(await decodeQrCodes(png));
  return pages;
}
