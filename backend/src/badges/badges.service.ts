import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { Attendee, AttendeeRole } from '../attendees/attendees.service';
import { AttendeesService } from '../attendees/attendees.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { ForumsService } from '../forums/forums.service';
import { MailAttachments } from '../mail/mail-attachments';
import type { MailAttachment } from '../mail/mail-renderer';
import { SegmentQueryService } from '../register/segments/segment-query.service';
import { SegmentsService } from '../register/segments/segments.service';
import { BADGE_ATTACHMENT_KEY, parseBadgeAttachment } from './badge-attachment';
import { badgeContent, badgeForum } from './badge-content';
import type { BadgeForum } from './badge-drawing';
import { BadgePdf, type BadgeSheets } from './badge-pdf';
import { BadgeSigner } from './badge-signer.service';

/** Who gets a badge printed: a role, the members of a saved segment, both, or (neither) everyone. */
export interface BadgeSelection {
  role?: AttendeeRole;
  segmentId?: string;
}

/** Above this much unread PDF, drawing waits for the reader: a slow download holds little memory. */
const HIGH_WATER_BYTES = 1 << 20;

/**
 * Badge PDFs: one attendee's A6 badge (console, RSVP page, confirmation email) and A4 sheets for
 * printing, streamed page by page while attendees are read in surname order a page at a time.
 * Only badges that open the door print: confirmed attendees whose badge is not revoked.
 */
@Injectable()
export class BadgesService implements OnModuleInit {
  constructor(
    private readonly attendees: AttendeesService,
    private readonly forums: ForumsService,
    private readonly segments: SegmentsService,
    private readonly segmentQuery: SegmentQueryService,
    private readonly signer: BadgeSigner,
    private readonly pdf: BadgePdf,
    private readonly mailAttachments: MailAttachments,
  ) {}

  onModuleInit(): void {
    this.mailAttachments.register(BADGE_ATTACHMENT_KEY, (value) => this.attachment(value));
  }

  async count(user: AuthUser, forumId: string, selection: BadgeSelection): Promise<number> {
    await this.forums.get(forumId);
    return this.countFor(forumId, selection.role, await this.segmentMembers(user, selection.segmentId));
  }

  /**
   * A4 sheets for the selection: the count (for the X-Badge-Count header) and the PDF as a stream that
   * is written while it is read. Destroying the stream (the client went away) stops the drawing.
   */
  async sheets(user: AuthUser, forumId: string, selection: BadgeSelection): Promise<{ count: number; pdf: Readable }> {
    const forum = await this.forums.get(forumId);
    const members = await this.segmentMembers(user, selection.segmentId);
    const count = await this.countFor(forumId, selection.role, members);
    const sheets = this.pdf.sheets(badgeForum(forum));
    this.fill(sheets, forumId, selection.role, members).catch((error: unknown) =>
      sheets.doc.destroy(error instanceof Error ? error : new Error(String(error))),
    );
    return { count, pdf: sheets.doc };
  }

  /** An attendee's A6 badge, for organisers. Refused (409) when it would not open the door. */
  async single(forumId: string, attendeeId: string): Promise<{ attendee: Attendee; pdf: Buffer }> {
    const attendee = await this.attendees.get(forumId, attendeeId);
    if (attendee.status !== 'confirmed') throw DomainError.conflict('This attendee gave up their place: there is no badge');
    if (attendee.badgeRevoked) throw DomainError.conflict('This badge is revoked: re-issue it to print a new one');
    return { attendee, pdf: await this.render(badgeForum(await this.forums.get(forumId)), attendee) };
  }

  /** The confirmation email's badge, drawn at sending: the badge as it is then (nothing when the place was given up). */
  private async attachment(value: unknown): Promise<MailAttachment | null> {
    const ref = parseBadgeAttachment(value);
    if (!ref) return null;
    let attendee: Attendee;
    try {
      attendee = await this.attendees.get(ref.forumId, ref.attendeeId);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return null;
      throw error;
    }
    if (attendee.status !== 'confirmed' || attendee.badgeRevoked) return null;
    const pdf = await this.render(badgeForum(await this.forums.get(ref.forumId)), attendee);
    return { filename: `badge-${attendee.badgeNumber}.pdf`, contentType: 'application/pdf', content: pdf };
  }

  private async render(forum: BadgeForum, attendee: Attendee): Promise<Buffer> {
    const qrText = await this.signer.qrText(attendee);
    const doc = this.pdf.single(forum, badgeContent(attendee, qrText));
    const chunks: Buffer[] = [];
    for await (const chunk of doc) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  private async countFor(forumId: string, role: AttendeeRole | undefined, members: Set<string> | null): Promise<number> {
    if (!members) return this.attendees.countPrintable(forumId, role);
    let count = 0;
    for await (const page of this.attendees.printable(forumId, role)) count += page.filter((a) => inSegment(a, members)).length;
    return count;
  }

  private async fill(
    sheets: BadgeSheets,
    forumId: string,
    role: AttendeeRole | undefined,
    members: Set<string> | null,
  ): Promise<void> {
    const doc = sheets.doc;
    for await (const page of this.attendees.printable(forumId, role)) {
      for (const attendee of page) {
        if (doc.destroyed) return;
        if (members && !inSegment(attendee, members)) continue;
        const pageStarted = sheets.add(badgeContent(attendee, await this.signer.qrText(attendee)));
        if (pageStarted) await readerCaughtUp(doc);
      }
    }
    if (!doc.destroyed) sheets.end();
  }

  /** The member ids of a saved segment (ids only, read in chunks), or null for no segment. */
  private async segmentMembers(user: AuthUser, segmentId: string | undefined): Promise<Set<string> | null> {
    if (!segmentId) return null;
    const { filter } = await this.segments.filterOf(segmentId);
    const ids = new Set<string>();
    for await (const chunk of this.segmentQuery.stream(user, filter)) for (const member of chunk) ids.add(member.id);
    return ids;
  }
}

function inSegment(attendee: Attendee, members: Set<string>): boolean {
  return attendee.memberId !== null && members.has(attendee.memberId);
}

async function readerCaughtUp(doc: Readable): Promise<void> {
  while (doc.readableLength > HIGH_WATER_BYTES && !doc.destroyed) await new Promise((resolve) => setTimeout(resolve, 5));
}
