// badges-pdf: 1,000 badges as one A4 PDF (four a sheet, surname order), on MySQL/MariaDB.
// Ours: BadgesService.sheets() — what GET /forums/:id/badges.pdf streams — in an app context of the
// built backend, run in a child process (so its peak RSS is its own): attendees read a page at a time,
// each badge signed (Ed25519) and drawn, the PDF piped to a sink that discards it.
// Floor: pdfkit + qrcode alone drawing the same content (band, role words, forum, name, place,
// number, the QR as vector squares merged per row as ours does, cut marks) from an in-memory array,
// with the same fonts; QR texts signed beforehand. Alternating rounds after a warm-up; medians.
import { fork } from 'node:child_process';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const COUNT = Number(process.env.BENCH_BADGES ?? 1000);
const ROUNDS = 3;
const repoRoot = join(import.meta.dirname, '..', '..');
const dist = join(repoRoot, 'backend', 'dist');
const require = createRequire(join(repoRoot, 'backend', 'package.json'));
const roles = ['attendee', 'presenter', 'organiser', 'press', 'vip', 'staff'];
const first = ['Zoë', 'Lineo', 'Thabo', 'Palesa', 'Mpho', 'Nthabiseng', 'José', 'Björn', 'Dineo', 'Teboho'];
const last = ['Ntšekhe', 'Mokoena', 'Letšabisa', 'Seeiso', 'Ramakatsa-Makhetha', 'van der Merwe', 'Åkesson', 'Mokhothu'];
const places = [
  ['ZA', 'Gauteng'],
  ['GB', 'London'],
  ['LS', 'Maseru'],
  ['US', null],
  ['ZA', 'Free State'],
];

/** The same synthetic people for ours and the floor. */
function person(i) {
  const [countryCode, region] = places[i % places.length];
  return {
    role: roles[i % roles.length],
    firstName: first[i % first.length],
    lastName: `${last[(i * 7) % last.length]}${i % 13 ? '' : ' Nkhahle'}`,
    countryCode,
    region,
    badgeNumber: i + 1,
  };
}

/** Writable that counts and forgets: no file or network cost in either measurement. */
const discard = () =>
  new Writable({
    write(_chunk, _enc, callback) {
      callback();
    },
  });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (n, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

// ---- ours, in a child process --------------------------------------------------------------------
async function child(databaseUrl) {
  const dataDir = mkdtempSync(join(tmpdir(), 'df-bench-badges-'));
  const { NestFactory } = require('@nestjs/core');
  const { getDataSourceToken } = require('@nestjs/typeorm');
  const { AppModule } = require(join(dist, 'app.module.js'));
  const { loadConfig } = require(join(dist, 'config', 'app-config.js'));
  const config = loadConfig({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn', MAIL_WORKER: 'off' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  const { ForumsService } = require(join(dist, 'forums', 'forums.service.js'));
  const { BadgesService } = require(join(dist, 'badges', 'badges.service.js'));
  const forum = await app.get(ForumsService).create({
    name: 'Basotho Diaspora Forum 2027',
    venue: 'Maseru',
    startDate: '2027-04-08',
    endDate: '2027-04-09',
    capacity: 20000,
    status: 'open',
  });
  const dataSource = app.get(getDataSourceToken());
  const rows = Array.from({ length: COUNT }, (_, i) => ({
    id: randomUUID(),
    forumId: forum.id,
    memberId: null,
    invitationId: null,
    ...person(i),
    badgeVersion: 1,
    badgeRevoked: false,
    status: 'confirmed',
    needs: null,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await dataSource
      .createQueryBuilder()
      .insert()
      .into('attendees')
      .values(rows.slice(i, i + 500))
      .execute();
  const badges = app.get(BadgesService);
  const user = { id: randomUUID(), email: 'bench@example.org', name: 'Bench', role: 'organiser', countries: [] };

  process.on('message', async (message) => {
    if (message === 'stop') {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      process.send({ done: true, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
      return;
    }
    const start = performance.now();
    const { count, pdf } = await badges.sheets(user, forum.id, {});
    let bytes = 0;
    await new Promise((resolve, reject) => {
      const sink = discard();
      pdf.on('data', (c) => (bytes += c.length));
      pdf.pipe(sink).on('finish', resolve).on('error', reject);
      pdf.on('error', reject);
    });
    process.send({ seconds: (performance.now() - start) / 1000, count, bytes });
  });
  process.send({ ready: true });
}

// ---- the floor ---------------------------------------------------------------------------------
function floorRun(fonts, layout, texts) {
  const PDFDocument = require('pdfkit');
  const QRCode = require('qrcode');
  const MM = 72 / 25.4;
  const start = performance.now();
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0 });
  doc.registerFont('R', fonts.regular);
  doc.registerFont('B', fonts.bold);
  let bytes = 0;
  doc.on('data', (c) => (bytes += c.length));
  const done = new Promise((resolve) => doc.pipe(discard()).on('finish', resolve));
  const W = 210 * MM;
  const H = 297 * MM;
  const people = Array.from({ length: COUNT }, (_, i) => person(i)).sort(
    (a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName),
  );
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  people.forEach((p, i) => {
    const slot = i % 4;
    if (slot === 0) {
      doc.addPage({ size: [W, H], margin: 0 });
      doc.lineWidth(0.5).strokeColor('#555555');
      doc
        .moveTo(W / 2, 0)
        .lineTo(W / 2, 8 * MM)
        .moveTo(W / 2, H - 8 * MM)
        .lineTo(W / 2, H);
      doc
        .moveTo(0, H / 2)
        .lineTo(8 * MM, H / 2)
        .moveTo(W - 8 * MM, H / 2)
        .lineTo(W, H / 2)
        .stroke();
    }
    const x = (slot % 2) * (W / 2);
    const y = Math.floor(slot / 2) * (H / 2);
    const left = x + 6 * MM;
    const width = W / 2 - 12 * MM;
    const role = layout.roles[p.role];
    const centre = (font, size, text, ty) => {
      doc.font(font).fontSize(size);
      doc.text(text, left + Math.max(0, (width - doc.widthOfString(text)) / 2), ty, { lineBreak: false });
    };
    doc.rect(left, y + 6 * MM, width, 20 * MM).fill(role.colour);
    doc.fillColor('#ffffff');
    centre('B', 22, role.en, y + 10 * MM);
    centre('R', 10, role.st, y + 18.5 * MM);
    doc.fillColor('#333333');
    centre('B', 11, 'Basotho Diaspora Forum 2027', y + 30 * MM);
    centre('R', 9, '8–9 April 2027', y + 35 * MM);
    doc.fillColor('#111111');
    centre('B', 30, p.firstName, y + 42 * MM);
    centre('B', 22, p.lastName, y + 55 * MM);
    doc.fillColor('#333333');
    centre('R', 11, [names.of(p.countryCode), p.region].filter(Boolean).join(' · '), y + 67 * MM);
    const { size: n, data } = QRCode.create(texts[i], { errorCorrectionLevel: 'Q' }).modules;
    const qr = 50 * MM;
    const m = qr / (n + 8);
    const qx = x + (W / 2 - qr) / 2 + 4 * m;
    const qy = y + H / 2 - 12 * MM - qr + 4 * m;
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n;) {
        if (!data[r * n + c]) {
          c++;
          continue;
        }
        const s = c;
        while (c < n && data[r * n + c]) c++;
        doc.rect(qx + s * m, qy + r * m, (c - s) * m, m);
      }
    doc.fill('#000000');
    doc.fillColor('#333333');
    centre('B', 10, `No. ${p.badgeNumber}`, y + H / 2 - 5 * MM - 10);
  });
  doc.end();
  return done.then(() => ({ seconds: (performance.now() - start) / 1000, bytes }));
}

export default async function badgesPdf({ freshDatabase }) {
  const layout = JSON.parse(readFileSync(join(repoRoot, 'templates', 'badge', 'layout.json'), 'utf8'));
  const font = (f) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${f}`));
  const fonts = { regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') };
  const { badgeBytes, encodeBadge, forumTag } = require(join(dist, 'badges', 'badge-code.js'));
  const { privateKey } = generateKeyPairSync('ed25519');
  const forumId = randomUUID();
  const texts = Array.from({ length: COUNT }, (_, i) => {
    const signed = badgeBytes({ forumTag: forumTag(forumId), badgeNumber: i + 1, badgeVersion: 1 });
    return encodeBadge(signed, sign(null, signed, privateKey));
  });

  const proc = fork(fileURLToPath(import.meta.url), ['--child', await freshDatabase()], { stdio: 'inherit' });
  const replies = [];
  let waiting;
  proc.on('message', (m) => (waiting ? (waiting(m), (waiting = undefined)) : replies.push(m)));
  const next = () => (replies.length ? Promise.resolve(replies.shift()) : new Promise((r) => (waiting = r)));
  const ask = (message) => (proc.send(message), next());

  await next(); // ready
  await floorRun(fonts, layout, texts); // warm-ups
  const warm = await ask('run');
  const ours = [];
  const floor = [];
  for (let i = 0; i < ROUNDS; i++) {
    floor.push(await floorRun(fonts, layout, texts));
    ours.push(await ask('run'));
  }
  const { peakRssMb } = await ask('stop');
  const oursS = median(ours.map((r) => r.seconds));
  const floorS = median(floor.map((r) => r.seconds));
  return {
    unit: 's per 1000',
    better: 'lower',
    ours: round((oursS * 1000) / COUNT),
    floor: round((floorS * 1000) / COUNT),
    ratio: round(oursS / floorS),
    peakRssMb,
    target: '≤ 5 s, ≤ 300 MB, ≤ 1.5× floor',
    notes:
      `${COUNT} badges (${warm.count} printed), ${Math.ceil(COUNT / 4)} A4 pages; ` +
      `PDF ${round(median(ours.map((r) => r.bytes)) / 2 ** 20)} MB ours, ${round(median(floor.map((r) => r.bytes)) / 2 ** 20)} MB floor; ` +
      `runs ours ${ours.map((r) => round(r.seconds)).join(', ')} s, floor ${floor.map((r) => round(r.seconds)).join(', ')} s; peak RSS is ours (child)`,
    method:
      `${COUNT} confirmed attendees (names with diacritics, every role) in a fresh MariaDB database migrated by the app. ` +
      'Ours: BadgesService.sheets() from backend/dist in a child process (the code GET /forums/:id/badges.pdf streams): count, ' +
      'then keyset pages of 250 attendees in surname order, each badge signed with the forum key and drawn (pdfkit, DejaVu embedded, ' +
      'QR as vector squares merged per row), piped to a discarding stream; peak RSS is that child’s maxRSS. Floor: pdfkit + qrcode ' +
      'in the parent drawing the same content from an in-memory sorted array with pre-signed QR texts. One warm-up each, then ' +
      `${ROUNDS} alternating rounds; medians.`,
  };
}

if (process.argv[2] === '--child') child(process.argv[3]).catch((e) => (console.error(e), process.exit(1)));
