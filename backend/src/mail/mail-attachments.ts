import { Injectable } from '@nestjs/common';
import type { MailAttachment } from './mail-renderer';

/** Makes an attachment from the value a message's data holds under the provider's key; null attaches nothing. */
export type AttachmentProvider = (value: unknown) => Promise<MailAttachment | null>;

/**
 * Attachments made when a message is sent rather than when it is queued (e.g. a badge PDF, which
 * then shows the badge as it is at sending). Modules register a provider for a data key at start;
 * the mail module knows nothing of what they make.
 */
@Injectable()
export class MailAttachments {
  private readonly providers = new Map<string, AttachmentProvider>();

  register(key: string, provider: AttachmentProvider): void {
    if (this.providers.has(key)) throw new Error(`A mail attachment provider for "${key}" is already registered`);
    this.providers.set(key, provider);
  }

  async resolve(data: Record<string, unknown>): Promise<MailAttachment[]> {
    const attachments: MailAttachment[] = [];
    for (const [key, provider] of this.providers) {
      if (data[key] === undefined || data[key] === null) continue;
      const attachment = await provider(data[key]);
      if (attachment) attachments.push(attachment);
    }
    return attachments;
  }
}
