import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { keyedProviders } from '../common/keyed-providers';
import type { Tx } from '../database/transactions';

/**
 * A module that keeps per-forum personal data retention must remove once the forum is long over
 * (invitations' RSVP answers, attendees' needs, check-ins' door details). Retention cannot import
 * those modules (they stand above it): each marks a provider `@HoldsForumData()`, and that provider
 * does the work on its own tables, like the register's MemberDataHolders.
 */
export interface ForumDataHolder {
  /** What the console and the audit line call this data ('invitations', 'attendees', 'checkIns'). */
  readonly key: string;
  /** How many rows of the forum still hold data retention would remove. */
  countHeld(forumId: string): Promise<number>;
  /** Removes it inside retention's transaction, keeping the rows for counts; how many rows changed. */
  deidentify(tx: Tx, forumId: string): Promise<number>;
}

/** Marks a provider that implements ForumDataHolder, for ForumDataHolders to find. */
export const HoldsForumData = DiscoveryService.createDecorator<void>();

/** The ForumDataHolder providers of every module, found once the application has started. */
@Injectable()
export class ForumDataHolders {
  private holders?: ForumDataHolder[];

  constructor(private readonly discovery: DiscoveryService) {}

  all(): readonly ForumDataHolder[] {
    return (this.holders ??= keyedProviders<ForumDataHolder>(this.discovery, HoldsForumData));
  }
}
