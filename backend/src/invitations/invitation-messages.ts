import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { CALENDAR_KEY } from '../mail/mail-renderer';
import type { OutgoingMessage } from '../mail/outbox.service';
import { forumCalendar } from '../forums/forum-calendar';
import { formatDay, formatForumDays, formatForumTime } from '../forums/forum-dates';
import type { Forum } from '../forums/forums.service';
import type { Member } from '../register/register.service';
import type { Invitation } from './invitation.entity';

/** Builds the emails of the invitation flow; one place knows what each template is filled with. */
@Injectable()
export class InvitationMessages {
  /** Formatted forum dates per forum and language: a campaign formats them once, not 10,000 times. */
  private readonly formatted = new Map<string, { dates: string; deadline: string | null }>();

  private readonly publicUrl: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.publicUrl = config.publicUrl;
  }

  private forumTexts(forum: Forum, locale: string) {
    const key = `${forum.id}:${forum.updatedAt?.getTime()}:${locale}`;
    let texts = this.formatted.get(key);
    if (!texts) {
      texts = {
        dates: formatForumDays(forum, locale),
        deadline: forum.rsvpDeadline ? formatForumTime(forum.rsvpDeadline, forum, locale) : null,
      };
      this.formatted.set(key, texts);
    }
    return texts;
  }

  rsvpUrl(token: string): string {
    return `${this.publicUrl}/rsvp/${token}`;
  }

  agendaUrl(forum: Pick<Forum, 'slug'>): string {
    return `${this.publicUrl}/agenda/${forum.slug}`;
  }

  invitation(
    forum: Forum,
    member: Pick<Member, 'id' | 'email' | 'firstName' | 'preferredLanguage'>,
    invitationId: string,
    token: string,
    key: string,
  ): OutgoingMessage {
    const locale = member.preferredLanguage;
    return {
      recipient: member.email!,
      memberId: member.id,
      forumId: forum.id,
      template: 'forum-invitation',
      locale,
      idempotencyKey: key,
      data: {
        firstName: member.firstName,
        forumName: forum.name,
        venue: forum.venue,
        ...this.forumTexts(forum, locale),
        agendaUrl: this.agendaUrl(forum),
        invitationId,
      },
      secrets: { rsvpUrl: this.rsvpUrl(token) },
    };
  }

  /** A reminder carries a fresh link of its own: the invitation's token was never kept. */
  reminder(
    forum: Forum,
    member: Pick<Member, 'id' | 'email' | 'firstName'>,
    invitation: Invitation,
    token: string,
    key: string,
  ): OutgoingMessage {
    return {
      recipient: member.email!,
      memberId: member.id,
      forumId: forum.id,
      template: 'forum-reminder',
      locale: invitation.locale,
      idempotencyKey: key,
      data: {
        firstName: member.firstName,
        forumName: forum.name,
        ...this.forumTexts(forum, invitation.locale),
      },
      secrets: { rsvpUrl: this.rsvpUrl(token) },
    };
  }

  /** Confirmation of a place (straight away, or when it opened up from the waiting list), with the days as a calendar file. */
  placeConfirmed(
    template: 'rsvp-confirmation' | 'rsvp-place-offered',
    forum: Forum,
    member: Pick<Member, 'id' | 'email' | 'firstName'>,
    invitation: Invitation,
    badgeNumber: number,
    key: string,
    rsvpUrl: string,
  ): OutgoingMessage {
    const days = invitation.days?.length ? invitation.days : [];
    return {
      recipient: member.email!,
      memberId: member.id,
      forumId: forum.id,
      template,
      locale: invitation.locale,
      idempotencyKey: key,
      data: {
        firstName: member.firstName,
        forumName: forum.name,
        venue: forum.venue,
        dates: formatForumDays(forum, invitation.locale),
        days: days.map((d) => formatDay(d, invitation.locale)),
        badgeNumber,
        // People forward calendar files: it points to the public agenda, never to the personal link.
        [CALENDAR_KEY]: forumCalendar(forum, days, this.agendaUrl(forum)),
      },
      secrets: { rsvpUrl },
    };
  }

  waitlisted(
    forum: Forum,
    member: Pick<Member, 'id' | 'email' | 'firstName'>,
    invitation: Invitation,
    position: number,
    key: string,
    rsvpUrl: string,
  ): OutgoingMessage {
    return {
      recipient: member.email!,
      memberId: member.id,
      forumId: forum.id,
      template: 'rsvp-waitlisted',
      locale: invitation.locale,
      idempotencyKey: key,
      data: { firstName: member.firstName, forumName: forum.name, position },
      secrets: { rsvpUrl },
    };
  }
}
