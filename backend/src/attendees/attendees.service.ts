import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transactions';
import type { Attendee } from './attendee.entity';
import { AttendeeRepository } from './attendee.repository';

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
  constructor(private readonly attendees: AttendeeRepository) {}

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

  forInvitation(invitationId: string): Promise<Attendee | null> {
    return this.attendees.findByInvitation(invitationId);
  }

  list(forumId: string): Promise<Attendee[]> {
    return this.attendees.listForForum(forumId);
  }
}
