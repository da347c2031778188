import { decode as base45Decode, encode as base45Encode } from 'base45-ts';

/**
 * What a badge's QR code holds: 74 bytes in base45 (RFC 9285), 111 characters of the QR alphanumeric
 * set: a version-7 QR (45 modules) at error correction Q, so a quarter of it may be smudged, creased or
 * in shadow. Printed 50 mm wide a module is almost 1 mm, which phone cameras read in dim light.
 *
 *   byte 0      format (1)
 *   bytes 1–4   forum tag: the first 4 bytes of the forum's UUID
 *   bytes 5–7   badge number, unsigned big-endian
 *   bytes 8–9   badge version, unsigned big-endian
 *   bytes 10–73 Ed25519 signature of bytes 0–9 by the forum's key
 *
 * The door app (frontend/src/lib/door/badge-code.ts) reads the same layout.
 */
export const BADGE_FORMAT = 1;
export const SIGNED_LENGTH = 10;
export const SIGNATURE_LENGTH = 64;
export const BADGE_QR_ERROR_CORRECTION = 'Q';

export interface BadgeFields {
  forumTag: string;
  badgeNumber: number;
  badgeVersion: number;
}

export interface DecodedBadge extends BadgeFields {
  signed: Uint8Array;
  signature: Uint8Array;
}

/** The forum tag printed into badges: 8 hex digits, the start of the forum's UUID. */
export function forumTag(forumId: string): string {
  return forumId.replace(/-/g, '').slice(0, 8).toLowerCase();
}

/** The bytes the forum's key signs. */
export function badgeBytes(fields: BadgeFields): Uint8Array {
  if (fields.badgeNumber < 1 || fields.badgeNumber > 0xffffff) throw new RangeError('badge number out of range');
  if (fields.badgeVersion < 1 || fields.badgeVersion > 0xffff) throw new RangeError('badge version out of range');
  const bytes = new Uint8Array(SIGNED_LENGTH);
  const view = new DataView(bytes.buffer);
  bytes[0] = BADGE_FORMAT;
  bytes.set(Buffer.from(fields.forumTag, 'hex'), 1);
  view.setUint16(5, fields.badgeNumber >>> 8);
  bytes[7] = fields.badgeNumber & 0xff;
  view.setUint16(8, fields.badgeVersion);
  return bytes;
}

export function encodeBadge(signed: Uint8Array, signature: Uint8Array): string {
  const all = new Uint8Array(SIGNED_LENGTH + SIGNATURE_LENGTH);
  all.set(signed, 0);
  all.set(signature, SIGNED_LENGTH);
  return base45Encode(all);
}

/** The fields of a badge's text, or null when it is not one of our badges. Says nothing of the signature. */
export function decodeBadge(text: string): DecodedBadge | null {
  let all: Uint8Array;
  try {
    all = base45Decode(withoutLineBreaks(text));
  } catch {
    return null;
  }
  if (all.length !== SIGNED_LENGTH + SIGNATURE_LENGTH || all[0] !== BADGE_FORMAT) return null;
  const view = new DataView(all.buffer, all.byteOffset, all.byteLength);
  return {
    forumTag: Buffer.from(all.subarray(1, 5)).toString('hex'),
    badgeNumber: (view.getUint16(5) << 8) | all[7],
    badgeVersion: view.getUint16(8),
    signed: all.subarray(0, SIGNED_LENGTH),
    signature: all.subarray(SIGNED_LENGTH),
  };
}

/**
 * A scanner ends what it types with Enter (sometimes Tab); those go. Spaces stay: a space is a base45
 * digit, and a forum whose tag starts with certain bytes has codes that begin with one.
 */
function withoutLineBreaks(text: string): string {
  return text.replace(/[\r\n\t]/g, '');
}
