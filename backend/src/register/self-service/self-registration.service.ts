import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { hashToken, newToken } from '../../common/tokens';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Transactions, type Tx } from '../../database/transactions';
import { OutboxService } from '../../mail/outbox.service';
import type { MemberInput } from '../member-input';
import type { Member } from '../member.entity';
import { MemberRepository } from '../member.repository';
import { RegisterService } from '../register.service';
import { MemberTokenRepository } from './member-token.repository';

const CONFIRM_DAYS = 7;
const MANAGE_DAYS = 365;
const LINK_REQUEST_DAYS = 30;
const DAY = 86_400_000;

export interface SelfRegistration extends MemberInput {
  email: string;
  preferredLanguage: string;
  consentInvitations: boolean;
  consentUpdates: boolean;
  website?: string;
}

export const CHECK_YOUR_EMAIL = 'Thank you. Check your email: we sent you a link to confirm.';
export const INVALID_LINK = 'This link is not valid any more. Ask for a new one.';

/**
 * Members registering themselves: double opt-in (nothing counts until the emailed link is
 * opened), and personal links to their own data. Answers never reveal who is in the register.
 */
@Injectable()
export class SelfRegistrationService {
  constructor(
    private readonly registry: RegisterService,
    private readonly members: MemberRepository,
    private readonly tokens: MemberTokenRepository,
    private readonly outbox: OutboxService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(input: SelfRegistration): Promise<void> {
    // A filled honeypot is a bot: it gets the usual answer and nothing is stored or sent.
    if (input.website) return;
    const member = this.registry.normalise(input);
    const now = this.clock.now();
    const [existing] = await this.registry.findDuplicates({ email: member.email, phone: null, whatsapp: null });
    if (existing) {
      // Already registered: no second record; the owner of the address gets a link by email.
      await this.sendLinkTo(existing);
      return;
    }
    const consent = input.consentInvitations || input.consentUpdates;
    await this.transactions.run(async (tx) => {
      const [created] = await this.members.withTx(tx).insert([
        {
          ...member,
          consentAt: consent ? now : null,
          consentMethod: consent ? 'web_form' : null,
          consentInvitations: input.consentInvitations,
          consentUpdates: input.consentUpdates,
          source: 'self',
          sourceBatchId: null,
          status: 'pending_confirmation',
          createdById: null,
        },
      ]);
      await this.members
        .withTx(tx)
        .addEvents([{ memberId: created.id, kind: 'created', actor: 'member', details: { source: 'self' }, at: now }]);
      await this.sendConfirmation(created, tx);
    });
  }

  /** Opens the emailed link: the member becomes active and receives their personal link. */
  async confirm(rawToken: string): Promise<{ firstName: string; manageToken: string }> {
    const now = this.clock.now();
    const token = await this.tokens.findUsable(hashToken(rawToken), 'confirm', now);
    const member = token && (await this.members.findById(token.memberId));
    if (!token || !member || member.status !== 'pending_confirmation') throw new DomainError('not_found', INVALID_LINK);
    return this.transactions.run(async (tx) => {
      if (!(await this.tokens.markUsed(token.id, now, tx))) throw new DomainError('not_found', INVALID_LINK);
      member.status = 'active';
      await this.members.withTx(tx).save(member);
      await this.members
        .withTx(tx)
        .addEvents([{ memberId: member.id, kind: 'confirmed', actor: 'member', details: null, at: now }]);
      const manage = await this.issue(member, 'manage', MANAGE_DAYS, tx);
      await this.outbox.enqueue([this.manageMessage(member, 'register-welcome', manage)], tx);
      return { firstName: member.firstName, manageToken: manage.raw };
    });
  }

  /** "Email me my link": sent only if the address belongs to a live member; the answer is the same either way. */
  async requestLink(email: string): Promise<void> {
    const [member] = await this.registry.findDuplicates({ email: email.trim().toLowerCase(), phone: null, whatsapp: null });
    if (member) await this.sendLinkTo(member);
  }

  /** A confirmed member gets their personal link; one who never confirmed gets a fresh confirmation. */
  private async sendLinkTo(member: Member): Promise<void> {
    if (!member.email) return;
    await this.transactions.run(async (tx) => {
      if (member.status === 'pending_confirmation') return this.sendConfirmation(member, tx);
      const token = await this.issue(member, 'manage', LINK_REQUEST_DAYS, tx);
      await this.outbox.enqueue([this.manageMessage(member, 'manage-link', token)], tx);
    });
  }

  private async sendConfirmation(member: Member, tx: Tx): Promise<void> {
    const token = await this.issue(member, 'confirm', CONFIRM_DAYS, tx);
    await this.outbox.enqueue(
      [
        {
          recipient: member.email!,
          memberId: member.id,
          template: 'register-confirm',
          locale: member.preferredLanguage,
          data: { firstName: member.firstName },
          secrets: { confirmUrl: `${this.config.publicUrl}/register/confirm/${token.raw}` },
          idempotencyKey: `register-confirm:${token.id}`,
        },
      ],
      tx,
    );
  }

  private manageMessage(member: Member, template: string, token: { id: string; raw: string }) {
    return {
      recipient: member.email!,
      memberId: member.id,
      template,
      locale: member.preferredLanguage,
      data: { firstName: member.firstName },
      secrets: { manageUrl: `${this.config.publicUrl}/me/${token.raw}` },
      idempotencyKey: `${template}:${token.id}`,
    };
  }

  private async issue(member: Member, purpose: 'confirm' | 'manage', days: number, tx: Tx): Promise<{ id: string; raw: string }> {
    const raw = newToken();
    const saved = await this.tokens.create(
      { memberId: member.id, purpose, tokenHash: hashToken(raw), expiresAt: new Date(this.clock.now().getTime() + days * DAY) },
      tx,
    );
    return { id: saved.id, raw };
  }
}
