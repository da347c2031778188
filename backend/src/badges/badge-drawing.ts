import QRCode from 'qrcode';
import type { AttendeeRole } from '../attendees/attendee.constants';
import { BADGE_QR_ERROR_CORRECTION } from './badge-code';
import { type BadgeLayout, MM } from './badge-layout';

export const REGULAR = 'Badge';
export const BOLD = 'Badge-Bold';

/** What one badge shows; the QR text is already signed. */
export interface BadgeContent {
  role: AttendeeRole;
  firstName: string;
  lastName: string;
  /** Country (full name) and province or region, e.g. "South Africa · Gauteng". */
  place: string | null;
  badgeNumber: number;
  qrText: string;
}

/** The forum as printed on every badge of it. */
export interface BadgeForum {
  name: string;
  /** Already formatted, e.g. "8–9 April 2027". */
  dates: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Doc = PDFKit.PDFDocument;

/** Draws one badge into a box (points) of the current page, from the layout in templates/badge/layout.json. */
export function drawBadge(doc: Doc, layout: BadgeLayout, box: Box, forum: BadgeForum, badge: BadgeContent): void {
  const margin = layout.margin * MM;
  const left = box.x + margin;
  const width = box.width - 2 * margin;
  const role = layout.roles[badge.role];

  // The band: the role at a glance, in English and Sesotho.
  const bandHeight = layout.band.height * MM;
  const top = box.y + margin;
  doc.rect(left, top, width, bandHeight).fill(role.colour);
  doc.fillColor(layout.band.textColour);
  const roleSize = fitSize(doc, BOLD, role.en, layout.band.roleSize, 10, width - 4 * MM);
  const translationSize = layout.band.translationSize;
  const textHeight = roleSize + translationSize * 1.25;
  let y = top + (bandHeight - textHeight) / 2;
  centred(doc, BOLD, roleSize, role.en, left, width, y);
  centred(doc, REGULAR, translationSize, role.st, left, width, y + roleSize * 1.05);

  // Forum name and dates.
  y = top + bandHeight + layout.forum.gap * MM;
  doc.fillColor(layout.forum.colour);
  const forumSize = fitSize(doc, BOLD, forum.name, layout.forum.nameSize, 7, width);
  centred(doc, BOLD, forumSize, forum.name, left, width, y);
  y += forumSize * 1.25;
  centred(doc, REGULAR, layout.forum.datesSize, forum.dates, left, width, y);
  y += layout.forum.datesSize * 1.2 + layout.name.gap * MM;

  // The name, large; long names shrink to fit, and past the smallest size wrap to a second line.
  doc.fillColor(layout.name.colour);
  y = nameLine(doc, badge.firstName, layout.name.firstMaxSize, layout.name.minSize, left, width, y);
  y = nameLine(doc, badge.lastName, layout.name.lastMaxSize, layout.name.minSize, left, width, y);

  if (badge.place) {
    y += layout.place.gap * MM;
    doc.fillColor(layout.place.colour);
    centred(doc, REGULAR, fitSize(doc, REGULAR, badge.place, layout.place.size, 7, width), badge.place, left, width, y);
  }

  // The QR code and the badge number, anchored to the bottom.
  const qrSize = layout.qr.size * MM;
  const qrTop = box.y + box.height - layout.qr.bottom * MM - qrSize;
  drawQr(doc, badge.qrText, box.x + (box.width - qrSize) / 2, qrTop, qrSize, layout.qr.quietZoneModules, layout.qr.colour);
  doc.fillColor(layout.number.colour);
  const numberText = `No. ${badge.badgeNumber}`;
  centred(
    doc,
    BOLD,
    layout.number.size,
    numberText,
    left,
    width,
    box.y + box.height - layout.number.bottom * MM - layout.number.size,
  );
}

/**
 * The QR as vector squares (runs of dark modules merged per row), at error correction Q: 3.5× faster
 * than embedding a PNG and a smaller file. `size` includes the quiet zone.
 */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number, quietZone: number, colour: string): void {
  const { size: n, data } = QRCode.create(text, { errorCorrectionLevel: BADGE_QR_ERROR_CORRECTION }).modules;
  const module = size / (n + 2 * quietZone);
  const originX = x + quietZone * module;
  const originY = y + quietZone * module;
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && data[row * n + col]) col++;
      doc.rect(originX + start * module, originY + row * module, (col - start) * module, module);
    }
  }
  doc.fill(colour);
}

/** Cut marks on the lines between the badges of a sheet: short ticks at the page edges and a cross where they meet. */
export function drawCutMarks(doc: Doc, layout: BadgeLayout, pageWidth: number, pageHeight: number): void {
  const { columns, rows } = layout.pages.sheet;
  const length = layout.cutMarks.length * MM;
  doc.save().lineWidth(layout.cutMarks.width).strokeColor(layout.cutMarks.colour);
  for (let c = 1; c < columns; c++) {
    const x = (pageWidth * c) / columns;
    doc
      .moveTo(x, 0)
      .lineTo(x, length)
      .moveTo(x, pageHeight - length)
      .lineTo(x, pageHeight);
    for (let r = 1; r < rows; r++) {
      const y = (pageHeight * r) / rows;
      doc.moveTo(x, y - length / 2).lineTo(x, y + length / 2);
    }
  }
  for (let r = 1; r < rows; r++) {
    const y = (pageHeight * r) / rows;
    doc
      .moveTo(0, y)
      .lineTo(length, y)
      .moveTo(pageWidth - length, y)
      .lineTo(pageWidth, y);
    for (let c = 1; c < columns; c++) {
      const x = (pageWidth * c) / columns;
      doc.moveTo(x - length / 2, y).lineTo(x + length / 2, y);
    }
  }
  doc.stroke().restore();
}

function nameLine(doc: Doc, text: string, maxSize: number, minSize: number, left: number, width: number, y: number): number {
  if (!text) return y;
  const size = fitSize(doc, BOLD, text, maxSize, minSize, width);
  doc.font(BOLD).fontSize(size);
  if (doc.widthOfString(text) <= width) {
    centred(doc, BOLD, size, text, left, width, y);
    return y + size * 1.2;
  }
  // Still too long at the smallest size: two lines at most, then an ellipsis.
  doc.text(text, left, y, { width, align: 'center', height: size * 2.4, ellipsis: true, lineGap: 0 });
  return y + size * 2.4;
}

/** The largest size from maxSize down to minSize (half points) at which the text fits the width. */
export function fitSize(doc: Doc, font: string, text: string, maxSize: number, minSize: number, width: number): number {
  const atMax = doc.font(font).fontSize(maxSize).widthOfString(text);
  if (atMax <= width) return maxSize;
  return Math.max(minSize, Math.floor(((maxSize * width) / atMax) * 2) / 2);
}

function centred(doc: Doc, font: string, size: number, text: string, left: number, width: number, y: number): void {
  doc.font(font).fontSize(size);
  const w = doc.widthOfString(text);
  doc.text(text, left + Math.max(0, (width - w) / 2), y, { lineBreak: false });
}
