import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { hashToken } from '../../common/tokens';
import { Transactions } from '../../database/transactions';
import { OutboxService } from '../../mail/outbox.service';
import { MemberDataHolders } from '../member-data-holders';
import type { MemberInput } from '../member-input';
import type { Member } from '../member.entity';
import { MemberRepository } from '../member.repository';
import { RegisterService } from '../register.service';
import { MemberTokenRepository } from './member-token.repository';
import { mapMemberSelf } from './self-service.mapper';
import { INVALID_LINK } from './self-registration.service';

export interface SelfUpdate extends MemberInput {
  consentInvitations?: boolean;
  consentUpdates?: boolean;
}

/**
 * A member's rights over their data: see it, correct it, take a copy, have it erased. Members
 * use their personal link; organisers act for a member who asks them.
 */
@Injectable()
export class MemberPrivacyService {
  constructor(
    private readonly registry: RegisterService,
    private readonly members: MemberRepository,
    private readonly tokens: MemberTokenRepository,
    private readonly holders: MemberDataHolders,
    private readonly outbox: OutboxService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** The member behind a personal link; unknown, expired and erased all get the same 404. */
  async byLink(rawToken: string): Promise<Member> {
    const token = await this.tokens.findUsable(hashToken(rawToken), 'manage', this.clock.now());
    const member = token && (await this.members.findById(token.memberId));
    if (!member || member.status === 'erased' || member.status === 'merged') throw new DomainError('not_found', INVALID_LINK);
    return member;
  }

  async byId(id: string): Promise<Member> {
    const member = await this.members.findById(id);
    if (!member || member.status === 'erased') throw DomainError.notFound('Member');
    return member;
  }

  async correct(member: Member, input: SelfUpdate, actor: string): Promise<Member> {
    const current = mapMemberSelf(member);
    const next = this.registry.normalise({ ...current, ...input, sectors: input.sectors ?? current.sectors });
    const duplicates = (await this.registry.findDuplicates(next)).filter((d) => d.id !== member.id);
    if (duplicates.length)
      throw DomainError.conflict('Another registration already uses this email or phone number', {
        email: ['already registered'],
      });
    const now = this.clock.now();
    const changed = Object.keys(next).filter(
      (k) => JSON.stringify(next[k as keyof typeof next]) !== JSON.stringify(current[k as keyof typeof current]),
    );
    const consentChanged = ['consentInvitations', 'consentUpdates'].filter(
      (k) =>
        input[k as 'consentInvitations'] !== undefined && input[k as 'consentInvitations'] !== member[k as 'consentInvitations'],
    );
    Object.assign(member, { ...next, sectors: undefined });
    if (input.consentInvitations !== undefined) member.consentInvitations = input.consentInvitations;
    if (input.consentUpdates !== undefined) member.consentUpdates = input.consentUpdates;
    if (consentChanged.length) {
      member.consentAt = member.consentInvitations || member.consentUpdates ? now : null;
      member.consentMethod = actor === 'member' ? 'web_form' : member.consentMethod;
    }
    return this.members.transaction(async (tx) => {
      const saved = await tx.save(member, next.sectors);
      await tx.addEvents([
        { memberId: member.id, kind: 'updated', actor, details: { fields: [...changed, ...consentChanged] }, at: now },
      ]);
      return saved;
    });
  }

  /**
   * Everything held about the member, as JSON they can keep: the register's part here, each other
   * module's part from that module (the outreach log as a MemberDataHolder, the outbox's emails).
   */
  async export(member: Member, actor: string): Promise<Record<string, unknown>> {
    const [events, held, emails] = await Promise.all([
      this.members.events([member.id]),
      Promise.all(this.holders.all().map(async (h) => [h.key, await h.exportFor(member.id)] as const)),
      this.outbox.exportForMember(member.id),
    ]);
    await this.members.addEvents([{ memberId: member.id, kind: 'exported', actor, details: null, at: this.clock.now() }]);
    return {
      exportedAt: this.clock.now().toISOString(),
      member: { ...mapMemberSelf(member), consentMethod: member.consentMethod, source: member.source },
      history: events.map((e) => ({
        at: e.at.toISOString(),
        kind: e.kind,
        by: e.actor.startsWith('staff:') ? 'staff' : e.actor,
      })),
      ...Object.fromEntries(held),
      emails,
    };
  }

  /**
   * Erasure: the person disappears, the statistics stay. Names and contacts are overwritten,
   * links deleted, notes and email copies scrubbed (each by the module that owns them, in this
   * transaction); country, province, sectors and dates remain so the register's counts still add up.
   */
  async erase(member: Member, actor: string): Promise<void> {
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      Object.assign(member, {
        firstName: 'Erased',
        lastName: 'member',
        email: null,
        phone: null,
        whatsapp: null,
        city: null,
        occupation: null,
        consentInvitations: false,
        consentUpdates: false,
        consentAt: null,
        consentMethod: null,
        status: 'erased',
      });
      await this.members.withTx(tx).save(member);
      await this.tokens.deleteForMember(member.id, tx);
      for (const holder of this.holders.all()) await holder.erase(tx, member.id);
      await this.outbox.eraseMember(member.id, tx);
      await this.members.withTx(tx).clearEventDetails(member.id);
      await this.members
        .withTx(tx)
        .addEvents([
          { memberId: member.id, kind: 'erased', actor: actor.startsWith('staff:') ? actor : 'member', details: null, at: now },
        ]);
    });
  }
}
