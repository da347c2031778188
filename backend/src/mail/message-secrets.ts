import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** What a message's secret fields are replaced with wherever the message is shown or kept: the link's shape, not its key. */
export const MASK = '••••••••';

/** A personal link with its key (the last path segment) masked: `https://…/rsvp/••••••••`. */
export function maskLink(value: string): string {
  return value.replace(/[^/]*$/, MASK);
}

/** The message a sealed value belongs to: a sealed copy moved to another row or address does not open. */
export interface SealBinding {
  recipient: string;
  idempotencyKey: string;
}

/**
 * Seals a message's secret fields (personal links) with AES-256-GCM under a key derived from the
 * app secret, bound to the message's recipient and idempotency key. The outbox keeps only the
 * sealed copy until the message is sent, then wipes it (MessageRepository): a database dump holds
 * no usable link, and the console shows the masked form.
 */
@Injectable()
export class MessageSecrets {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'appSecret'>) {
    this.key = Buffer.from(hkdfSync('sha256', config.appSecret, 'diaspora-forum', 'outbox-secrets', 32));
  }

  seal(values: Record<string, string>, binding: SealBinding): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(aad(binding));
    const body = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** Throws when the value was sealed under another secret, for another message, or was altered. */
  open(sealed: string, binding: SealBinding): Record<string, string> {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown sealed format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(aad(binding));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    return JSON.parse(plain) as Record<string, string>;
  }
}

function aad(binding: SealBinding): Buffer {
  return Buffer.from(`${binding.recipient}\n${binding.idempotencyKey}`, 'utf8');
}
