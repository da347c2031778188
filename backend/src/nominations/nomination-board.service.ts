import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthUser } from '../auth/auth-user';
import { UsersService } from '../auth/users.service';
import { Clock } from '../common/clock';
import { LinkLifetime } from '../common/link-lifetime';
import { DomainError } from '../common/domain-error';
import { hashToken, newToken } from '../common/tokens';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Transactions } from '../database/transactions';
import { ForumsService } from '../forums/forums.service';
import { OutboxService } from '../mail/outbox.service';
import { countriesVisibleTo } from '../register/register-scope';
import { actorOf } from '../register/register.service';
import {
  identifiedStatuses,
  type NominationCategory,
  type NominationStatus,
  nominationStatuses,
  nominationTargets,
  nominationTransitions,
} from './nomination.constants';
import { acceptedMessage, declinedMessage } from './nomination-mail';
import type { NominationReview } from './nomination-review.entity';
import type { NominationStatusChange } from './nomination-status-change.entity';
import { NominationRepository, type NominationRow } from './nomination.repository';
import { type ReviewSummary, summariseReviews } from './review-summary';

const DAY = 86_400_000;
/** The personal link works until the forum is over, and never for less than this. */
const MIN_LINK_DAYS = 14;

export interface BoardQuery {
  forumId: string;
  statuses?: NominationStatus[];
  categories?: NominationCategory[];
  countries?: string[];
}

export interface ReviewWithName extends NominationReview {
  reviewerName: string;
}

export interface BoardItem extends NominationRow {
  summary: ReviewSummary;
  myReview: NominationReview | null;
  /** Other live nominations of the same person for this forum. */
  otherNominations: number;
}

export interface BoardCounters {
  byStatus: Record<NominationStatus, number>;
  identified: number;
  confirmed: number;
  targets: typeof nominationTargets;
}

export interface NominationDetail extends BoardItem {
  /** Every reviewer's score and comment: organisers only (registrars get an empty list). */
  reviews: ReviewWithName[];
  history: NominationStatusChange[];
}

export interface StatusChangeInput {
  status: NominationStatus;
  note?: string | null;
}

export interface ReviewInput {
  score?: number | null;
  comment?: string | null;
  conflictOfInterest?: boolean;
}

/** The review board: reading nominations, scoring them, and deciding. */
@Injectable()
export class NominationBoardService {
  constructor(
    private readonly nominations: NominationRepository,
    private readonly forums: ForumsService,
    private readonly users: UsersService,
    private readonly outbox: OutboxService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lifetime: LinkLifetime,
  ) {}

  async board(user: AuthUser, query: BoardQuery): Promise<{ items: BoardItem[]; counters: BoardCounters }> {
    await this.forums.get(query.forumId);
    const scope = countriesVisibleTo(user) ?? undefined;
    const countries = query.countries?.length ? query.countries.filter((c) => !scope || scope.includes(c)) : scope;
    // Counters cover the whole forum (within the user's countries), whatever the filters.
    const all = await this.nominations.list({ forumId: query.forumId, countries: scope });
    const rows = all.filter(
      (r) =>
        (!query.statuses?.length || query.statuses.includes(r.nomination.status)) &&
        (!query.categories?.length || query.categories.includes(r.nomination.category)) &&
        (!countries || countries.includes(r.nominee.countryCode)),
    );
    const reviews = await this.nominations.reviews(rows.map((r) => r.nomination.id));
    const items = rows.map((row) => this.item(user, row, reviews, all));
    return { items, counters: counters(all) };
  }

  async detail(user: AuthUser, id: string): Promise<NominationDetail> {
    const row = await this.visibleRow(user, id);
    const [reviews, history, siblings] = await Promise.all([
      this.nominations.reviews([id]),
      this.nominations.history(id),
      this.nominations.list({ forumId: row.nomination.forumId }),
    ]);
    const names = new Map((await this.users.list()).map((u) => [u.id, u.name]));
    const item = this.item(user, row, reviews, siblings);
    return {
      ...item,
      reviews:
        user.role === 'organiser'
          ? reviews.map((r) => Object.assign(r, { reviewerName: names.get(r.reviewerId) ?? 'Former staff' }))
          : [],
      history,
    };
  }

  /** One review per organiser, replaced when they review again; a conflict of interest withholds the score. */
  async review(user: AuthUser, id: string, input: ReviewInput): Promise<NominationDetail> {
    const row = await this.visibleRow(user, id);
    if (row.nomination.status === 'withdrawn') throw DomainError.conflict('This nomination was withdrawn');
    const conflictOfInterest = input.conflictOfInterest ?? false;
    const score = input.score ?? null;
    if (conflictOfInterest && score !== null) {
      throw DomainError.validation({ score: ['leave the score empty: you declared a conflict of interest'] });
    }
    if (!conflictOfInterest && (score === null || !Number.isInteger(score) || score < 1 || score > 5)) {
      throw DomainError.validation({ score: ['give a score from 1 to 5'] });
    }
    await this.nominations.upsertReview({
      nominationId: id,
      reviewerId: user.id,
      score,
      comment: input.comment?.trim() || null,
      conflictOfInterest,
    });
    return this.detail(user, id);
  }

  /** Moves a nomination on the board; acceptance and refusal are emailed to the nominee in the same transaction. */
  async changeStatus(user: AuthUser, id: string, input: StatusChangeInput): Promise<NominationDetail> {
    const { nomination, nominee } = await this.visibleRow(user, id);
    const from = nomination.status;
    const to = input.status;
    if (!nominationTransitions[from].includes(to)) {
      throw DomainError.conflict(`A nomination that is ${label(from)} cannot become ${label(to)}`, {
        status: [`allowed next: ${nominationTransitions[from].map(label).join(', ') || 'none'}`],
      });
    }
    const forum = await this.forums.get(nomination.forumId);
    const now = this.clock.now();
    const note = input.note?.trim() || null;
    const changeId = randomUUID();
    await this.transactions.run(async (tx) => {
      const repo = this.nominations.withTx(tx);
      let token: string | null = null;
      const extra: Parameters<NominationRepository['moveStatus']>[3] = {};
      if (to === 'accepted') {
        token = newToken();
        // The link lives as long as every personal link of the forum (its end plus LINK_GRACE_DAYS).
        const forumOver = this.lifetime.endsAt(forum).getTime();
        Object.assign(extra, {
          responseTokenHash: hashToken(token),
          responseTokenExpiresAt: new Date(Math.max(forumOver, now.getTime() + MIN_LINK_DAYS * DAY)),
          responseTokenUsedAt: null,
          confirmedAt: null,
        });
      } else {
        // Leaving "accepted" kills the personal link: only an accepted nominee has something to answer.
        Object.assign(extra, { responseTokenHash: null, responseTokenExpiresAt: null });
      }
      if (!(await repo.moveStatus(id, from, to, extra))) {
        throw DomainError.conflict('Someone changed this nomination meanwhile; reload it');
      }
      await repo.addStatusChange({
        id: changeId,
        nominationId: id,
        fromStatus: from,
        toStatus: to,
        actor: actorOf(user),
        actorName: user.name,
        note,
        at: now,
      });
      const message =
        to === 'accepted'
          ? acceptedMessage(nomination, nominee, forum, `${this.config.publicUrl}/nomination/${token}`, note, changeId)
          : to === 'declined'
            ? declinedMessage(nomination, nominee, forum, note, changeId)
            : null;
      if (message) await this.outbox.enqueue([message], tx);
    });
    return this.detail(user, id);
  }

  /** Staff record a confirmation heard by phone or in person (the nominee may have no email). */
  async confirmOnBehalf(user: AuthUser, id: string, note?: string | null): Promise<NominationDetail> {
    const { nomination } = await this.visibleRow(user, id);
    if (nomination.status !== 'accepted') throw DomainError.conflict('Only an accepted nomination can be confirmed');
    if (nomination.confirmedAt) throw DomainError.conflict('The nominee has already confirmed');
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const repo = this.nominations.withTx(tx);
      if (!(await repo.moveStatus(id, 'accepted', 'accepted', { confirmedAt: now }))) {
        throw DomainError.conflict('Someone changed this nomination meanwhile; reload it');
      }
      await repo.addStatusChange({
        nominationId: id,
        fromStatus: 'accepted',
        toStatus: 'accepted',
        actor: actorOf(user),
        actorName: user.name,
        note: `Confirmed on the nominee’s behalf${note?.trim() ? `: ${note.trim()}` : ''}`,
        at: now,
      });
    });
    return this.detail(user, id);
  }

  private async visibleRow(user: AuthUser, id: string): Promise<NominationRow> {
    const row = await this.nominations.findRow(id);
    const scope = countriesVisibleTo(user);
    if (!row || (scope && !scope.includes(row.nominee.countryCode))) throw DomainError.notFound('Nomination');
    return row;
  }

  private item(user: AuthUser, row: NominationRow, reviews: NominationReview[], all: NominationRow[]): BoardItem {
    const own = reviews.filter((r) => r.nominationId === row.nomination.id);
    return {
      ...row,
      summary: summariseReviews(own),
      myReview: own.find((r) => r.reviewerId === user.id) ?? null,
      otherNominations: all.filter(
        (o) =>
          o.nominee.id === row.nominee.id &&
          o.nomination.id !== row.nomination.id &&
          !['declined', 'withdrawn'].includes(o.nomination.status),
      ).length,
    };
  }
}

function counters(rows: NominationRow[]): BoardCounters {
  const byStatus = Object.fromEntries(nominationStatuses.map((s) => [s, 0])) as Record<NominationStatus, number>;
  for (const r of rows) byStatus[r.nomination.status]++;
  const distinct = (list: NominationRow[]) => new Set(list.map((r) => r.nominee.id)).size;
  return {
    byStatus,
    identified: distinct(rows.filter((r) => identifiedStatuses.includes(r.nomination.status))),
    confirmed: distinct(rows.filter((r) => r.nomination.status === 'accepted' && r.nomination.confirmedAt)),
    targets: nominationTargets,
  };
}

const label = (status: NominationStatus) => status.replace('_', ' ');
