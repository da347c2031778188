/**
 * Message data under this key makes the mail worker attach the attendee's A6 badge PDF, drawn when
 * the message is sent (BadgesService registers the provider with MailAttachments). The value is
 * "<forumId>:<attendeeId>" (message data holds plain values).
 */
export const BADGE_ATTACHMENT_KEY = 'badge';

export interface BadgeAttachmentRef {
  forumId: string;
  attendeeId: string;
}

export function badgeAttachmentValue(ref: BadgeAttachmentRef): string {
  return `${ref.forumId}:${ref.attendeeId}`;
}

export function parseBadgeAttachment(value: unknown): BadgeAttachmentRef | null {
  if (typeof value !== 'string') return null;
  const [forumId, attendeeId] = value.split(':');
  return forumId && attendeeId ? { forumId, attendeeId } : null;
}
