import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Transactions } from '../database/transactions';
import { ForumsService, type Forum } from '../forums/forums.service';
import { AuditTrail } from '../logging/audit/audit-trail';
import { OutboxService } from '../mail/outbox.service';
import { RegisterService } from '../register/register.service';
import { ForumDataHolders } from './forum-data-holders';
import { monthsBefore, retentionDueAt } from './retention-dates';

export interface ForumRetention {
  forum: Pick<Forum, 'id' | 'name' | 'endDate' | 'status'>;
  months: number;
  /** Whether the months are the forum's own setting or the installation's default. */
  ownSetting: boolean;
  dueAt: Date;
  due: boolean;
  /** Rows that still hold what the run will remove, per kind (invitations, attendees, checkIns, mail). */
  held: Record<string, number>;
}

/**
 * Retention: once a forum is over by its retention period, RSVP answers and needs, door details and
 * mail bodies are de-identified, each module doing its own part (ForumDataHolders; the outbox sits
 * below the modules, so it is called directly, as erasure does). Rows stay for the counts.
 */
@Injectable()
export class RetentionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly forums: ForumsService,
    private readonly holders: ForumDataHolders,
    private readonly outbox: OutboxService,
    private readonly register: RegisterService,
    private readonly transactions: Transactions,
    private readonly audit: AuditTrail,
  ) {}

  /** Every forum with its due date and what a run would touch now, soonest due first. */
  async plan(now: Date): Promise<ForumRetention[]> {
    const plans = await Promise.all((await this.forums.list()).map((forum) => this.forumPlan(forum, now)));
    return plans.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  /** De-identifies every forum that is due, in one transaction with its audit line; the counts per kind. */
  async run(now: Date): Promise<{ forums: number; counts: Record<string, number> }> {
    const due = (await this.forums.list()).filter((f) => this.dueAt(f).getTime() <= now.getTime());
    return this.transactions.run(async (tx) => {
      const counts: Record<string, number> = Object.fromEntries([...this.holders.all().map((h) => [h.key, 0]), ['mail', 0]]);
      for (const forum of due) {
        for (const holder of this.holders.all()) counts[holder.key] += await holder.deidentify(tx, forum.id);
        counts.mail += await this.outbox.deidentifyForum(forum.id, tx);
      }
      const summary = `${due.length} forums due (${due.map((f) => f.id).join(' ') || 'none'}); ${Object.entries(counts)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, n]) => `${key} ${n}`)
        .join(', ')}`;
      await this.audit.record({ action: 'retention.run', actor: 'system', summary }, tx);
      return { forums: due.length, counts };
    });
  }

  /** Members holding no consent whose record nobody has touched for the review period: for a person to decide. */
  reviewList(now: Date, page: number, pageSize: number) {
    const before = monthsBefore(now, this.config.retention.reviewMonths);
    return this.register.withoutConsentUntouchedSince(before, page, pageSize).then((result) => ({ ...result, before }));
  }

  private dueAt(forum: Forum): Date {
    return retentionDueAt(forum.endDate, forum.retentionMonths ?? this.config.retention.months);
  }

  private async forumPlan(forum: Forum, now: Date): Promise<ForumRetention> {
    const held: Record<string, number> = {};
    for (const holder of this.holders.all()) held[holder.key] = await holder.countHeld(forum.id);
    held.mail = await this.outbox.countHeldForForum(forum.id);
    const dueAt = this.dueAt(forum);
    return {
      forum: { id: forum.id, name: forum.name, endDate: forum.endDate, status: forum.status },
      months: forum.retentionMonths ?? this.config.retention.months,
      ownSetting: forum.retentionMonths !== null,
      dueAt,
      due: dueAt.getTime() <= now.getTime(),
      held,
    };
  }
}
