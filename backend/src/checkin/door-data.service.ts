import { accessibilityNeeds, type AttendeeRole, attendeeRoleLabels } from '@diaspora-forum/lists';
import { Injectable } from '@nestjs/common';
import { BadgeKeysService } from '../badges/badge-keys.service';
import { forumTag } from '../badges/badge-code';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Forum } from '../forums/forums.service';
import type { ForumStatus } from '../forums/forum.constants';
import { ForumsService } from '../forums/forums.service';
import type { AuthUser } from '../auth/auth-user';
import { DoorAccess } from './door-access.service';
import { type DoorAttendeeRow, DoorDataRepository } from './door-data.repository';
import { doorListPdf } from './door-list-pdf';
import { dateIn, dayErrors, forumDays } from './forum-day-rules';

/** One attendee as the door data sends it; described to the API's clients by `doorTupleSchema` (dto/door.dto.ts). */
export type DoorTuple = [
  badgeNumber: number,
  badgeVersion: number,
  role: AttendeeRole,
  firstName: string,
  lastName: string,
  countryCode: string | null,
  region: string | null,
  needs: string[] | null,
  revoked: 0 | 1,
  phoneTail: string | null,
  checkedIn: [scannedAt: string, door: string] | null,
  comesThisDay: 0 | 1,
];

export interface DoorForum {
  id: string;
  name: string;
  venue: string;
  timezone: string;
  days: string[];
  status: ForumStatus;
}

export interface DoorData {
  forum: { id: string; name: string; tag: string; timezone: string; days: string[] };
  day: string;
  publicKey: string;
  generatedAt: string;
  attendees: DoorTuple[];
}

const NEED_FLAGS = new Set<string>(accessibilityNeeds);

/**
 * What a door device downloads to decide scans on its own, and all a lost phone holds: names, role,
 * badge number and version, revoked or not, need flags from the fixed list (never free text), that
 * day's admission, and the last four digits of the phone only when the forum enables search by
 * phone. No emails, countries, regions, notes or ids (docs/door-devices.md).
 */
@Injectable()
export class DoorDataService {
  constructor(
    private readonly forums: ForumsService,
    private readonly keys: BadgeKeysService,
    private readonly doorData: DoorDataRepository,
    private readonly access: DoorAccess,
    private readonly clock: Clock,
  ) {}

  /** The open and closed forums this user works, with the days they work. */
  async forumsAtTheDoor(user: AuthUser): Promise<DoorForum[]> {
    const reach = await this.access.reach(user);
    const doorForums: DoorForum[] = [];
    for (const f of await this.forums.list()) {
      if (f.status !== 'open' && f.status !== 'closed') continue;
      if (reach && !reach.has(f.id)) continue;
      const days = forumDays(f);
      const assigned = reach?.get(f.id);
      doorForums.push({
        id: f.id,
        name: f.name,
        venue: f.venue,
        timezone: f.timezone,
        days: assigned ? days.filter((d) => assigned.includes(d)) : days,
        status: f.status,
      });
    }
    return doorForums;
  }

  /** The door list on paper: everyone who may come in (badge valid), by surname, a tick box per day worked. */
  async doorList(user: AuthUser, forumId: string, day?: string): Promise<{ forum: Forum; pdf: PDFKit.PDFDocument }> {
    if (day) await this.access.checkDay(user, forumId, day);
    else await this.access.checkForum(user, forumId);
    const forum = day ? await this.forumDay(forumId, day) : await this.forums.get(forumId);
    const days = day ? [day] : await this.access.daysOf(user, forumId, forumDays(forum));
    const attendees = (await this.doorData.attendees(forumId))
      .filter((a) => !a.revoked)
      .sort(
        (a, b) =>
          collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName) || a.badgeNumber - b.badgeNumber,
      );
    const now = this.clock.now();
    const printedAt = `${dateIn(forum.timezone, now)} ${new Intl.DateTimeFormat('en-GB', { timeZone: forum.timezone, hour: '2-digit', minute: '2-digit' }).format(now)}`;
    const pdf = doorListPdf(
      { name: forum.name, venue: forum.venue, days },
      attendees.map((a) => ({
        badgeNumber: a.badgeNumber,
        firstName: a.firstName,
        lastName: a.lastName,
        role: attendeeRoleLabels[a.role],
      })),
      printedAt,
    );
    return { forum, pdf };
  }

  /** The forum, 404 when unknown; 400 when the day is not one of its days. */
  async forumDay(forumId: string, day: string): Promise<Forum> {
    const forum = await this.forums.get(forumId);
    const errors = dayErrors(forumDays(forum), day);
    if (Object.keys(errors).length) throw DomainError.validation(errors);
    return forum;
  }

  async build(user: AuthUser, forumId: string, day: string): Promise<DoorData> {
    await this.access.checkDay(user, forumId, day);
    const forum = await this.forumDay(forumId, day);
    const [publicKey, attendees, phones, admissions] = await Promise.all([
      this.keys.publicKey(forumId),
      this.doorData.attendees(forumId),
      forum.doorPhoneSearch ? this.doorData.phoneTails(forumId) : new Map<string, string>(),
      this.doorData.admissions(forumId, day),
    ]);
    return {
      forum: { id: forum.id, name: forum.name, tag: forumTag(forum.id), timezone: forum.timezone, days: forumDays(forum) },
      day,
      publicKey,
      generatedAt: this.clock.now().toISOString(),
      attendees: attendees.map((a) => doorTuple(a, day, phones, admissions)),
    };
  }

  /** One attendee's tuple (after a walk-in). */
  async tuple(forumId: string, attendeeId: string, day: string): Promise<DoorTuple> {
    const forum = await this.forums.get(forumId);
    const [[attendee], phones, admissions] = await Promise.all([
      this.doorData.attendees(forumId, attendeeId),
      forum.doorPhoneSearch ? this.doorData.phoneTails(forumId, attendeeId) : new Map<string, string>(),
      this.doorData.admissions(forumId, day, attendeeId),
    ]);
    return doorTuple(attendee, day, phones, admissions);
  }
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** Country and region stay null: the door does not need them to decide or search (kept in place for older door apps). */
function doorTuple(
  a: DoorAttendeeRow,
  day: string,
  phones: Map<string, string>,
  admissions: Map<string, [string, string]>,
): DoorTuple {
  const needs = a.needs?.filter((n) => NEED_FLAGS.has(n)) ?? [];
  return [
    a.badgeNumber,
    a.badgeVersion,
    a.role,
    a.firstName,
    a.lastName,
    null,
    null,
    needs.length ? needs : null,
    a.revoked ? 1 : 0,
    (a.memberId && phones.get(a.memberId)) || null,
    admissions.get(a.id) ?? null,
    !a.days?.length || a.days.includes(day) ? 1 : 0,
  ];
}
