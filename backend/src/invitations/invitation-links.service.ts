import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { hashToken, newToken } from '../common/tokens';
import { Transactions } from '../database/transactions';
import { ForumsService } from '../forums/forums.service';
import { OutboxService } from '../mail/outbox.service';
import { InvitationMessages } from './invitation-messages';
import { InvitationRepository } from './invitation.repository';
import { RegisterService } from '../register/register.service';

/** Organisers' hold on a personal link: revoke it, or issue a fresh one (every earlier link stops working). */
@Injectable()
export class InvitationLinksService {
  constructor(
    private readonly register: RegisterService,
    private readonly invitations: InvitationRepository,
    private readonly forums: ForumsService,
    private readonly outbox: OutboxService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly messages: InvitationMessages,
  ) {}

  async revoke(id: string): Promise<void> {
    const invitation = await this.invitations.findById(id);
    if (!invitation) throw DomainError.notFound('Invitation');
    if (invitation.placeHeld)
      throw DomainError.conflict(
        'This invitee holds a place: they must decline first (or change their answer) before the invitation is revoked',
      );
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      invitation.revokedAt = now;
      invitation.waitlistedAt = null;
      await this.invitations.save(invitation, tx);
      await this.invitations.revokeTokens(id, now, tx);
    });
  }

  /** A new link by email; the old ones no longer open the invitation. */
  async reissue(id: string): Promise<void> {
    const invitation = await this.invitations.findById(id);
    if (!invitation || invitation.revokedAt) throw DomainError.notFound('Invitation');
    const forum = await this.forums.get(invitation.forumId);
    const [member] = await this.register.liveMembers([invitation.memberId]);
    if (!member?.email) throw DomainError.conflict('This member has no email address to send a new link to');
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      await this.invitations.revokeTokens(id, now, tx);
      const token = newToken();
      await this.invitations.addTokens([{ invitationId: id, tokenHash: hashToken(token) }], tx);
      invitation.messageKey = `invitation:${id}:${now.getTime()}`;
      await this.invitations.save(invitation, tx);
      await this.outbox.enqueue(
        [
          this.messages.invitation(
            forum,
            { ...member, preferredLanguage: invitation.locale === 'st' ? 'st' : 'en' },
            id,
            token,
            invitation.messageKey,
          ),
        ],
        tx,
      );
    });
  }
}
