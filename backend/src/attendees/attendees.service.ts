import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { Transactions, type Tx } from '../database/transactions';
import { type AuditActor, AuditTrail } from '../logging/audit/audit-trail';
import { ForumsService } from '../forums/forums.service';
import { RegisterService } from '../register/register.service';
import type { Attendee, AttendeeRole } from './attendee.entity';
import { type BadgeCursor, AttendeeRepository } from './attendee.repository';

/** Attendees as other modules hold them (type only: the entity stays the attendees module's). */
export type { Attendee, AttendeeRole } from './attendee.entity';

/** Someone added by hand: a presenter, staff, press, a VIP, an organiser, or an attendee. */
export interface NewAttendee {
  role: AttendeeRole;
  firstName: string;
  lastName: string;
  countryCode?: string | null;
  region?: string | null;
  memberId?: string | null;
  needs?: string[] | null;
}

/** A walk-in as the door registered them (their register record is already written). */
export interface NewWalkIn {
  forumId: string;
  memberId: string;
  firstName: string;
  lastName: string;
  countryCode: string;
  region: string | null;
  badgeNumber: number;
  needs: string[] | null;
}

/** What a badge code is made of. */
export interface BadgeIdentity {
  id: string;
  badgeNumber: number;
  badgeVersion: number;
}

const MAX_BADGE_VERSION = 0xffff;

export interface InviteeSnapshot {
  forumId: string;
  invitationId: string;
  memberId: string;
  firstName: string;
  lastName: string;
  countryCode: string | null;
  region: string | null;
  needs: string[] | null;
}

/** The people who will be let in. Badges and the door read from here. */
@Injectable()
export class AttendeesService {
  constructor(
    private readonly attendees: AttendeeRepository,
    private readonly forums: ForumsService,
    private readonly register: RegisterService,
    private readonly transactions: Transactions,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * An accepted invitation becomes an attendee (or one who had cancelled comes back): a new badge
   * number and a new badge version, so an earlier printed badge no longer opens the door.
   */
  async confirmInvitee(invitee: InviteeSnapshot, badgeNumber: number, tx: Tx): Promise<Attendee> {
    const existing = await this.attendees.findByInvitation(invitee.invitationId, tx);
    return this.attendees.save(
      {
        ...(existing ?? { role: 'attendee' as const, badgeVersion: 0 }),
        ...invitee,
        badgeNumber,
        badgeVersion: (existing?.badgeVersion ?? 0) + 1,
        badgeRevoked: false,
        status: 'confirmed',
      },
      tx,
    );
  }

  /** Keeps the invitee's needs and days current on their attendee record. */
  async updateNeeds(invitationId: string, needs: string[] | null, tx: Tx): Promise<void> {
    const attendee = await this.attendees.findByInvitation(invitationId, tx);
    if (attendee) await this.attendees.save({ ...attendee, needs }, tx);
  }

  /** The invitee gave up their place: the attendee stays on record, cancelled, with the badge revoked. */
  async cancelInvitee(invitationId: string, tx: Tx): Promise<void> {
    const attendee = await this.attendees.findByInvitation(invitationId, tx);
    if (attendee) await this.attendees.save({ ...attendee, status: 'cancelled', badgeRevoked: true }, tx);
  }

  /** A walk-in becomes an attendee inside the door's transaction (with their register record and admission). */
  addWalkIn(walkIn: NewWalkIn, tx: Tx): Promise<Attendee> {
    return this.attendees.insert(
      { ...walkIn, role: 'attendee', invitationId: null, badgeVersion: 1, badgeRevoked: false, status: 'confirmed' },
      tx,
    );
  }

  /** The member's badge number at this forum, or null when they are not an attendee. */
  async badgeNumberOfMember(forumId: string, memberId: string): Promise<number | null> {
    return (await this.attendees.findByMember(forumId, memberId))?.badgeNumber ?? null;
  }

  /** The badge of an attendee, or null when there is no such attendee. */
  async badgeOf(id: string): Promise<BadgeIdentity | null> {
    const attendee = await this.attendees.findById(id);
    return attendee && { id: attendee.id, badgeNumber: attendee.badgeNumber, badgeVersion: attendee.badgeVersion };
  }

  forInvitation(invitationId: string): Promise<Attendee | null> {
    return this.attendees.findByInvitation(invitationId);
  }

  async list(forumId: string, role?: AttendeeRole): Promise<Attendee[]> {
    await this.forums.get(forumId);
    return this.attendees.listForForum(forumId, role);
  }

  async get(forumId: string, id: string): Promise<Attendee> {
    const attendee = await this.attendees.findInForum(forumId, id);
    if (!attendee) throw DomainError.notFound('Attendee');
    return attendee;
  }

  /** Adds someone by hand with the forum's next badge number; a register member at most once per forum. */
  async add(user: AuthUser, forumId: string, input: NewAttendee): Promise<Attendee> {
    await this.forums.get(forumId);
    const memberId = input.memberId || null;
    if (memberId) {
      await this.register.getVisible(user, memberId);
      if (await this.attendees.findByMember(forumId, memberId))
        throw DomainError.conflict('This member is already an attendee of this forum', {
          memberId: ['already an attendee of this forum'],
        });
    }
    return this.transactions.run(async (tx) =>
      this.attendees.save(
        {
          forumId,
          memberId,
          invitationId: null,
          role: input.role,
          firstName: input.firstName.trim(),
          lastName: input.lastName.trim(),
          countryCode: input.countryCode?.trim().toUpperCase() || null,
          region: input.region?.trim() || null,
          needs: input.needs?.length ? input.needs : null,
          badgeNumber: await this.forums.nextBadgeNumber(forumId, tx),
          badgeVersion: 1,
          badgeRevoked: false,
          status: 'confirmed',
        },
        tx,
      ),
    );
  }

  async setRole(forumId: string, id: string, role: AttendeeRole): Promise<Attendee> {
    const attendee = await this.get(forumId, id);
    return this.attendees.save({ ...attendee, role });
  }

  /** A new badge version: every badge printed before no longer opens the door. */
  async reissue(forumId: string, id: string, by: AuditActor): Promise<Attendee> {
    const attendee = await this.get(forumId, id);
    if (attendee.status !== 'confirmed')
      throw DomainError.conflict('This attendee gave up their place: there is no badge to re-issue');
    if (attendee.badgeVersion >= MAX_BADGE_VERSION) throw DomainError.conflict('This badge cannot be re-issued again');
    await this.transactions.run(async (tx) => {
      await this.attendees.bumpVersion(id, tx);
      const summary = `forum ${forumId}; badge ${attendee.badgeNumber}, was version ${attendee.badgeVersion}`;
      await this.audit.record({ action: 'badge.reissued', actor: by, target: { type: 'attendee', id }, summary }, tx);
    });
    return this.get(forumId, id);
  }

  /** The badge is refused at the door until it is re-issued. */
  async revoke(forumId: string, id: string, by: AuditActor): Promise<Attendee> {
    const attendee = await this.get(forumId, id);
    return this.transactions.run(async (tx) => {
      const saved = await this.attendees.save({ ...attendee, badgeRevoked: true }, tx);
      const summary = `forum ${forumId}; badge ${attendee.badgeNumber} version ${attendee.badgeVersion}`;
      await this.audit.record({ action: 'badge.revoked', actor: by, target: { type: 'attendee', id }, summary }, tx);
      return saved;
    });
  }

  /** How many badges print for a role, or for everyone. */
  countPrintable(forumId: string, role?: AttendeeRole): Promise<number> {
    return this.attendees.countPrintable(forumId, role);
  }

  /**
   * Every printable badge (confirmed, not revoked) in surname order, a page at a time (keyset
   * pagination): memory stays flat however many there are.
   */
  async *printable(forumId: string, role?: AttendeeRole, pageSize = 250): AsyncGenerator<Attendee[], void, undefined> {
    let after: BadgeCursor | null = null;
    for (;;) {
      const page = await this.attendees.printablePage(forumId, role, after, pageSize);
      if (page.length) yield page;
      if (page.length < pageSize) return;
      const last = page[page.length - 1];
      after = { lastName: last.lastName, firstName: last.firstName, id: last.id };
    }
  }
}
