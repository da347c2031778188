import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { hashToken } from '../../common/tokens';
import type { AuthUser } from '../../auth/auth-user';
import { ErasedPages } from '../../database/erased-pages';
import { type Tx, Transactions } from '../../database/transactions';
import { type AuditActor, AuditTrail } from '../../logging/audit/audit-trail';
import { OutboxService } from '../../mail/outbox.service';
import { MemberDataHolders, type MemberDataSubject } from '../member-data-holders';
import type { MemberInput } from '../member-input';
import type { Member } from '../member.entity';
import { MemberRepository } from '../member.repository';
import { actorOf, RegisterService } from '../register.service';
import { buildDataCopy, type MemberDataCopy, sectionCounts } from './member-data-copy';
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
    private readonly audit: AuditTrail,
    private readonly erasedPages: ErasedPages,
    private readonly clock: Clock,
  ) {}

  /** The member behind a personal link; unknown, expired and erased all get the same 404. */
  async byLink(rawToken: string): Promise<Member> {
    const token = await this.tokens.findUsable(hashToken(rawToken), 'manage', this.clock.now());
    const member = token && (await this.members.findById(token.memberId));
    if (!member || member.status === 'erased' || member.status === 'merged') throw new DomainError('not_found', INVALID_LINK);
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

  /** The member for an organiser's export or erasure: unknown is a 404, an erased record a 409 saying so. */
  async forRequest(id: string): Promise<Member> {
    const member = await this.members.findById(id);
    if (!member || member.status === 'merged') throw DomainError.notFound('Member');
    if (member.status === 'erased')
      throw DomainError.conflict('This member was already erased: nothing about them is left to export or erase');
    return member;
  }

  /**
   * Everything held about the member, as they may keep it: the register's part here, each other
   * module's part from that module (MemberDataHolders), and the outbox's mail log. Recorded in the
   * member's history and, for organisers, in the audit log.
   */
  async export(member: Member, actor: PrivacyActor, format: 'json' | 'html' = 'json'): Promise<MemberDataCopy> {
    const copy = await this.copyOf(member);
    const rows = sectionCounts(copy).reduce((sum, s) => sum + s.count, 0);
    await this.transactions.run(async (tx) => {
      await this.members
        .withTx(tx)
        .addEvents([
          { memberId: member.id, kind: 'exported', actor: eventActor(actor), details: { format }, at: this.clock.now() },
        ]);
      await this.audit.record(
        {
          action: 'data.exported',
          actor: auditActor(actor),
          target: { type: 'member', id: member.id },
          summary: `subject-access export (${format}), version ${copy.version}: ${rows} rows`,
        },
        tx,
      );
    });
    return copy;
  }

  /** What an erasure would remove, counted per section, and the record's version to erase against. */
  async erasurePreview(member: Member): Promise<{ version: string; sections: { key: string; title: string; count: number }[] }> {
    const copy = await this.copyOf(member);
    return { version: copy.version, sections: sectionCounts(copy) };
  }

  /**
   * Erasure: the person disappears, the statistics stay. Each module erases what it holds (names,
   * contacts, free text, needs, notes, links, mail copies) in one transaction; country, province,
   * sectors and dates remain so the counts still add up. `basedOn`: the version of the export or
   * preview the decision was made on; if the record changed since, nothing is erased (409).
   */
  async erase(member: Member, actor: PrivacyActor, basedOn?: string): Promise<void> {
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const current = await this.members.withTx(tx).findById(member.id);
      if (!current || current.status === 'erased') throw DomainError.conflict('This member was already erased');
      if (basedOn !== undefined && (await this.copyOf(current, tx)).version !== basedOn)
        throw DomainError.conflict(
          'The record changed after the export or preview this erasure was based on: look at what will be removed again, then erase',
          { basedOn: ['the record changed since this version'] },
        );
      const subject = subjectOf(current);
      const touched: Record<string, number> = {};
      for (const holder of this.holders.all()) touched[holder.key] = await holder.erase(tx, subject);
      touched.emails = await this.outbox.eraseMember(current.id, tx, current.email ? [current.email] : []);
      await this.tokens.deleteForMember(current.id, tx);
      Object.assign(current, {
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
      const members = this.members.withTx(tx);
      await members.save(current);
      await members.clearEventDetails(current.id);
      await members.addEvents([{ memberId: current.id, kind: 'erased', actor: eventActor(actor), details: null, at: now }]);
      await this.audit.record(
        {
          action: 'member.erased',
          actor: auditActor(actor),
          target: { type: 'member', id: current.id },
          summary: Object.entries(touched)
            .map(([k, n]) => `${k}: ${n}`)
            .join(', '),
        },
        tx,
      );
    });
    await this.erasedPages.wipe();
  }

  private async copyOf(member: Member, tx?: Tx): Promise<MemberDataCopy> {
    const subject = subjectOf(member);
    const members = tx ? this.members.withTx(tx) : this.members;
    const [events, held, emails] = await Promise.all([
      members.events([member.id]),
      Promise.all(this.holders.all().map(async (h) => [h.key, await h.exportFor(subject, tx)] as const)),
      this.outbox.exportForMember(member.id, member.email ? [member.email] : [], tx),
    ]);
    return buildDataCopy(member, events, { ...Object.fromEntries(held), emails }, this.clock.now());
  }
}

/** A staff member acting on the member's request, or the member through their own link. */
export type PrivacyActor = AuthUser | 'member';

const eventActor = (actor: PrivacyActor) => (actor === 'member' ? 'member' : actorOf(actor));
const auditActor = (actor: PrivacyActor): AuditActor => (actor === 'member' ? 'member' : { id: actor.id, role: actor.role });

function subjectOf(m: Member): MemberDataSubject {
  return {
    id: m.id,
    firstName: m.firstName,
    lastName: m.lastName,
    email: m.email,
    phone: m.phone,
    whatsapp: m.whatsapp,
    sourceBatchId: m.sourceBatchId,
  };
}
