import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';

/**
 * Runs a poppler tool on PDF bytes and returns what it prints. pdftotext lays the text out as on the
 * page; pdftotext-raw gives it in the order it was drawn.
 */
export function poppler(tool: 'pdftotext' | 'pdftotext-raw' | 'pdffonts' | 'pdfinfo', pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'df-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    if (tool.startsWith('pdftotext'))
      return execFileSync('pdftotext', [tool === 'pdftotext' ? '-layout' : '-raw', file, '-'], { encoding: 'utf8' });
    return execFileSync(tool, [file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pageCount(pdf: Buffer): number {
  return Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf))![1]);
}

/** For supertest: collect a binary body (e.g. a PDF) as a Buffer. */
export function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
