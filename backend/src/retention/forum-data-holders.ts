import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';

/**
 * A module that keeps per-forum personal data retention must remove once the forum is long over
 * (invitations' RSVP answers, attendees' needs, check-ins' door details). Retention cannot import
 * those modules (they stand above it): each registers itself here, and its own service does the
 * work on its own tables, like the register's MemberDataHolders.
 */
export interface ForumDataHolder {
  /** What the console and the audit line call this data ('invitations', 'attendees', 'checkIns'). */
  readonly key: string;
  /** How many rows of the forum still hold data retention would remove. */
  countHeld(forumId: string): Promise<number>;
  /** Removes it inside retention's transaction, keeping the rows for counts; how many rows changed. */
  deidentify(tx: Tx, forumId: string): Promise<number>;
}

@Injectable()
export class ForumDataHolders {
  private readonly holders: ForumDataHolder[] = [];

  add(holder: ForumDataHolder): void {
    this.holders.push(holder);
  }

  all(): readonly ForumDataHolder[] {
    return this.holders;
  }
}
