import { Injectable } from '@nestjs/common';
import slugify from 'slugify';
import { DomainError, FieldErrors } from '../common/domain-error';
import type { Tx } from '../database/transactions';
import { type AuditActor, AuditTrail } from '../logging/audit/audit-trail';
import { Forum, type ForumStatus } from './forum.entity';
import { isRealDate, isTimeZone } from './forum-days';
import { ForumRepository } from './forum.repository';

export const DEFAULT_TIMEZONE = 'Africa/Maseru';
const MAX_FORUM_DAYS = 14;

export interface ForumInput {
  name: string;
  slug?: string;
  venue: string;
  timezone?: string;
  startDate: string;
  endDate: string;
  capacity: number;
  rsvpDeadline?: string | null;
  status?: ForumStatus;
  doorPhoneSearch?: boolean;
  retentionMonths?: number | null;
}

/** A forum as other modules hold it (type only: the entity stays the forums module's). */
export type { Forum, ForumStatus } from './forum.entity';

@Injectable()
export class ForumsService {
  private readonly capacityListeners: ((forumId: string) => Promise<void>)[] = [];

  constructor(
    private readonly forums: ForumRepository,
    private readonly audit: AuditTrail,
  ) {}

  list(): Promise<Forum[]> {
    return this.forums.list();
  }

  async get(id: string): Promise<Forum> {
    const forum = await this.forums.findById(id);
    if (!forum) throw DomainError.notFound('Forum');
    return forum;
  }

  async create(input: ForumInput): Promise<Forum> {
    const fields = {
      ...input,
      timezone: input.timezone ?? DEFAULT_TIMEZONE,
      status: input.status ?? 'draft',
      rsvpDeadline: input.rsvpDeadline ?? null,
    };
    checkForum(fields);
    const slug = input.slug ?? (await this.freeSlug(slugify(input.name, { lower: true, strict: true }).slice(0, 70) || 'forum'));
    await this.checkUnique(slug, fields.status);
    return this.forums.create({
      name: input.name.trim(),
      slug,
      venue: input.venue.trim(),
      timezone: fields.timezone,
      startDate: input.startDate,
      endDate: input.endDate,
      capacity: input.capacity,
      rsvpDeadline: input.rsvpDeadline ? new Date(input.rsvpDeadline) : null,
      status: fields.status,
      doorPhoneSearch: input.doorPhoneSearch ?? false,
      retentionMonths: input.retentionMonths ?? null,
    });
  }

  async update(id: string, input: Partial<ForumInput>, by: AuditActor = 'system'): Promise<Forum> {
    const forum = await this.get(id);
    const before = { ...forum };
    const next = {
      name: input.name?.trim() ?? forum.name,
      slug: input.slug ?? forum.slug,
      venue: input.venue?.trim() ?? forum.venue,
      timezone: input.timezone ?? forum.timezone,
      startDate: input.startDate ?? forum.startDate,
      endDate: input.endDate ?? forum.endDate,
      capacity: input.capacity ?? forum.capacity,
      rsvpDeadline:
        input.rsvpDeadline === undefined ? forum.rsvpDeadline : input.rsvpDeadline ? new Date(input.rsvpDeadline) : null,
      status: input.status ?? forum.status,
      doorPhoneSearch: input.doorPhoneSearch ?? forum.doorPhoneSearch,
      retentionMonths: input.retentionMonths === undefined ? forum.retentionMonths : input.retentionMonths,
    };
    checkForum({ ...next, rsvpDeadline: next.rsvpDeadline?.toISOString() ?? null });
    if (next.capacity < forum.placesTaken) {
      throw DomainError.validation({
        capacity: [`${forum.placesTaken} places are already taken; capacity cannot go below that`],
      });
    }
    await this.checkUnique(next.slug, next.status, id);
    const raised = next.capacity > forum.capacity;
    const saved = await this.forums.save(Object.assign(forum, next));
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => String(before[k]) !== String(saved[k]));
    // Forum settings are settings: the audit line names what changed, not the values (a name is free text).
    if (changed.length)
      await this.audit.record({
        action: 'settings.changed',
        actor: by,
        target: { type: 'forum', id },
        summary: `forum settings: ${changed.join(', ')}`,
      });
    if (raised) for (const listener of this.capacityListeners) await listener(id);
    return saved;
  }

  takePlace(forumId: string, tx: Tx): Promise<number | null> {
    return this.forums.takePlace(forumId, tx);
  }

  /** The forum's next badge number, for someone let in without taking a place (hand-added, walk-in). */
  async nextBadgeNumber(forumId: string, tx?: Tx): Promise<number> {
    const number = await this.forums.nextBadgeNumber(forumId, tx);
    if (number === null) throw DomainError.notFound('Forum');
    return number;
  }

  releasePlace(forumId: string, tx: Tx): Promise<void> {
    return this.forums.releasePlace(forumId, tx);
  }

  /** Called after a forum's capacity grew, so waiting invitees can be given the new places. */
  onCapacityRaised(listener: (forumId: string) => Promise<void>): void {
    this.capacityListeners.push(listener);
  }

  /** Only a draft can be deleted; anything that was ever open keeps its history (archive it instead). */
  async remove(id: string): Promise<void> {
    const forum = await this.get(id);
    if (forum.status !== 'draft') throw DomainError.conflict('Only a draft forum can be deleted; archive it instead');
    await this.forums.remove(forum);
  }

  private async checkUnique(slug: string, status: ForumStatus, exceptId?: string): Promise<void> {
    if (await this.forums.slugTaken(slug, exceptId)) {
      throw DomainError.conflict('Another forum already uses this URL name', { slug: ['already in use'] });
    }
    if (status === 'open') {
      const open = await this.forums.findOtherWithStatus('open', exceptId);
      if (open)
        throw DomainError.conflict(`"${open.name}" is open; close it before opening another forum`, {
          status: ['another forum is open'],
        });
    }
  }

  private async freeSlug(base: string): Promise<string> {
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (!(await this.forums.slugTaken(slug))) return slug;
    }
  }
}

function checkForum(forum: Required<Omit<ForumInput, 'slug' | 'doorPhoneSearch' | 'retentionMonths'>>): void {
  const fields: FieldErrors = {};
  if (!isTimeZone(forum.timezone)) fields.timezone = ['not a known time zone, e.g. Africa/Maseru'];
  if (!isRealDate(forum.startDate)) fields.startDate = ['not a real date'];
  if (!isRealDate(forum.endDate)) fields.endDate = ['not a real date'];
  if (!fields.startDate && !fields.endDate) {
    const days = (Date.parse(forum.endDate) - Date.parse(forum.startDate)) / 86_400_000 + 1;
    if (days < 1) fields.endDate = ['must be on or after the first day'];
    else if (days > MAX_FORUM_DAYS) fields.endDate = [`a forum lasts at most ${MAX_FORUM_DAYS} days`];
  }
  if (forum.rsvpDeadline && !fields.endDate && forum.rsvpDeadline.slice(0, 10) > forum.endDate) {
    fields.rsvpDeadline = ['must be before the forum ends'];
  }
  if (Object.keys(fields).length) throw DomainError.validation(fields);
}
