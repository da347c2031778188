import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { encode as base45Encode, decode as base45Decode } from 'base45-ts';
import QRCode from 'qrcode';
import { createTestApp, type TestApp } from '../test/test-app';
import { BadgeKey } from './badge-key.entity';
import { BADGE_QR_ERROR_CORRECTION, decodeBadge } from './badge-code';
import { BadgeKeyCrypto } from './badge-key-crypto';
import { BadgeKeyRepository } from './badge-key.repository';
import { BadgeKeysService } from './badge-keys.service';
import { BadgeSigner } from './badge-signer.service';

describe(BadgeSigner.name, () => {
  let t: TestApp;
  let signer: BadgeSigner;
  beforeAll(async () => {
    t = await createTestApp();
    signer = t.app.get(BadgeSigner);
  });
  afterAll(() => t.close());

  it('signs a short badge text that its forum verifies and fits a version-7 QR at level Q', async () => {
    const forumId = randomUUID();
    const text = await signer.qrText({ forumId, badgeNumber: 1234, badgeVersion: 3 });
    expect(text).toMatch(/^[0-9A-Z $%*+\-./:]{111}$/);
    expect(QRCode.create(text, { errorCorrectionLevel: BADGE_QR_ERROR_CORRECTION }).version).toBe(7);
    expect(await signer.verify(forumId, text)).toEqual({ forumId, badgeNumber: 1234, badgeVersion: 3 });
    expect(decodeBadge(text)).toMatchObject({ forumTag: forumId.replace(/-/g, '').slice(0, 8), badgeNumber: 1234 });
  });

  it('verifies badges of a forum whose codes begin with a space (a base45 digit), with the Enter a scanner adds', async () => {
    // (256 + 0x05) % 45 = 36, the digit written as a space.
    const forumId = `05${randomUUID().slice(2)}`;
    const text = await signer.qrText({ forumId, badgeNumber: 9, badgeVersion: 1 });
    expect(text.startsWith(' ')).toBe(true);
    expect(await signer.verify(forumId, `${text}\r\n`)).toEqual({ forumId, badgeNumber: 9, badgeVersion: 1 });
    expect(decodeBadge(text)?.badgeNumber).toBe(9);
  });

  it('refuses a changed byte, another forum, another forum key and text that is not a badge', async () => {
    const forumId = randomUUID();
    const text = await signer.qrText({ forumId, badgeNumber: 7, badgeVersion: 1 });
    const bytes = base45Decode(text);
    bytes[6] ^= 1;
    expect(await signer.verify(forumId, base45Encode(bytes))).toBeNull();
    expect(await signer.verify(randomUUID(), text)).toBeNull();

    // Same forum tag, but signed by another forum's key: a forgery.
    const other = randomUUID();
    const forged = await signer.qrText({ forumId: forumId.slice(0, 8) + other.slice(8), badgeNumber: 7, badgeVersion: 1 });
    expect(decodeBadge(forged)?.forumTag).toBe(decodeBadge(text)?.forumTag);
    expect(await signer.verify(forumId, forged)).toBeNull();

    for (const junk of ['', 'hello', 'https://example.org', text.slice(0, 60)])
      expect(await signer.verify(forumId, junk)).toBeNull();
  });

  it('keeps one key per forum, stored encrypted, the same after a restart', async () => {
    const forumId = randomUUID();
    const keys = t.app.get(BadgeKeysService);
    const [a, b] = await Promise.all([keys.publicKey(forumId), keys.publicKey(forumId)]);
    expect(a).toBe(b);
    const rows = await t.dataSource.getRepository(BadgeKey).findBy({ forumId });
    expect(rows).toHaveLength(1);
    expect(rows[0].encryptedPrivateKey).not.toContain('PRIVATE');
    const text = await signer.qrText({ forumId, badgeNumber: 9, badgeVersion: 1 });
    // A fresh service (as after a restart) reads the key back from the database.
    const fresh = new BadgeSigner(
      new BadgeKeysService(
        t.app.get(BadgeKeyRepository),
        new BadgeKeyCrypto({ appSecret: 'test-secret-test-secret-test-secret-0123' }),
      ),
    );
    expect(await fresh.verify(forumId, text)).not.toBeNull();
    const wrongSecret = new BadgeKeysService(
      t.app.get(BadgeKeyRepository),
      new BadgeKeyCrypto({ appSecret: 'another secret entirely, 0123456789' }),
    );
    await expect(wrongSecret.publicKey(forumId).then(() => wrongSecret.keysFor(forumId))).rejects.toThrow();
  });
});
