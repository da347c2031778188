import { Injectable } from '@nestjs/common';
import { AttendeesService, type BadgeIdentity } from '../attendees/attendees.service';
import type { AuthUser } from '../auth/auth-user';
import { BadgeSigner } from '../badges/badge-signer.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { ForumsService } from '../forums/forums.service';
import { authorOf, type ConsentInput, RegisterService } from '../register/register.service';
import { CheckInEvents } from './check-in-events';
import { CheckInRepository } from './check-in.repository';
import { DoorAccess } from './door-access.service';
import { DoorDataService, type DoorTuple } from './door-data.service';
import { WalkInRepository } from './walk-in.repository';

export interface WalkInInput {
  nonce: string;
  day: string;
  door: string;
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  countryCode: string;
  region?: string;
  preferredLanguage: 'en' | 'st';
  consent: boolean;
  needs?: string[];
}

/** What the door's consent sentence covers: the register, invitations and updates, given in person. */
const WALK_IN_CONSENT: ConsentInput = { invitations: true, updates: true, method: 'in_person' };

/**
 * Someone at the door who was not invited: they join the register (or their existing record is
 * used), get a badge number and are admitted for the day, all in one transaction.
 */
@Injectable()
export class WalkInService {
  constructor(
    private readonly register: RegisterService,
    private readonly attendees: AttendeesService,
    private readonly forums: ForumsService,
    private readonly doorData: DoorDataService,
    private readonly walkIns: WalkInRepository,
    private readonly checkIns: CheckInRepository,
    private readonly signer: BadgeSigner,
    private readonly transactions: Transactions,
    private readonly events: CheckInEvents,
    private readonly access: DoorAccess,
    private readonly clock: Clock,
  ) {}

  async registerAndAdmit(user: AuthUser, forumId: string, input: WalkInInput): Promise<{ attendee: DoorTuple; qrText: string }> {
    await this.access.checkDay(user, forumId, input.day);
    await this.doorData.forumDay(forumId, input.day);
    const replayedId = await this.walkIns.attendeeIdByNonce(forumId, input.nonce);
    const replayed = replayedId && (await this.attendees.badgeOf(replayedId));
    if (replayed) return this.answer(forumId, replayed, input.day);

    if (input.consent !== true) throw DomainError.validation({ consent: ['the person must agree to join the register'] });
    const member = this.register.normalise({
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      phone: input.phone,
      countryCode: input.countryCode,
      region: input.region,
      preferredLanguage: input.preferredLanguage,
    });
    const [existing] = await this.register.findDuplicates(member);
    const alreadyAttending = async () => {
      const badgeNumber = existing && (await this.attendees.badgeNumberOfMember(forumId, existing.id));
      if (existing && badgeNumber !== null) {
        throw DomainError.conflict(`${existing.firstName} ${existing.lastName} is already an attendee: badge ${badgeNumber}`);
      }
    };
    await alreadyAttending();
    const now = this.clock.now();
    const attendee = await this.admit(user, forumId, input, member, existing, now).catch(async (error: unknown) => {
      // Another door registered the same member at this moment: the unique key (forum, member) let one through.
      await alreadyAttending();
      throw error;
    });
    this.events.recorded(forumId);
    return this.answer(forumId, attendee, input.day);
  }

  private admit(
    user: AuthUser,
    forumId: string,
    input: WalkInInput,
    member: ReturnType<RegisterService['normalise']>,
    existing: Awaited<ReturnType<RegisterService['findDuplicates']>>[number] | undefined,
    now: Date,
  ): Promise<BadgeIdentity> {
    return this.transactions.run(async (tx) => {
      const memberId =
        existing?.id ??
        (await this.register.insertMember(tx, authorOf(user), member, WALK_IN_CONSENT, 'walk_in', { forumId })).id;
      const person = existing ?? member;
      const created = await this.attendees.addWalkIn(
        {
          forumId,
          memberId,
          firstName: person.firstName,
          lastName: person.lastName,
          countryCode: person.countryCode,
          region: person.region,
          badgeNumber: await this.forums.nextBadgeNumber(forumId, tx),
          needs: input.needs?.length ? input.needs : null,
        },
        tx,
      );
      const stored = await this.checkIns.insert(
        {
          forumId,
          attendeeId: created.id,
          badgeNumber: created.badgeNumber,
          badgeVersion: created.badgeVersion,
          day: input.day,
          result: 'admitted',
          method: 'walk_in',
          scannedAt: now,
          recordedAt: now,
          offline: false,
          door: input.door.trim(),
          staffUserId: user.id,
          deviceId: user.deviceId ?? null,
          nonce: input.nonce,
          forced: false,
          reason: null,
          offDay: false,
        },
        tx,
      );
      if (stored !== 'stored') throw DomainError.conflict('This walk-in was sent twice at the same moment; try again');
      return created;
    });
  }

  private async answer(forumId: string, attendee: BadgeIdentity, day: string): Promise<{ attendee: DoorTuple; qrText: string }> {
    const [tuple, qrText] = await Promise.all([
      this.doorData.tuple(forumId, attendee.id, day),
      this.signer.qrText({ forumId, badgeNumber: attendee.badgeNumber, badgeVersion: attendee.badgeVersion }),
    ]);
    return { attendee: tuple, qrText };
  }
}
