import { describe, expect, it } from '@jest/globals';
import type { Readable } from 'node:stream';
import { pageCount, poppler } from '../test/pdf-tools';
import { attendeeRoles } from '../attendees/attendee.entity';
import { badgeForum, placeOf } from './badge-content';
import type { BadgeContent } from './badge-drawing';
import { BadgePdf } from './badge-pdf';

const forum = badgeForum({ name: 'Basotho Diaspora Forum 2027', startDate: '2027-04-08', endDate: '2027-04-09' });
const QR_TEXT = 'A'.repeat(111);

function badge(over: Partial<BadgeContent> = {}): BadgeContent {
  return {
    role: 'attendee',
    firstName: 'Zoë',
    lastName: 'Ntšekhe',
    place: 'South Africa · Gauteng',
    badgeNumber: 7,
    qrText: QR_TEXT,
    ...over,
  };
}

/** Spaces as pdftotext gives them back (thin spaces in the dates come out plain). */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

async function bytes(doc: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of doc) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe(BadgePdf.name, () => {
  const pdf = new BadgePdf();

  it('draws an A6 badge with DejaVu embedded, so names with diacritics print as written', async () => {
    const out = await bytes(pdf.single(forum, badge({ role: 'presenter' })));
    const fonts = poppler('pdffonts', out);
    expect(fonts).toMatch(/DejaVuSans-Bold\s+CID TrueType\s+Identity-H\s+yes/);
    expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes/);
    const text = oneLine(poppler('pdftotext', out));
    for (const expected of [
      'Zoë',
      'Ntšekhe',
      'PRESENTER',
      'Mohlahisi',
      'Basotho Diaspora Forum 2027',
      forum.dates,
      'South Africa · Gauteng',
      'No. 7',
    ])
      expect(text).toContain(oneLine(expected));
    expect(poppler('pdfinfo', out)).toMatch(/Page size:\s+297\.6\d* x 419\.5\d* pts/);
  });

  it('puts four badges on each A4 sheet in the order given, with every role’s word in English and Sesotho', async () => {
    const sheets = pdf.sheets(forum);
    const out = bytes(sheets.doc);
    const roles = [...attendeeRoles, 'attendee' as const];
    roles.forEach((role, i) => sheets.add(badge({ role, lastName: `Surname${i}`, badgeNumber: i + 1 })));
    sheets.end();
    const result = await out;
    expect(pageCount(result)).toBe(Math.ceil(roles.length / 4));
    expect(poppler('pdfinfo', result)).toMatch(/\(A4\)/);
    const text = poppler('pdftotext', result);
    const order = roles.map((_, i) => text.indexOf(`Surname${i}`));
    // -layout reads the two columns side by side: a page's top pair comes before its bottom pair.
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order[0]).toBeLessThan(order[2]);
    expect(order[3]).toBeLessThan(order[4]);
    for (const role of attendeeRoles) {
      expect(text).toContain(pdf.layout.roles[role].en);
      expect(text).toContain(pdf.layout.roles[role].st);
    }
  });

  it('shrinks a long name to fit, and still makes a valid PDF for an empty selection', async () => {
    const long = await bytes(
      pdf.single(forum, badge({ firstName: 'Nthabiseng Mpho Reitumetse', lastName: 'Ramakatsa-Makhetha-Rankhelepe-Letsie' })),
    );
    expect(oneLine(poppler('pdftotext', long))).toContain('Ramakatsa-Makhetha-Rankhelepe-Letsie');
    const sheets = pdf.sheets(forum);
    const empty = bytes(sheets.doc);
    sheets.end();
    const result = await empty;
    expect(pageCount(result)).toBe(1);
    expect(poppler('pdftotext', result)).toContain('No badges to print');
  });

  it('names the country in full beside the province', () => {
    expect(placeOf('za', 'Gauteng')).toBe('South Africa · Gauteng');
    expect(placeOf('LS', null)).toBe('Lesotho');
    expect(placeOf(null, 'London')).toBe('London');
    expect(placeOf(null, null)).toBeNull();
  });
});
