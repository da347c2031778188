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
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** A new forum key pair: the public key raw (base64url) and the private key wrapped for storage. */
export interface NewKeyPair {
  publicKey: string;
  encryptedPrivateKey: string;
}

/**
 * The crypto behind forum keys: Ed25519 pairs, and the private key wrapped with AES-256-GCM under a
 * key derived from the app secret with HKDF. No storage here: BadgeKeyRepository keeps the rows.
 */
@Injectable()
export class BadgeKeyCrypto {
  private readonly wrappingKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'appSecret'>) {
    this.wrappingKey = Buffer.from(hkdfSync('sha256', config.appSecret, 'diaspora-forum', 'badge-keys', 32));
  }

  generate(): NewKeyPair {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    return {
      publicKey: rawPublicKey(publicKey),
      encryptedPrivateKey: this.wrap(privateKey.export({ format: 'der', type: 'pkcs8' })),
    };
  }

  /** The private key from its stored form; throws when it was wrapped under another secret. */
  unwrapPrivateKey(stored: string): KeyObject {
    return createPrivateKey({ key: this.unwrap(stored), format: 'der', type: 'pkcs8' });
  }

  private wrap(plain: Buffer): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.wrappingKey, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  private unwrap(stored: string): Buffer {
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
