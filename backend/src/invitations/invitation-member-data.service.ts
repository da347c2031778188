import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock';
import type { Tx } from '../database/transactions';
import { ForumsService } from '../forums/forums.service';
import {
  type MemberDataHolder,
  MemberDataHolders,
  type MemberDataRows,
  type MemberDataSubject,
} from '../register/member-data-holders';
import { InvitationMemberDataRepository } from './invitation-member-data.repository';

/** A member's invitations and RSVP answers in their data copy, and their erasure (answers, notes, links). */
@Injectable()
export class InvitationMemberData implements MemberDataHolder, OnModuleInit {
  readonly key = 'invitations';

  constructor(
    private readonly invitations: InvitationMemberDataRepository,
    private readonly forums: ForumsService,
    private readonly holders: MemberDataHolders,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.holders.add(this);
  }

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
      days: i.days ?? [],
      dietary: i.dietary ?? [],
      dietaryNote: i.dietaryNote,
      accessibility: i.accessibility ?? [],
      accessibilityNote: i.accessibilityNote,
      arrivalCountry: i.arrivalCountry,
      arrivalCity: i.arrivalCity,
      declineReason: i.declineReason,
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
