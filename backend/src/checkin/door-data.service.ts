import type { AttendeeRole } from '@diaspora-forum/lists';
import { Injectable } from '@nestjs/common';
import { BadgeKeysService } from '../badges/badge-keys.service';
import { forumTag } from '../badges/badge-code';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Forum } from '../forums/forums.service';
import type { ForumStatus } from '../forums/forum.constants';
import { ForumsService } from '../forums/forums.service';
import { type DoorAttendeeRow, DoorDataRepository } from './door-data.repository';
import { dayErrors, forumDays } from './forum-day-rules';

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

/** What a door device downloads to decide scans on its own: only the fields the door shows or checks. */
@Injectable()
export class DoorDataService {
  constructor(
    private readonly forums: ForumsService,
    private readonly keys: BadgeKeysService,
    private readonly doorData: DoorDataRepository,
    private readonly clock: Clock,
  ) {}

  async forumsAtTheDoor(): Promise<DoorForum[]> {
    return (await this.forums.list())
      .filter((f) => f.status === 'open' || f.status === 'closed')
      .map((f) => ({ id: f.id, name: f.name, venue: f.venue, timezone: f.timezone, days: forumDays(f), status: f.status }));
  }

  /** The forum, 404 when unknown; 400 when the day is not one of its days. */
  async forumDay(forumId: string, day: string): Promise<Forum> {
    const forum = await this.forums.get(forumId);
    const errors = dayErrors(forumDays(forum), day);
    if (Object.keys(errors).length) throw DomainError.validation(errors);
    return forum;
  }

  async build(forumId: string, day: string): Promise<DoorData> {
    const forum = await this.forumDay(forumId, day);
    const [publicKey, attendees, phones, admissions] = await Promise.all([
      this.keys.publicKey(forumId),
      this.doorData.attendees(forumId),
      this.doorData.phoneTails(forumId),
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
    const [[attendee], phones, admissions] = await Promise.all([
      this.doorData.attendees(forumId, attendeeId),
      this.doorData.phoneTails(forumId, attendeeId),
      this.doorData.admissions(forumId, day, attendeeId),
    ]);
    return doorTuple(attendee, day, phones, admissions);
  }
}

function doorTuple(
  a: DoorAttendeeRow,
  day: string,
  phones: Map<string, string>,
  admissions: Map<string, [string, string]>,
): DoorTuple {
  return [
    a.badgeNumber,
    a.badgeVersion,
    a.role,
    a.firstName,
    a.lastName,
    a.countryCode,
    a.region,
    a.needs?.length ? a.needs : null,
    a.revoked ? 1 : 0,
    (a.memberId && phones.get(a.memberId)) || null,
    admissions.get(a.id) ?? null,
    !a.days?.length || a.days.includes(day) ? 1 : 0,
  ];
}
