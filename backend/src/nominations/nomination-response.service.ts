import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { LinkLifetime } from '../common/link-lifetime';
import { hashToken } from '../common/tokens';
import { Transactions } from '../database/transactions';
import type { Forum } from '../forums/forums.service';
import { ForumsService } from '../forums/forums.service';
import type { Nomination } from './nomination.entity';
import { NominationRepository, type Nominee } from './nomination.repository';

/** The same answer for an unknown, expired, used or no-longer-accepted link: it reveals nothing. */
export const INVALID_NOMINATION_LINK = 'This link is not valid any more';

export interface NomineeView {
  nomination: Nomination;
  nominee: Nominee;
  forum: Forum;
}

/**
 * An accepted nominee answers through their personal link: confirm (with or without a public
 * profile) or withdraw. Confirming keeps the link alive, so a confirmed presenter can still
 * withdraw; withdrawing uses it up.
 */
@Injectable()
export class NominationResponseService {
  constructor(
    private readonly nominations: NominationRepository,
    private readonly forums: ForumsService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly lifetime: LinkLifetime,
  ) {}

  async view(rawToken: string): Promise<NomineeView> {
    const nomination = await this.usable(rawToken);
    const row = await this.nominations.findRow(nomination.id);
    if (!row || row.nominee.status === 'erased') throw new DomainError('not_found', INVALID_NOMINATION_LINK);
    return { ...row, forum: await this.forums.get(nomination.forumId) };
  }

  async confirm(rawToken: string, input: { publishProfile: boolean; bio?: string | null }): Promise<NomineeView> {
    const nomination = await this.usable(rawToken);
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const repo = this.nominations.withTx(tx);
      const moved = await repo.moveStatus(nomination.id, 'accepted', 'accepted', {
        confirmedAt: nomination.confirmedAt ?? now,
        // The nominee's own choice, each time they answer: they may also take consent back.
        nomineePublishConsentAt: input.publishProfile ? (nomination.nomineePublishConsentAt ?? now) : null,
        nomineeContactConsentAt: nomination.nomineeContactConsentAt ?? now,
        nomineeBio: input.bio?.trim() || null,
      });
      if (!moved) throw new DomainError('not_found', INVALID_NOMINATION_LINK);
      await repo.addStatusChange({
        nominationId: nomination.id,
        fromStatus: 'accepted',
        toStatus: 'accepted',
        actor: 'nominee',
        actorName: 'Nominee (personal link)',
        note: `Confirmed by the nominee; public profile ${input.publishProfile ? 'allowed' : 'not allowed'}`,
        at: now,
      });
    });
    return this.view(rawToken);
  }

  async withdraw(rawToken: string, reason?: string | null): Promise<void> {
    const nomination = await this.usable(rawToken);
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const repo = this.nominations.withTx(tx);
      const moved = await repo.moveStatus(nomination.id, 'accepted', 'withdrawn', { responseTokenUsedAt: now });
      if (!moved) throw new DomainError('not_found', INVALID_NOMINATION_LINK);
      await repo.addStatusChange({
        nominationId: nomination.id,
        fromStatus: 'accepted',
        toStatus: 'withdrawn',
        actor: 'nominee',
        actorName: 'Nominee (personal link)',
        note: reason?.trim() || null,
        at: now,
      });
    });
  }

  private async usable(rawToken: string): Promise<Nomination> {
    const nomination = rawToken ? await this.nominations.findByTokenHash(hashToken(rawToken)) : null;
    const now = this.clock.now();
    if (!nomination || nomination.status !== 'accepted' || nomination.responseTokenUsedAt)
      throw new DomainError('not_found', INVALID_NOMINATION_LINK);
    // After the forum (and the grace period): 410, in the nominee's language.
    this.lifetime.check(await this.forums.get(nomination.forumId), nomination.locale);
    if (!nomination.responseTokenExpiresAt) throw new DomainError('not_found', INVALID_NOMINATION_LINK);
    if (nomination.responseTokenExpiresAt <= now) throw this.lifetime.expired(nomination.locale);
    return nomination;
  }
}
