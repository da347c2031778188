// Writes the door app's icons (static/door-icon.svg, -192.png, -512.png): a white door on Lesotho blue.
// Run once after changing the design: node src/lib/door/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const out = join(import.meta.dirname, '..', '..', '..', 'static');
const BLUE = [0x00, 0x20, 0x9f];
const WHITE = [0xff, 0xff, 0xff];
const GREEN = [0x00, 0x9a, 0x44];

/** The design in a 0–1 square: what colour is at (x, y). Full-bleed background, so it also works masked. */
function colourAt(x, y) {
  if ((x - 0.58) ** 2 + (y - 0.55) ** 2 < 0.03 ** 2) return GREEN;
  if (x > 0.32 && x < 0.68 && y > 0.2 && y < 0.82) return WHITE;
  return BLUE;
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) row.set(colourAt((x + 0.5) / size, (y + 0.5) / size), 1 + x * 3);
    rows.push(row);
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect width="100" height="100" fill="#00209f"/>
  <rect x="32" y="20" width="36" height="62" fill="#fff"/>
  <circle cx="58" cy="55" r="3" fill="#009a44"/>
</svg>
`;

writeFileSync(join(out, 'door-icon.svg'), svg);
for (const size of [192, 512]) writeFileSync(join(out, `door-icon-${size}.png`), png(size));
