import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { repoRoot } from '../../paths';
import { readablePhone } from '../whatsapp-link';
import { type CallSheetRow, consentLabel, languageLabels, outcomeLabels } from './call-sheet-row';

/** DejaVu Sans covers every Latin letter Basotho and diaspora names use ("Ntšekhe", "Zoë"). */
function loadFont(file: string): Buffer {
  const candidates = [
    join(repoRoot, 'node_modules', 'dejavu-fonts-ttf', 'ttf', file),
    join(repoRoot, 'backend', 'node_modules', 'dejavu-fonts-ttf', 'ttf', file),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`Font ${file} not found (is the dejavu-fonts-ttf package installed?)`);
  return readFileSync(found);
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;
const fontFiles = () => (fonts ??= { regular: loadFont('DejaVuSans.ttf'), bold: loadFont('DejaVuSans-Bold.ttf') });

interface Column {
  title: string;
  width: number;
  text: (row: CallSheetRow, n: number) => string;
  link?: (row: CallSheetRow) => string | null;
}

const place = (r: CallSheetRow) => [[r.city, r.region].filter(Boolean).join(', '), r.countryCode].filter(Boolean).join(' · ');

const columns: Column[] = [
  { title: '#', width: 24, text: (_, n) => String(n) },
  { title: 'Name', width: 125, text: (r) => `${r.firstName} ${r.lastName}` },
  { title: 'Phone', width: 92, text: (r) => readablePhone(r.phone) ?? '' },
  {
    title: 'WhatsApp',
    width: 100,
    text: (r) => (r.whatsappLink ? (readablePhone(r.whatsapp ?? r.phone) ?? '') : ''),
    link: (r) => r.whatsappLink,
  },
  { title: 'Where', width: 130, text: place },
  { title: 'Language', width: 56, text: (r) => languageLabels[r.preferredLanguage] },
  { title: 'Consent', width: 62, text: consentLabel },
  {
    title: 'Last outreach',
    width: 107,
    text: (r) => (r.lastOutcome ? `${outcomeLabels[r.lastOutcome]}, ${r.lastContactedAt!.toISOString().slice(0, 10)}` : '—'),
  },
  { title: 'Outcome / notes', width: 88, text: () => '' },
];

const FONT_SIZE = 8.5;
const PAD = 3;
const MARGIN = 28;

/**
 * A printable call sheet: A4 landscape, a header with the segment and the date on every page, page
 * numbers, and WhatsApp numbers as clickable click-to-chat links. Rows are drawn as they arrive and
 * each finished page is flushed to the stream, so a long sheet never sits in memory whole.
 */
export class CallSheetPdf {
  readonly doc: PDFKit.PDFDocument;
  private page = 0;
  private y = 0;
  private rows = 0;

  constructor(
    private readonly title: string,
    private readonly subtitle: string,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margins: { top: MARGIN, bottom: 10, left: MARGIN, right: MARGIN },
      autoFirstPage: false,
      info: { Title: `Call sheet: ${title}`, Author: 'Diaspora Forum' },
    });
    this.doc.registerFont('body', fontFiles().regular);
    this.doc.registerFont('bold', fontFiles().bold);
    this.newPage();
  }

  addRow(row: CallSheetRow): void {
    const n = ++this.rows;
    const doc = this.doc.font('body').fontSize(FONT_SIZE);
    const height =
      Math.max(...columns.map((c) => doc.heightOfString(c.text(row, n) || ' ', { width: c.width - 2 * PAD }))) + 2 * PAD;
    if (this.y + height > this.bottom()) this.newPage();
    if (n % 2 === 0) doc.rect(MARGIN, this.y, this.tableWidth(), height).fill('#f1f3f6');
    let x = MARGIN;
    for (const column of columns) {
      const link = column.link?.(row);
      doc.fillColor(link ? '#00209f' : '#1b1f24').text(column.text(row, n), x + PAD, this.y + PAD, {
        width: column.width - 2 * PAD,
        link: link ?? undefined,
        underline: !!link,
      });
      x += column.width;
    }
    this.y += height;
    doc
      .moveTo(MARGIN, this.y)
      .lineTo(MARGIN + this.tableWidth(), this.y)
      .lineWidth(0.4)
      .stroke('#c4cad3');
  }

  end(): void {
    if (this.rows === 0) {
      this.doc
        .font('body')
        .fontSize(11)
        .fillColor('#1b1f24')
        .text('Nobody to call: no member of this segment lacks an email and has a phone.', MARGIN, this.y + 12);
    }
    this.doc.end();
  }

  private newPage(): void {
    const doc = this.doc;
    doc.addPage();
    this.page += 1;
    doc
      .font('bold')
      .fontSize(14)
      .fillColor('#1b1f24')
      .text(`Call sheet: ${this.title}`, MARGIN, MARGIN, { width: this.tableWidth() - 90, lineBreak: false, ellipsis: true });
    doc
      .font('body')
      .fontSize(9)
      .fillColor('#4f5965')
      .text(this.subtitle, MARGIN, MARGIN + 19, { width: this.tableWidth() - 90 });
    doc.text(`Page ${this.page}`, MARGIN + this.tableWidth() - 90, MARGIN + 2, { width: 90, align: 'right' });
    const footerY = doc.page.height - 24;
    doc
      .fontSize(7.5)
      .text('Personal data: keep this sheet safe and destroy it after use.', MARGIN, footerY, { lineBreak: false })
      .text(`Page ${this.page}`, MARGIN + this.tableWidth() - 90, footerY, { width: 90, align: 'right', lineBreak: false });
    this.y = MARGIN + 40;
    let x = MARGIN;
    doc.font('bold').fontSize(FONT_SIZE).fillColor('#1b1f24');
    for (const column of columns) {
      doc.text(column.title, x + PAD, this.y + PAD, { width: column.width - 2 * PAD, lineBreak: false, ellipsis: true });
      x += column.width;
    }
    this.y += FONT_SIZE + 2 * PAD + 4;
    doc
      .moveTo(MARGIN, this.y)
      .lineTo(MARGIN + this.tableWidth(), this.y)
      .lineWidth(1)
      .stroke('#1b1f24');
  }

  private bottom(): number {
    return this.doc.page.height - 34;
  }

  private tableWidth(): number {
    return columns.reduce((sum, c) => sum + c.width, 0);
  }
}
