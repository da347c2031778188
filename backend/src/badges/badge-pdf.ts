import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { type BadgeContent, type BadgeForum, BOLD, drawBadge, drawCutMarks, REGULAR } from './badge-drawing';
import { type BadgeFonts, type BadgeLayout, loadBadgeFonts, loadBadgeLayout, MM } from './badge-layout';

/**
 * Makes badge PDFs (pdfkit, fonts embedded): one A6 badge, or A4 sheets of four with cut marks.
 * Sheets are written as they are filled: each finished page leaves the document (pdfkit does not
 * buffer pages), so a sheet of any length holds one page in memory.
 */
@Injectable()
export class BadgePdf {
  readonly layout: BadgeLayout = loadBadgeLayout();
  private readonly fonts: BadgeFonts = loadBadgeFonts(this.layout);

  /** A single badge on an A6 page; read the returned document (a stream) for the bytes. */
  single(forum: BadgeForum, badge: BadgeContent): PDFKit.PDFDocument {
    const { width, height } = this.layout.pages.single;
    const doc = this.document(`Badge ${badge.badgeNumber} · ${forum.name}`);
    doc.addPage({ size: [width * MM, height * MM], margin: 0 });
    drawBadge(doc, this.layout, { x: 0, y: 0, width: width * MM, height: height * MM }, forum, badge);
    doc.end();
    return doc;
  }

  sheets(forum: BadgeForum): BadgeSheets {
    return new BadgeSheets(this.document(`Badges · ${forum.name}`), this.layout, forum);
  }

  private document(title: string): PDFKit.PDFDocument {
    const doc = new PDFDocument({ autoFirstPage: false, margin: 0, info: { Title: title, Creator: 'Diaspora Forum' } });
    doc.registerFont(REGULAR, this.fonts.regular);
    doc.registerFont(BOLD, this.fonts.bold);
    return doc;
  }
}

/** A4 sheets filled four badges at a time, left to right, top to bottom, in the order they are added. */
export class BadgeSheets {
  private count = 0;
  private readonly page: { width: number; height: number; columns: number; rows: number };

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly layout: BadgeLayout,
    private readonly forum: BadgeForum,
  ) {
    const sheet = layout.pages.sheet;
    this.page = { width: sheet.width * MM, height: sheet.height * MM, columns: sheet.columns, rows: sheet.rows };
  }

  get perPage(): number {
    return this.page.columns * this.page.rows;
  }

  /** True when this badge started a new page (the previous one is then complete and written). */
  add(badge: BadgeContent): boolean {
    const slot = this.count++ % this.perPage;
    if (slot === 0) this.newPage();
    const width = this.page.width / this.page.columns;
    const height = this.page.height / this.page.rows;
    const box = { x: (slot % this.page.columns) * width, y: Math.floor(slot / this.page.columns) * height, width, height };
    drawBadge(this.doc, this.layout, box, this.forum, badge);
    return slot === 0;
  }

  end(): void {
    if (this.count === 0) {
      // A PDF needs a page: say plainly that the selection held nobody.
      this.newPage();
      this.doc
        .font(REGULAR)
        .fontSize(14)
        .fillColor('#333333')
        .text('No badges to print for this selection.', 20 * MM, 30 * MM);
    }
    this.doc.end();
  }

  private newPage(): void {
    this.doc.addPage({ size: [this.page.width, this.page.height], margin: 0 });
    drawCutMarks(this.doc, this.layout, this.page.width, this.page.height);
  }
}
