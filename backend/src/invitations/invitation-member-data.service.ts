import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import type { Tx } from '../database/transactions';
import { ForumsService } from '../forums/forums.service';
import {
  type MemberDataHolder,
  HoldsMemberData,
  type MemberDataRows,
  type MemberDataSubject,
} from '../register/member-data-holders';
import { InvitationMemberDataRepository } from './invitation-member-data.repository';
import { rsvpAnswersOf } from './rsvp-answers';

/** A member's invitations and RSVP answers in their data copy, and their erasure (answers, notes, links). */
@Injectable()
@HoldsMemberData()
export class InvitationMemberData implements MemberDataHolder {
  readonly key = 'invitations';

  constructor(
    private readonly invitations: InvitationMemberDataRepository,
    private readonly forums: ForumsService,
    private readonly clock: Clock,
  ) {}

  async exportFor(subject: MemberDataSubject, tx?: Tx): Promise<MemberDataRows> {
    const rows = await this.invitations.forMember(subject.id, tx);
    const forums = new Map((await this.forums.list()).map((f) => [f.id, f.name]));
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return rows.map((i) => ({
      forum: forums.get(i.forumId) ?? i.forumId,
      invitedAt: i.createdAt.toISOString(),
      language: i.locale,
      linkRevoked: i.revokedAt !== null,
      openedAt: iso(i.openedAt),
      response: i.response,
      respondedAt: iso(i.respondedAt),
      waitingForAPlaceSince: iso(i.waitlistedAt),
      ...rsvpAnswersOf(i),
      remindersSent: i.reminderCount,
    }));
  }

  async erase(tx: Tx, subject: MemberDataSubject): Promise<number> {
    const campaigns = await this.invitations.singleMemberCampaigns(subject.id, tx);
    await this.invitations.renameCampaigns(
      campaigns.map((c) => c.id),
      'Invitation for an erased member',
      tx,
    );
    return this.invitations.deIdentify(subject.id, this.clock.now(), tx);
  }
}
