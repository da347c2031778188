import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import { ForumsService } from '../forums/forums.service';
import {
  type MemberDataHolder,
  HoldsMemberData,
  type MemberDataRows,
  type MemberDataSubject,
} from '../register/member-data-holders';
import { AttendeeRepository } from './attendee.repository';

/** A member's attendee records (badge, role, needs) in their data copy, and their erasure. */
@Injectable()
@HoldsMemberData()
export class AttendeeMemberData implements MemberDataHolder {
  readonly key = 'attendance';

  constructor(
    private readonly attendees: AttendeeRepository,
    private readonly forums: ForumsService,
  ) {}

  /** The ids of the member's attendee records, for the modules that keep rows about attendees (check-ins). */
  async attendeeIds(memberId: string, tx?: Tx): Promise<string[]> {
    return (await this.attendees.listForMember(memberId, tx)).map((a) => a.id);
  }

  async exportFor(subject: MemberDataSubject, tx?: Tx): Promise<MemberDataRows> {
    const rows = await this.attendees.listForMember(subject.id, tx);
    const forums = new Map((await this.forums.list()).map((f) => [f.id, f.name]));
    return rows.map((a) => ({
      forum: forums.get(a.forumId) ?? a.forumId,
      role: a.role,
      nameOnBadge: `${a.firstName} ${a.lastName}`,
      badgeNumber: a.badgeNumber,
      badgeVersion: a.badgeVersion,
      badgeRevoked: a.badgeRevoked,
      status: a.status,
      needs: a.needs ?? [],
      since: a.createdAt.toISOString(),
    }));
  }

  erase(tx: Tx, subject: MemberDataSubject): Promise<number> {
    return this.attendees.deIdentifyMember(subject.id, tx);
  }
}
