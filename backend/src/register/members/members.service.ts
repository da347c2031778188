import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user';
import { UsersService } from '../../auth/users.service';
import type { MemberEvent } from '../member-event.entity';
import type { MemberInput } from '../member-input';
import type { Member } from '../member.entity';
import { type ConsentInput, RegisterService } from '../register.service';
import type { SegmentFilter } from '../segments/segment-filter';
import { type MemberPage, type PageOptions, SegmentQueryService } from '../segments/segment-query.service';

/** A member as the member page shows it: the record, its history, and who did what. */
export interface MemberRecord {
  member: Member;
  events: MemberEvent[];
  /** Names of the staff in the history, by user id. */
  staffNames: Map<string, string>;
}

/**
 * The members API: lists through the segment query, and every change through RegisterService
 * (which holds the register's rules), answering with the member as the member page shows it.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly register: RegisterService,
    private readonly segments: SegmentQueryService,
    private readonly users: UsersService,
  ) {}

  list(user: AuthUser, filter: SegmentFilter, options: PageOptions): Promise<MemberPage> {
    return this.segments.page(user, filter, options);
  }

  async get(user: AuthUser, id: string): Promise<MemberRecord> {
    const { member, events } = await this.register.history(user, id);
    return { member, events, staffNames: await this.staffNames(events) };
  }

  async create(user: AuthUser, input: MemberInput, consent?: ConsentInput): Promise<MemberRecord> {
    const member = await this.register.addMember(
      user,
      input,
      consent ?? { invitations: false, updates: false, method: 'in_person' },
    );
    return this.get(user, member.id);
  }

  async update(user: AuthUser, id: string, patch: MemberInput): Promise<MemberRecord> {
    await this.register.updateMember(user, id, patch);
    return this.get(user, id);
  }

  async setConsent(user: AuthUser, id: string, consent: ConsentInput): Promise<MemberRecord> {
    await this.register.setConsent(user, id, consent);
    return this.get(user, id);
  }

  private async staffNames(events: MemberEvent[]): Promise<Map<string, string>> {
    const ids = new Set(events.filter((e) => e.actor.startsWith('staff:')).map((e) => e.actor.slice('staff:'.length)));
    if (!ids.size) return new Map();
    return new Map((await this.users.list()).filter((u) => ids.has(u.id)).map((u) => [u.id, u.name]));
  }
}
