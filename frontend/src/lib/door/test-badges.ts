import { getPublicKeyAsync, signAsync, utils } from '@noble/ed25519';
import { encode as base45Encode } from 'base45-ts';
import type { AttendeeTuple } from './door-data';

/** A forum key pair and badge writer, as the server makes them (backend/src/badges/badge-code.ts): for tests. */
export async function testForum(forumId = '1b2c3d4e-0000-4000-8000-000000000001') {
  const secretKey = utils.randomSecretKey();
  const publicKey = await getPublicKeyAsync(secretKey);
  const tag = forumId.replace(/-/g, '').slice(0, 8);
  return {
    forumId,
    tag,
    publicKey,
    async badge(badgeNumber: number, badgeVersion = 1, options: { tag?: string; key?: Uint8Array } = {}) {
      const signed = new Uint8Array(10);
      signed[0] = 1;
      signed.set(hexBytes(options.tag ?? tag), 1);
      signed[5] = (badgeNumber >> 16) & 0xff;
      signed[6] = (badgeNumber >> 8) & 0xff;
      signed[7] = badgeNumber & 0xff;
      signed[8] = badgeVersion >> 8;
      signed[9] = badgeVersion & 0xff;
      const signature = await signAsync(signed, options.key ?? secretKey);
      const all = new Uint8Array(74);
      all.set(signed);
      all.set(signature, 10);
      return base45Encode(all);
    },
  };
}

export function tuple(badgeNumber: number, firstName: string, lastName: string, extra: Partial<Record<number, unknown>> = {}) {
  const t: AttendeeTuple = [badgeNumber, 1, 'attendee', firstName, lastName, 'ZA', 'Gauteng', null, 0, null, null, 1];
  for (const [i, v] of Object.entries(extra)) (t as unknown[])[Number(i)] = v;
  return t;
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));
}
