import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CALENDAR_KEY } from './mail-renderer';
import type { MessageData } from './message.entity';
import { MessageRepository } from './message.repository';
import { MASK, maskLink, MessageSecrets } from './message-secrets';

/** The data keys that held a raw personal link before links were sealed. */
export const LEGACY_LINK_KEYS = ['rsvpUrl', 'manageUrl', 'confirmUrl', 'responseUrl'];
const STILL_TO_SEND = new Set(['queued', 'sending', 'held', 'failed']);
const PAGE = 500;

/**
 * Outbox rows written before personal links were sealed keep them raw in `data`. At start, each
 * such row gets its links sealed (still to be sent) or only masked (sent or cancelled), and a
 * calendar file loses its URL line (it was the personal link). Safe to run in several processes:
 * a row is rewritten only in the state it was read in.
 */
@Injectable()
export class LegacyLinks implements OnApplicationBootstrap {
  private readonly logger = new Logger(LegacyLinks.name);

  constructor(
    private readonly messages: MessageRepository,
    private readonly secrets: MessageSecrets,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const fixed = await this.sealAll();
    if (fixed) this.logger.log({ fixed }, 'Sealed or masked the personal links of older outbox messages');
  }

  async sealAll(): Promise<number> {
    let fixed = 0;
    let after = '';
    for (;;) {
      const rows = await this.messages.withUnsealedLinks(LEGACY_LINK_KEYS, after, PAGE);
      if (!rows.length) return fixed;
      after = rows.at(-1)!.id;
      for (const row of rows) {
        const raw = Object.fromEntries(
          LEGACY_LINK_KEYS.flatMap((key) => {
            const value = row.data[key];
            return typeof value === 'string' && !value.endsWith(MASK) ? [[key, value]] : [];
          }),
        ) as Record<string, string>;
        if (!Object.keys(raw).length) continue;
        const data: MessageData = { ...row.data };
        for (const [key, value] of Object.entries(raw)) data[key] = maskLink(value);
        const calendar = data[CALENDAR_KEY];
        if (typeof calendar === 'string') data[CALENDAR_KEY] = calendar.replace(/^URL[;:].*(\r?\n[ \t].*)*\r?\n/gm, '');
        const sealed = STILL_TO_SEND.has(row.state) ? this.secrets.seal(raw, row) : null;
        if (await this.messages.replaceLinks(row.id, row.state, data, sealed)) fixed++;
      }
    }
  }
}
