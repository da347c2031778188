import PDFDocument from 'pdfkit';
import { type BadgeFonts, loadBadgeFonts, loadBadgeLayout } from '../badges/badge-layout';

export interface DoorListEntry {
  badgeNumber: number;
  firstName: string;
  lastName: string;
  role: string;
}

export interface DoorListForum {
  name: string;
  venue: string;
  /** The days to tick, YYYY-MM-DD. */
  days: string[];
}

const REGULAR = 'DoorList';
const BOLD = 'DoorListBold';
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 36;
const ROW = 19;
const BOX = 10;
const DAY_COLUMN = 58;

let fonts: BadgeFonts | null = null;

/** A4 pages, a row a person, a tick box per day: what a door works from when the phones fail. */
export function doorListPdf(forum: DoorListForum, entries: DoorListEntry[], printedAt: string): PDFKit.PDFDocument {
  fonts ??= loadBadgeFonts(loadBadgeLayout());
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: `Door list · ${forum.name}`, Creator: 'Diaspora Forum' },
  });
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const dayLabels = forum.days.map((d) => dayFormat.format(new Date(`${d}T12:00:00Z`)));
  const daysLeft = A4.width - MARGIN - DAY_COLUMN * forum.days.length;
  const columns = { surname: MARGIN, first: MARGIN + 145, badge: MARGIN + 270, role: MARGIN + 310 };
  let page = 0;
  let y = 0;

  const header = () => {
    doc.addPage();
    page += 1;
    doc.font(BOLD).fontSize(14).fillColor('#000').text(`Door list · ${forum.name}`, MARGIN, MARGIN, { lineBreak: false });
    doc
      .font(REGULAR)
      .fontSize(9)
      .text(`${forum.venue} · ${entries.length} people, by surname · printed ${printedAt} · page ${page}`, MARGIN, MARGIN + 20, {
        lineBreak: false,
      });
    y = MARGIN + 42;
    doc.font(BOLD).fontSize(9);
    doc.text('Surname', columns.surname, y, { lineBreak: false });
    doc.text('First name', columns.first, y, { lineBreak: false });
    doc.text('Badge', columns.badge, y, { lineBreak: false });
    doc.text('Role', columns.role, y, { lineBreak: false });
    dayLabels.forEach((label, i) => doc.text(label, daysLeft + i * DAY_COLUMN, y, { lineBreak: false }));
    y += 14;
    doc
      .moveTo(MARGIN, y)
      .lineTo(A4.width - MARGIN, y)
      .lineWidth(0.8)
      .stroke();
    y += 4;
  };

  header();
  for (const entry of entries) {
    if (y + ROW > A4.height - MARGIN) header();
    doc
      .font(BOLD)
      .fontSize(10)
      .text(entry.lastName, columns.surname, y + 4, { width: 140, lineBreak: false, ellipsis: true });
    doc.font(REGULAR).text(entry.firstName, columns.first, y + 4, { width: 120, lineBreak: false, ellipsis: true });
    doc.text(String(entry.badgeNumber), columns.badge, y + 4, { lineBreak: false });
    doc
      .fontSize(9)
      .text(entry.role, columns.role, y + 4, { width: daysLeft - columns.role - 6, lineBreak: false, ellipsis: true });
    forum.days.forEach((_, i) =>
      doc
        .rect(daysLeft + i * DAY_COLUMN + 8, y + 3, BOX, BOX)
        .lineWidth(0.8)
        .stroke(),
    );
    y += ROW;
    doc
      .moveTo(MARGIN, y - 1)
      .lineTo(A4.width - MARGIN, y - 1)
      .lineWidth(0.2)
      .strokeColor('#999')
      .stroke()
      .strokeColor('#000');
  }
  if (entries.length === 0)
    doc
      .font(REGULAR)
      .fontSize(11)
      .text('No one to admit yet.', MARGIN, y + 6);
  doc.end();
  return doc;
}
