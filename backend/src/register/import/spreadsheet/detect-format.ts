import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { fileProblem } from './file-problem';

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'win1252';
export type SpreadsheetKind = { format: 'xlsx' } | { format: 'csv'; encoding: TextEncoding; delimiter: string };

const SAMPLE_BYTES = 64 * 1024;
const delimiters = [';', ',', '\t'];

/**
 * Says what an uploaded file is from its bytes, not its name: an XLSX workbook (a ZIP), or CSV text
 * whose encoding (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252, which older Excel
 * writes) and delimiter (semicolon, comma or tab) it works out. Anything else is a clear 400.
 */
export async function detectSpreadsheet(path: string): Promise<SpreadsheetKind> {
  const sample = await readStart(path, SAMPLE_BYTES);
  if (sample.length === 0) throw fileProblem('The file is empty.');
  if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04])) return { format: 'xlsx' };
  if (startsWith(sample, [0x50, 0x4b])) throw fileProblem('This file is an empty or damaged ZIP archive, not an XLSX workbook.');
  if (startsWith(sample, [0xd0, 0xcf, 0x11, 0xe0]))
    throw fileProblem('This is an old Excel file (.xls). Open it in Excel or LibreOffice and save it as .xlsx or CSV.');
  if (startsWith(sample, [0x25, 0x50, 0x44, 0x46]))
    throw fileProblem('This is a PDF, not a spreadsheet. Upload a CSV or XLSX file.');

  const encoding = bomEncoding(sample) ?? ((await isUtf8File(path)) ? 'utf8' : 'win1252');
  const text = iconv.decode(sample, encoding);
  if (looksBinary(text)) throw fileProblem('This file is not a CSV or XLSX spreadsheet.');
  if (!text.trim()) throw fileProblem('The file is empty.');
  return { format: 'csv', encoding, delimiter: sniffDelimiter(text) };
}

async function readStart(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function startsWith(buffer: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buffer[i] === b);
}

function bomEncoding(sample: Buffer): TextEncoding | null {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return 'utf8';
  if (startsWith(sample, [0xff, 0xfe])) return 'utf16le';
  if (startsWith(sample, [0xfe, 0xff])) return 'utf16be';
  return null;
}

/** The whole file, not a sample: a single "ë" on row 40,000 decides it, and reading is cheap next to importing. */
async function isUtf8File(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }))
      decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** Text files have no NULs and hardly any control characters; images, archives and executables do. */
function looksBinary(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
  }
  return control > text.length / 100;
}

/** The delimiter that splits the first line most often, counting only outside quotes. */
export function sniffDelimiter(text: string): string {
  const counts = new Map(delimiters.map((d) => [d, 0]));
  let quoted = false;
  let started = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (started) break;
    } else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
    if (char.trim()) started = true;
  }
  let best = ',';
  let bestCount = 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}
