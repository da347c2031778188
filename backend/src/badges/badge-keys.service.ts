import type { KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { BadgeKeyCrypto } from './badge-key-crypto';
import { BadgeKeyRepository } from './badge-key.repository';

export { publicKeyFromRaw } from './badge-key-crypto';

export interface ForumKeys {
  /** Raw 32-byte Ed25519 public key, base64url: what door devices verify with. */
  publicKey: string;
  privateKey: KeyObject;
}

/**
 * Each forum's Ed25519 key pair, made the first time the forum needs one. The private key is stored
 * wrapped (BadgeKeyCrypto) and kept unwrapped in memory only.
 */
@Injectable()
export class BadgeKeysService {
  private readonly cache = new Map<string, Promise<ForumKeys>>();

  constructor(
    private readonly keys: BadgeKeyRepository,
    private readonly crypto: BadgeKeyCrypto,
  ) {}

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
    const row = (await this.keys.find(forumId)) ?? (await this.keys.insertIfAbsent({ forumId, ...this.crypto.generate() }));
    return { publicKey: row.publicKey, privateKey: this.crypto.unwrapPrivateKey(row.encryptedPrivateKey) };
  }
}
