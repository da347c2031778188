import { afterAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { columnNames, openSpreadsheet } from './spreadsheet-reader';
import { readHead } from './spreadsheet-head';

const dir = mkdtempSync(join(tmpdir(), 'df-sheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (content: string | Buffer) => {
  const path = join(dir, `file-${++n}`);
  writeFileSync(path, content);
  return path;
};

async function readAll(path: string) {
  const sheet = await openSpreadsheet(path);
  const rows: { rowNumber: number; cells: string[] }[] = [];
  for await (const batch of sheet.rows) rows.push(...batch);
  return { format: sheet.format, columns: sheet.columns, rows };
}

describe('openSpreadsheet', () => {
  it('reads comma CSV with quoted cells, CRLF line ends and blank lines, numbering rows as a spreadsheet does', async () => {
    const path = file(
      'First name,Surname,Sectors\r\n\r\nThabo,Mokoena,"education, health"\r\n,,\r\n"Palesa ""Pali""",Letsie,trade\r\n',
    );
    const { format, columns, rows } = await readAll(path);
    expect(format).toBe('csv');
    expect(columns).toEqual(['First name', 'Surname', 'Sectors']);
    expect(rows).toEqual([
      { rowNumber: 3, cells: ['Thabo', 'Mokoena', 'education, health'] },
      { rowNumber: 5, cells: ['Palesa "Pali"', 'Letsie', 'trade'] },
    ]);
  });

  it('sniffs the semicolon even when cells hold commas, and drops a UTF-8 BOM', async () => {
    const path = file('\ufeffLebitso;Fane;Mosebetsi\nLineo;Ntšekhe;Nurse, midwife\n');
    const { columns, rows } = await readAll(path);
    expect(columns).toEqual(['Lebitso', 'Fane', 'Mosebetsi']);
    expect(rows[0].cells).toEqual(['Lineo', 'Ntšekhe', 'Nurse, midwife']);
  });

  it('decodes Windows-1252 when the bytes are not UTF-8, even if the first rows are plain ASCII', async () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => `Thabo;Mokoena;${i}\r\n`).join('');
    const bytes = iconv.encode(`Name;Surname;Row\r\n${ascii}Zoë;Ntšekhe;last\r\n`, 'win1252');
    expect(bytes.includes(0x9a)).toBe(true); // š is 0x9A in Windows-1252, invalid on its own in UTF-8
    const { rows } = await readAll(file(bytes));
    expect(rows.at(-1)!.cells).toEqual(['Zoë', 'Ntšekhe', 'last']);
    expect(rows).toHaveLength(3001);
  });

  it('reads UTF-16 tab-separated text, as Excel saves "Unicode text"', async () => {
    const path = file(
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        iconv.encode('Name\tSurname\tEmail\nZoë\tNtšekhe\tzoe@example.org\n', 'utf16le'),
      ]),
    );
    const { columns, rows } = await readAll(path);
    expect(columns).toEqual(['Name', 'Surname', 'Email']);
    expect(rows[0].cells).toEqual(['Zoë', 'Ntšekhe', 'zoe@example.org']);
  });

  it('reads the first worksheet of an XLSX workbook as text, whatever the cell types', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Members');
    sheet.addRow(['Name', 'Surname', 'Cell', 'Email', 'Consent']);
    sheet.addRow([
      { richText: [{ text: 'Re' }, { text: 'filoe' }] },
      'Molapo',
      27821234567,
      { text: 'refiloe@example.org', hyperlink: 'mailto:refiloe@example.org' },
      false,
    ]);
    sheet.addRow([]);
    sheet.addRow(['Khotso', { formula: '"Ma"&"joro"', result: 'Majoro' }, null, 'khotso@example.org', true]);
    workbook.addWorksheet('Notes').addRow(['ignored', 'sheet', 'here']);
    const path = file(Buffer.from(await workbook.xlsx.writeBuffer()));
    const { format, columns, rows } = await readAll(path);
    expect(format).toBe('xlsx');
    expect(columns).toEqual(['Name', 'Surname', 'Cell', 'Email', 'Consent']);
    expect(rows).toEqual([
      { rowNumber: 2, cells: ['Refiloe', 'Molapo', '27821234567', 'refiloe@example.org', 'FALSE'] },
      { rowNumber: 4, cells: ['Khotso', 'Majoro', '', 'khotso@example.org', 'TRUE'] },
    ]);
  });

  it.each([
    ['an empty file', '', 'The file is empty.'],
    ['blank lines and a BOM', '\ufeff\r\n \r\n', 'The file is empty.'],
    ['separators only', ';;;\n;;;\n', 'no rows'],
    [
      'binary garbage',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
      'not a CSV or XLSX',
    ],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old Excel file (.xls)'],
    ['a PDF', '%PDF-1.7\n%âãÏÓ\n1 0 obj', 'This is a PDF'],
    ['a truncated ZIP', Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00garbage'), 'damaged'],
    [
      'a quote never closed',
      'Name,Surname,Email\nThabo,"Mokoena,thabo@example.org\nLineo,Sello,lineo@example.org\n',
      'never closed',
    ],
  ])('refuses %s with a message', async (_, content, message) => {
    await expect(readAll(file(content))).rejects.toMatchObject({ kind: 'validation', message: expect.stringContaining(message) });
  });

  it('stops at a row that swallows the rest of the file, naming it', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Thabo,Mokoena,thabo${i}@example.org`).join('\n');
    const path = file(`Name,Surname,Email\n${rows}\nLineo,"Sello,lineo@example.org\n${'x'.repeat(70_000)}\n`);
    await expect(readAll(path)).rejects.toMatchObject({ message: expect.stringContaining('Row 3002 is longer than 64 KB') });
  });

  it('refuses a damaged XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Members');
    for (let i = 0; i < 500; i++) sheet.addRow(['Thabo', 'Mokoena', `thabo${i}@example.org`]);
    const whole = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(readAll(file(whole.subarray(0, Math.floor(whole.length * 0.7))))).rejects.toMatchObject({
      message: expect.stringContaining('damaged'),
    });
    const flipped = Buffer.from(whole);
    for (let i = 300; i < flipped.length - 200; i += 41) flipped[i] ^= 0xff;
    await expect(readAll(file(flipped))).rejects.toMatchObject({ kind: 'validation' });
  });
});

describe('readHead', () => {
  it('gives the columns and the first five rows, cut to one cell per column', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => `Thabo${i};Mokoena;t${i}@example.org;extra`).join('\n');
    const head = await readHead(file(`Name;Surname;Email\n${rows}\n`));
    expect(head.columns).toEqual(['Name', 'Surname', 'Email']);
    expect(head.sampleRows).toHaveLength(5);
    expect(head.sampleRows[0]).toEqual(['Thabo0', 'Mokoena', 't0@example.org']);
  });

  it.each([
    ['a header with no rows', 'Name;Surname;Email\n', 'no rows to import'],
    [
      'data where the header should be',
      'Thabo;Mokoena;thabo@example.org\nLineo;Sello;lineo@example.org\n',
      'should name the columns',
    ],
    ['too few columns', 'Name;Email\nThabo;thabo@example.org\n', 'at least first names, surnames'],
    ['a text file', 'Dear colleagues, please find the list attached.\nRegards\n', 'one column'],
  ])('refuses %s', async (_, content, message) => {
    await expect(readHead(file(content))).rejects.toMatchObject({ message: expect.stringContaining(message) });
  });
});

describe('columnNames', () => {
  it('names empty columns by position, numbers repeats and drops trailing empties', () => {
    expect(columnNames([' First  name ', '', 'Phone', 'phone', '\ufeffEmail', '', ''])).toEqual([
      'First name',
      'Column 2',
      'Phone',
      'phone (2)',
      'Email',
    ]);
  });
});
