import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;
const QUIET_ZONE = 4;

/**
 * Writes a one-frame y4m video of a QR code for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`): black modules on white, with a white quiet zone, as large as
 * the frame allows; `null` writes a blank frame. Chromium reads the file again on each getUserMedia,
 * so rewrite it before each scan.
 */
export function writeQrY4m(path: string, text: string | null): void {
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  if (text !== null) drawQr(luma, text);
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F30:1 Ip A1:1 C420jpeg\n`),
      Buffer.from('FRAME\n'),
      luma,
      chroma,
      chroma,
    ]),
  );
}

/** Black (16) modules on the white (235) luma plane, centred. */
function drawQr(luma: Buffer, text: string): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'Q' });
  const size = modules.size;
  const scale = Math.floor(HEIGHT / (size + 2 * QUIET_ZONE));
  const left = Math.floor((WIDTH - size * scale) / 2);
  const top = Math.floor((HEIGHT - size * scale) / 2);

  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++)
        luma.fill(
          16,
          (top + row * scale + y) * WIDTH + left + col * scale,
          (top + row * scale + y) * WIDTH + left + (col + 1) * scale,
        );
    }
  }
}
