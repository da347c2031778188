import { decode as base45Decode } from 'base45-ts';

/**
 * Reads a badge's QR text: base45 of 74 bytes, the layout written by backend/src/badges/badge-code.ts.
 *
 *   byte 0      format (1)
 *   bytes 1–4   forum tag: the first 4 bytes of the forum's UUID
 *   bytes 5–7   badge number, unsigned big-endian
 *   bytes 8–9   badge version, unsigned big-endian
 *   bytes 10–73 Ed25519 signature of bytes 0–9 by the forum's key
 */
export const BADGE_FORMAT = 1;
export const SIGNED_LENGTH = 10;
export const SIGNATURE_LENGTH = 64;

export interface DecodedBadge {
  forumTag: string;
  badgeNumber: number;
  badgeVersion: number;
  signed: Uint8Array;
  signature: Uint8Array;
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
    forumTag: toHex(all.subarray(1, 5)),
    badgeNumber: (view.getUint16(5) << 8) | all[7],
    badgeVersion: view.getUint16(8),
    signed: all.subarray(0, SIGNED_LENGTH),
    signature: all.subarray(SIGNED_LENGTH),
  };
}

/** The forum tag printed into badges: 8 hex digits, the start of the forum's UUID. */
export function forumTag(forumId: string): string {
  return forumId.replace(/-/g, '').slice(0, 8).toLowerCase();
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Decodes base64url (the public key's form in the door data) to bytes. */
export function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * A scanner ends what it types with Enter (sometimes Tab); those go. Spaces stay: a space is a base45
 * digit, and a forum whose tag starts with certain bytes has codes that begin with one.
 */
function withoutLineBreaks(text: string): string {
  return text.replace(/[\r\n\t]/g, '');
}
