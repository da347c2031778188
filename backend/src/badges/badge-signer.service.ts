import { sign, verify } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { badgeBytes, decodeBadge, encodeBadge, forumTag } from './badge-code';
import { BadgeKeysService, publicKeyFromRaw } from './badge-keys.service';

export interface BadgeHolder {
  forumId: string;
  badgeNumber: number;
  badgeVersion: number;
}

/** Writes the signed text a badge's QR code carries. */
@Injectable()
export class BadgeSigner {
  constructor(private readonly keys: BadgeKeysService) {}

  async qrText(holder: BadgeHolder): Promise<string> {
    const { privateKey } = await this.keys.keysFor(holder.forumId);
    const signed = badgeBytes({ ...holder, forumTag: forumTag(holder.forumId) });
    return encodeBadge(signed, sign(null, signed, privateKey));
  }

  /** Checks a badge's text as a door would: our format, this forum, this forum's signature. */
  async verify(forumId: string, text: string): Promise<BadgeHolder | null> {
    const badge = decodeBadge(text);
    if (!badge || badge.forumTag !== forumTag(forumId)) return null;
    const key = publicKeyFromRaw(await this.keys.publicKey(forumId));
    if (!verify(null, badge.signed, key, badge.signature)) return null;
    return { forumId, badgeNumber: badge.badgeNumber, badgeVersion: badge.badgeVersion };
  }
}
