import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Attendee } from '../../attendees/attendees.service';
import { AttendeesService } from '../../attendees/attendees.service';
import { BADGE_ATTACHMENT_KEY, badgeAttachmentValue } from '../../badges/badge-attachment';
import { BadgesService } from '../../badges/badges.service';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { LinkLifetime } from '../../common/link-lifetime';
import { hashToken, newToken } from '../../common/tokens';
import { Transactions, type Tx } from '../../database/transactions';
import type { Forum } from '../../forums/forums.service';
import { daysBetween } from '../../forums/forum-days';
import { ForumsService } from '../../forums/forums.service';
import { OutboxService } from '../../mail/outbox.service';
import type { Member } from '../../register/register.service';
import type { Invitation, RsvpResponse } from '../invitation.entity';
import { InvitationMessages } from '../invitation-messages';
import { InvitationRepository } from '../invitation.repository';
import { RegisterService } from '../../register/register.service';

export const INVALID_RSVP_LINK = 'This invitation link is not valid. Ask the Diaspora Directorate for a new one.';

export interface RsvpAnswer {
  response: RsvpResponse;
  days?: string[];
  dietary?: string[];
  dietaryNote?: string | null;
  accessibility?: string[];
  accessibilityNote?: string | null;
  arrivalCountry?: string | null;
  arrivalCity?: string | null;
  declineReason?: string | null;
}

export interface RsvpView {
  forum: Forum;
  invitation: Invitation;
  member: Member;
  waitingPosition: number | null;
  badgeNumber: number | null;
  open: boolean;
}

/**
 * Answers through a personal link. Places are counted in one conditional UPDATE on the forum
 * (ForumsService.takePlace), so they never pass capacity however many accept at once; beyond
 * it, invitees wait in order and get the next freed place automatically, by email.
 */
@Injectable()
export class RsvpService implements OnModuleInit {
  constructor(
    private readonly register: RegisterService,
    private readonly invitations: InvitationRepository,
    private readonly forums: ForumsService,
    private readonly attendees: AttendeesService,
    private readonly badges: BadgesService,
    private readonly outbox: OutboxService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly messages: InvitationMessages,
    private readonly lifetime: LinkLifetime,
  ) {}

  onModuleInit(): void {
    this.forums.onCapacityRaised(async (forumId) => {
      const forum = await this.forums.get(forumId);
      await this.transactions.run((tx) => this.fillFreedPlaces(forum, tx));
    });
  }

  /**
   * The invitation behind a live link. Unknown, revoked and re-issued-away links get the same 404;
   * a link whose forum is over (plus the grace period) gets the 410 in the invitee's language.
   */
  private async byLink(token: string): Promise<{ invitation: Invitation; forum: Forum }> {
    const invitation = await this.invitations.findByTokenHash(hashToken(token));
    if (!invitation) throw new DomainError('not_found', INVALID_RSVP_LINK);
    const forum = await this.forums.get(invitation.forumId);
    this.lifetime.check(forum, invitation.locale);
    return { invitation, forum };
  }

  /** What the RSVP page shows. */
  async view(token: string): Promise<RsvpView> {
    const { invitation } = await this.byLink(token);
    if (!invitation.openedAt) {
      invitation.openedAt = this.clock.now();
      await this.invitations.save(invitation);
    }
    return this.describe(invitation);
  }

  /** The invitee's attendee record while their place is confirmed; any other link gets the same 404 as an invalid one. */
  async confirmedAttendee(token: string): Promise<Attendee> {
    const { invitation } = await this.byLink(token);
    const attendee =
      invitation.response === 'accepted' && invitation.placeHeld ? await this.attendees.forInvitation(invitation.id) : null;
    if (!attendee || attendee.status !== 'confirmed' || attendee.badgeRevoked)
      throw new DomainError('not_found', INVALID_RSVP_LINK);
    return attendee;
  }

  /** The invitee's own badge through their personal link; any link without a confirmed place gets the RSVP 404. */
  async badge(token: string): Promise<{ attendee: Attendee; pdf: Buffer }> {
    const attendee = await this.confirmedAttendee(token);
    return this.badges.single(attendee.forumId, attendee.id);
  }

  async answer(token: string, answer: RsvpAnswer): Promise<RsvpView> {
    const { invitation: found, forum } = await this.byLink(token);
    if (!this.isOpen(forum)) throw DomainError.conflict('Answers for this forum are closed');
    const days = answer.days?.length ? answer.days : daysBetween(forum.startDate, forum.endDate);
    const unknownDays = days.filter((d) => !daysBetween(forum.startDate, forum.endDate).includes(d));
    if (unknownDays.length) throw DomainError.validation({ days: [`not a day of this forum: ${unknownDays.join(', ')}`] });
    const rsvpUrl = this.messages.rsvpUrl(token);
    const [member] = await this.register.liveMembers([found.memberId]);

    // Inside the transaction every query goes through `tx`: under a rush of answers, a query on
    // another pooled connection could wait for a connection held by a transaction waiting on us.
    const invitation = await this.transactions.run(async (tx) => {
      // Locked: two answers from the same link at once are applied one after the other.
      const inv = (await this.invitations.lock(found.id, tx))!;
      const wasHolding = inv.placeHeld;
      Object.assign(inv, {
        response: answer.response,
        respondedAt: this.clock.now(),
        days: answer.response === 'declined' ? null : days,
        dietary: answer.dietary ?? null,
        dietaryNote: answer.dietaryNote ?? null,
        accessibility: answer.accessibility ?? null,
        accessibilityNote: answer.accessibilityNote ?? null,
        arrivalCountry: answer.arrivalCountry ?? null,
        arrivalCity: answer.arrivalCity ?? null,
        declineReason: answer.response === 'declined' ? (answer.declineReason ?? null) : null,
      });

      if (answer.response !== 'accepted') {
        inv.waitlistedAt = null;
        if (wasHolding) {
          inv.placeHeld = false;
          await this.forums.releasePlace(forum.id, tx);
          await this.attendees.cancelInvitee(inv.id, tx);
        }
        await this.invitations.save(inv, tx);
        if (wasHolding) await this.fillFreedPlaces(forum, tx);
        return inv;
      }
      if (wasHolding) {
        await this.invitations.save(inv, tx);
        await this.attendees.updateNeeds(inv.id, needsOf(inv), tx);
        return inv;
      }
      if (inv.waitlistedAt) return this.invitations.save(inv, tx);
      const badgeNumber = await this.forums.takePlace(forum.id, tx);
      if (badgeNumber === null) {
        inv.waitlistedAt = this.clock.now();
        await this.invitations.save(inv, tx);
        const position = await this.invitations.waitingPosition(inv, tx);
        if (member?.email)
          await this.outbox.enqueue(
            [
              this.messages.waitlisted(
                forum,
                member,
                inv,
                position,
                `rsvp-waitlisted:${inv.id}:${inv.respondedAt!.getTime()}`,
                rsvpUrl,
              ),
            ],
            tx,
          );
        return inv;
      }
      inv.placeHeld = true;
      await this.invitations.save(inv, tx);
      await this.confirmPlace(forum, inv, member, badgeNumber, 'rsvp-confirmation', rsvpUrl, tx);
      return inv;
    });
    return this.describe(invitation);
  }

  /** Gives freed places to those waiting, oldest first, each with a fresh link in their email. */
  async fillFreedPlaces(forum: Forum, tx: Tx): Promise<void> {
    for (;;) {
      const next = await this.invitations.firstWaiting(forum.id, tx);
      if (!next) return;
      const badgeNumber = await this.forums.takePlace(forum.id, tx);
      if (badgeNumber === null) return;
      next.waitlistedAt = null;
      next.placeHeld = true;
      await this.invitations.save(next, tx);
      const token = newToken();
      await this.invitations.addTokens([{ invitationId: next.id, tokenHash: hashToken(token) }], tx);
      const [member] = await this.register.liveMembers([next.memberId], tx);
      await this.confirmPlace(forum, next, member, badgeNumber, 'rsvp-place-offered', this.messages.rsvpUrl(token), tx);
    }
  }

  private async confirmPlace(
    forum: Forum,
    inv: Invitation,
    member: Member | undefined,
    badgeNumber: number,
    template: 'rsvp-confirmation' | 'rsvp-place-offered',
    rsvpUrl: string,
    tx: Tx,
  ): Promise<void> {
    const attendee = await this.attendees.confirmInvitee(
      {
        forumId: forum.id,
        invitationId: inv.id,
        memberId: inv.memberId,
        firstName: member?.firstName ?? '',
        lastName: member?.lastName ?? '',
        countryCode: member?.countryCode ?? null,
        region: member?.region ?? null,
        needs: needsOf(inv),
      },
      badgeNumber,
      tx,
    );
    if (!member?.email) return;
    const message = this.messages.placeConfirmed(
      template,
      forum,
      member,
      inv,
      badgeNumber,
      `${template}:${inv.id}:${badgeNumber}`,
      rsvpUrl,
    );
    // The badge PDF is drawn when the email is sent (MailAttachments), so it is the badge as it is then.
    message.data[BADGE_ATTACHMENT_KEY] = badgeAttachmentValue({ forumId: forum.id, attendeeId: attendee.id });
    await this.outbox.enqueue([message], tx);
  }

  private async describe(invitation: Invitation): Promise<RsvpView> {
    const forum = await this.forums.get(invitation.forumId);
    const member = (await this.register.liveMembers([invitation.memberId]))[0];
    if (!member) throw new DomainError('not_found', INVALID_RSVP_LINK);
    const attendee = invitation.placeHeld ? await this.attendees.forInvitation(invitation.id) : null;
    return {
      forum,
      invitation,
      member,
      waitingPosition: invitation.waitlistedAt ? await this.invitations.waitingPosition(invitation) : null,
      badgeNumber: attendee?.badgeNumber ?? null,
      open: this.isOpen(forum),
    };
  }

  private isOpen(forum: Forum): boolean {
    if (forum.status !== 'open') return false;
    return !forum.rsvpDeadline || this.clock.now() <= forum.rsvpDeadline;
  }
}

/** What the door needs to know, in short: accessibility needs and their note. */
function needsOf(inv: Invitation): string[] | null {
  const needs = [...(inv.accessibility ?? []), ...(inv.accessibilityNote ? [inv.accessibilityNote] : [])];
  return needs.length ? needs : null;
}
