// npm run preview:badge [-- --out DIR]: draws sample badges (every role, long names, diacritics) from
// templates/badge/ with a throwaway key, as an A6 badge and an A4 sheet, so a layout change is seen
// before anyone prints. Default folder: data/badge-preview/.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { join, resolve } from 'node:path';
import type { AttendeeRole } from '../attendees/attendee.constants';
import { badgeBytes, encodeBadge, forumTag } from '../badges/badge-code';
import { badgeForum, placeOf } from '../badges/badge-content';
import type { BadgeContent } from '../badges/badge-drawing';
import { BadgePdf } from '../badges/badge-pdf';
import { repoRoot } from '../paths';

const outArg = process.argv.indexOf('--out');
const out = resolve(outArg > 0 ? process.argv[outArg + 1] : join(repoRoot, 'data', 'badge-preview'));

const people: [AttendeeRole, string, string, string | null, string | null][] = [
  ['presenter', 'Zoë', 'Ntšekhe', 'ZA', 'Gauteng'],
  ['attendee', 'Lineo', 'Mokhothu', 'GB', 'London'],
  ['organiser', 'Palesa', 'Mokoena', 'LS', 'Maseru'],
  ['press', 'José', 'Ñúñez-Łukasiewicz', 'US', 'New York'],
  ['vip', 'Mamello', 'Seeiso', 'LS', null],
  ['staff', 'Thabo', 'Letšabisa', 'ZA', 'KwaZulu-Natal'],
  ['attendee', 'Nthabiseng Mpho Reitumetse', 'Ramakatsa-Makhetha-Rankhelepe', 'ZA', 'Free State'],
  ['presenter', 'Björn', 'Åkesson', 'SE', null],
  ['attendee', 'Dineo', 'Ẹ̀kọ́', 'NG', 'Lagos'],
];

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const forumId = randomUUID();
  const { privateKey } = generateKeyPairSync('ed25519');
  const badges: BadgeContent[] = people.map(([role, firstName, lastName, country, region], i) => {
    const signed = badgeBytes({ forumTag: forumTag(forumId), badgeNumber: 101 + i, badgeVersion: 1 });
    return {
      role,
      firstName,
      lastName,
      place: placeOf(country, region),
      badgeNumber: 101 + i,
      qrText: encodeBadge(signed, sign(null, signed, privateKey)),
    };
  });
  const forum = badgeForum({ name: 'Basotho Diaspora Forum 2027', startDate: '2027-04-08', endDate: '2027-04-09' });
  const pdf = new BadgePdf();

  const single = join(out, 'badge-a6.pdf');
  await finished(pdf.single(forum, badges[0]).pipe(createWriteStream(single)));

  const sheetFile = join(out, 'badges-a4.pdf');
  const sheets = pdf.sheets(forum);
  const written = finished(sheets.doc.pipe(createWriteStream(sheetFile)));
  for (const badge of [...badges].sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName)))
    sheets.add(badge);
  sheets.end();
  await written;
  process.stdout.write(`Wrote ${single}\nWrote ${sheetFile} (${badges.length} badges, every role)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
