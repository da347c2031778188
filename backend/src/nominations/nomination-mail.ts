import type { Forum } from '../forums/forums.service';
import type { OutgoingMessage } from '../mail/outbox.service';
import type { Nomination } from './nomination.entity';
import type { Nominee } from './nomination.repository';

const months: Record<'en' | 'st', string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  st: [
    'Pherekhong',
    'Hlakola',
    'Hlakubele',
    'Mmesa',
    'Motšeanong',
    'Phupjane',
    'Phupu',
    'Phato',
    'Loetse',
    'Mphalane',
    'Pulungoana',
    'Tšitoe',
  ],
};

/** "8–9 April 2027" / "8–9 Mmesa 2027": forum days are calendar dates, no timezone involved. */
export function forumDates(forum: Pick<Forum, 'startDate' | 'endDate'>, locale: string): string {
  const names = months[locale === 'st' ? 'st' : 'en'];
  const [y1, m1, d1] = forum.startDate.split('-').map(Number);
  const [y2, m2, d2] = forum.endDate.split('-').map(Number);
  if (forum.startDate === forum.endDate) return `${d1} ${names[m1 - 1]} ${y1}`;
  if (y1 === y2 && m1 === m2) return `${d1}–${d2} ${names[m1 - 1]} ${y1}`;
  if (y1 === y2) return `${d1} ${names[m1 - 1]} – ${d2} ${names[m2 - 1]} ${y1}`;
  return `${d1} ${names[m1 - 1]} ${y1} – ${d2} ${names[m2 - 1]} ${y2}`;
}

const fullName = (n: Pick<Nominee, 'firstName' | 'lastName'>) => `${n.firstName} ${n.lastName}`;

/** The acknowledgement to whoever nominated (the nominee themself, or another member). */
export function receivedMessage(nomination: Nomination, nominee: Nominee, forum: Forum): OutgoingMessage | null {
  const self = nomination.nominatorKind === 'self';
  const recipient = self ? nominee.email : nomination.nominatorEmail;
  if (!recipient) return null;
  return {
    recipient,
    memberId: self ? nominee.id : null,
    template: 'nomination-received',
    locale: nomination.locale,
    data: {
      name: self ? nominee.firstName : (nomination.nominatorName ?? ''),
      self,
      nomineeName: fullName(nominee),
      topic: nomination.topic,
      forumName: forum.name,
      forumDates: forumDates(forum, nomination.locale),
    },
    idempotencyKey: `nomination-received:${nomination.id}`,
  };
}

/** Tells a nominee that someone else put them forward (not sent for self-nominations). */
export function nominatedMessage(nomination: Nomination, nominee: Nominee, forum: Forum, nominatorName: string) {
  if (nomination.nominatorKind === 'self' || !nominee.email) return null;
  return {
    recipient: nominee.email,
    memberId: nominee.id,
    template: 'nomination-nominated',
    locale: nomination.locale,
    data: {
      firstName: nominee.firstName,
      nominatorName,
      topic: nomination.topic,
      forumName: forum.name,
      forumDates: forumDates(forum, nomination.locale),
    },
    idempotencyKey: `nomination-nominated:${nomination.id}`,
  } satisfies OutgoingMessage;
}

/** Accepted, with next steps and the personal link to confirm or withdraw. */
export function acceptedMessage(
  nomination: Nomination,
  nominee: Nominee,
  forum: Forum,
  responseUrl: string,
  note: string | null,
  changeId: string,
): OutgoingMessage | null {
  if (!nominee.email) return null;
  return {
    recipient: nominee.email,
    memberId: nominee.id,
    template: 'nomination-accepted',
    locale: nomination.locale,
    data: {
      firstName: nominee.firstName,
      topic: nomination.topic,
      forumName: forum.name,
      forumDates: forumDates(forum, nomination.locale),
      venue: forum.venue,
      note,
    },
    secrets: { responseUrl },
    idempotencyKey: `nomination-accepted:${changeId}`,
  };
}

export function declinedMessage(
  nomination: Nomination,
  nominee: Nominee,
  forum: Forum,
  note: string | null,
  changeId: string,
): OutgoingMessage | null {
  if (!nominee.email) return null;
  return {
    recipient: nominee.email,
    memberId: nominee.id,
    template: 'nomination-declined',
    locale: nomination.locale,
    data: { firstName: nominee.firstName, topic: nomination.topic, forumName: forum.name, note },
    idempotencyKey: `nomination-declined:${changeId}`,
  };
}
