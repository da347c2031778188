import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { BadgeKey } from './badge-key.entity';

export interface ForumKeys {
  /** Raw 32-byte Ed25519 public key, base64url: what door devices verify with. */
  publicKey: string;
  privateKey: KeyObject;
}

/**
 * Each forum's Ed25519 key pair, made the first time the forum needs one. The private key is stored
 * encrypted (AES-256-GCM, key derived from the app secret with HKDF) and kept decrypted in memory only.
 */
@Injectable()
export class BadgeKeysService {
  private readonly cache = new Map<string, Promise<ForumKeys>>();
  private readonly wrappingKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.wrappingKey = Buffer.from(hkdfSync('sha256', config.appSecret, 'diaspora-forum', 'badge-keys', 32));
  }

  keysFor(forumId: string): Promise<ForumKeys> {
    let keys = this.cache.get(forumId);
    if (!keys) {
      keys = this.load(forumId);
      keys.catch(() => this.cache.delete(forumId));
      this.cache.set(forumId, keys);
    }
    return keys;
  }

  async publicKey(forumId: string): Promise<string> {
    return (await this.keysFor(forumId)).publicKey;
  }

  private async load(forumId: string): Promise<ForumKeys> {
    const repo = this.dataSource.getRepository(BadgeKey);
    let row = await repo.findOneBy({ forumId });
    if (!row) {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const candidate = repo.create({
        forumId,
        publicKey: rawPublicKey(publicKey),
        encryptedPrivateKey: this.encrypt(privateKey.export({ format: 'der', type: 'pkcs8' })),
      });
      // Another process may have made the forum's key at the same moment: the first one stays.
      await repo.createQueryBuilder().insert().values(candidate).orIgnore().execute();
      row = await repo.findOneByOrFail({ forumId });
    }
    const privateKey = createPrivateKey({ key: this.decrypt(row.encryptedPrivateKey), format: 'der', type: 'pkcs8' });
    return { publicKey: row.publicKey, privateKey };
  }

  private encrypt(plain: Buffer): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.wrappingKey, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  private decrypt(stored: string): Buffer {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== 'v1') throw new Error('unknown badge key format');
    const decipher = createDecipheriv('aes-256-gcm', this.wrappingKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  }
}

function rawPublicKey(key: KeyObject): string {
  // The SPKI DER of an Ed25519 key is a fixed 12-byte header followed by the 32 raw bytes.
  return key.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64url');
}

/** A public key object from the raw form, for verifying in tests and tools. */
export function publicKeyFromRaw(raw: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });
}
