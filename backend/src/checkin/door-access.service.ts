import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { UsersService } from '../auth/users.service';
import { Clock } from '../common/clock';
import { DomainError, type FieldErrors } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { ForumsService } from '../forums/forums.service';
import { AuditTrail } from '../logging/audit/audit-trail';
import { type Assignment, DoorAssignmentRepository } from './door-assignment.repository';
import { forumDays } from './forum-day-rules';

/** How long a door account's assignments are trusted without reading them again (like a checked session). */
const RECHECK_MS = 5_000;

/** What a door account may reach: by forum id, the days (null: every day). Organisers reach everything. */
export type DoorReach = Map<string, string[] | null>;

/**
 * Which forums (and days) door staff work. Organisers assign door accounts to forums; a door session
 * reaches only those forums' data, check-ins, walk-ins and door list. Checked on every door request,
 * so the assignments are kept in memory for a few seconds per user (changed here: at once).
 */
@Injectable()
export class DoorAccess {
  private readonly recent = new Map<string, { reach: DoorReach; at: number }>();

  constructor(
    private readonly assignments: DoorAssignmentRepository,
    private readonly users: UsersService,
    private readonly forums: ForumsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** null: the user reaches every forum (an organiser). */
  async reach(user: AuthUser): Promise<DoorReach | null> {
    if (user.role === 'organiser') return null;
    const now = this.clock.now().getTime();
    const cached = this.recent.get(user.id);
    if (cached && now - cached.at < RECHECK_MS && now >= cached.at) return cached.reach;
    const reach: DoorReach = new Map((await this.assignments.forUser(user.id)).map((a) => [a.forumId, a.days]));
    if (this.recent.size > 10_000) this.recent.clear();
    this.recent.set(user.id, { reach, at: now });
    return reach;
  }

  /** 404 (the forum is not visible) unless the user works this forum. */
  async checkForum(user: AuthUser, forumId: string): Promise<void> {
    const reach = await this.reach(user);
    if (reach && !reach.has(forumId)) throw DomainError.notFound('Forum');
  }

  /** 404 for a forum not assigned; 403 for a day of it the user does not work. */
  async checkDay(user: AuthUser, forumId: string, day: string): Promise<void> {
    const reach = await this.reach(user);
    if (!reach) return;
    if (!reach.has(forumId)) throw DomainError.notFound('Forum');
    const days = reach.get(forumId);
    if (days && !days.includes(day)) throw DomainError.forbidden(`You are not assigned to work on ${day}`);
  }

  /** Field errors for the days of a batch the user does not work (the forum itself checked before). */
  async dayErrors(user: AuthUser, forumId: string, days: string[], field: (n: number) => string): Promise<FieldErrors> {
    const allowed = (await this.reach(user))?.get(forumId);
    const errors: FieldErrors = {};
    if (!allowed) return errors;
    days.forEach((day, n) => {
      if (!allowed.includes(day)) errors[field(n)] = [`you are not assigned to work on ${day}`];
    });
    return errors;
  }

  /** The days of the forum the user works (every day for organisers and unrestricted assignments). */
  async daysOf(user: AuthUser, forumId: string, all: string[]): Promise<string[]> {
    const days = (await this.reach(user))?.get(forumId);
    return days ? all.filter((d) => days.includes(d)) : all;
  }

  /** Every door account with its assignments, for the staff console. */
  async doorStaff(): Promise<{ userId: string; name: string; email: string; active: boolean; assignments: Assignment[] }[]> {
    const [users, all] = await Promise.all([this.users.list(), this.assignments.all()]);
    return users
      .filter((u) => u.role === 'door')
      .map((u) => ({
        userId: u.id,
        name: u.name,
        email: u.email,
        active: u.active,
        assignments: all.filter((a) => a.userId === u.id).map(({ forumId, days }) => ({ forumId, days })),
      }));
  }

  /** Sets the forums (and days) a door account works, replacing what it had. */
  async assign(actor: AuthUser, userId: string, wanted: { forumId: string; days?: string[] | null }[]): Promise<Assignment[]> {
    const user = await this.users.get(userId);
    if (user.role !== 'door') throw DomainError.validation({ userId: ['only door accounts are assigned to forums'] });
    const errors: FieldErrors = {};
    const seen = new Set<string>();
    const assignments: Assignment[] = [];
    for (const [n, a] of wanted.entries()) {
      if (seen.has(a.forumId)) {
        errors[`assignments.${n}.forumId`] = ['this forum is listed twice'];
        continue;
      }
      seen.add(a.forumId);
      const forum = await this.forums.get(a.forumId).catch(() => null);
      if (!forum) {
        errors[`assignments.${n}.forumId`] = ['no such forum'];
        continue;
      }
      const days = a.days?.length ? [...new Set(a.days)].sort() : null;
      const all = forumDays(forum);
      const wrong = days?.filter((d) => !all.includes(d)) ?? [];
      if (wrong.length) errors[`assignments.${n}.days`] = [`not days of this forum: ${wrong.join(', ')} (${all.join(', ')})`];
      assignments.push({ forumId: a.forumId, days });
    }
    if (Object.keys(errors).length) throw DomainError.validation(errors);
    await this.transactions.run(async (tx) => {
      await this.assignments.replace(userId, assignments, tx);
      await this.audit.record(
        {
          action: 'door.assigned',
          actor: { id: actor.id, role: actor.role },
          target: { type: 'user', id: userId },
          summary: `forums=${assignments.length} ${assignments.map((a) => `${a.forumId}:${a.days?.length ?? 'all'}`).join(' ')}`,
        },
        tx,
      );
    });
    this.forget(userId);
    return assignments;
  }

  /** Reads the user's assignments (everyone's, without an id) again at the next request. */
  forget(userId?: string): void {
    if (userId) this.recent.delete(userId);
    else this.recent.clear();
  }
}
