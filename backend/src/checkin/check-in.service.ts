import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError, type FieldErrors } from '../common/domain-error';
import type { CheckInResult } from './check-in.entity';
import { CheckInEvents } from './check-in-events';
import { type Admission, type AttendeeAtDoor, CheckInRepository, type NewCheckIn } from './check-in.repository';
import { LiveAdmissions } from './live-admissions';
import { dayErrors, forumDays, MAX_CLOCK_SKEW_MS } from './forum-day-rules';

export interface CheckInRequest {
  nonce: string;
  badgeNumber: number;
  badgeVersion: number | null;
  day: string;
  scannedAt: string;
  door: string;
  method: 'scan' | 'manual';
  offline: boolean;
}

export interface CheckInOutcome {
  nonce: string;
  result: CheckInResult;
  admission: Admission | null;
}

/**
 * Settles scans from the doors. The first admission of an attendee on a day is the one that reached
 * the server first (not the earliest scannedAt): an offline phone syncing later cannot take an
 * admission away from a door that already answered "admitted"; its scan becomes a duplicate, and
 * the conflict report shows both, each with its scan time and door.
 */
@Injectable()
export class CheckInService {
  constructor(
    private readonly checkIns: CheckInRepository,
    private readonly liveAdmissions: LiveAdmissions,
    private readonly events: CheckInEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * `sentAt` is the device's clock when it sent the batch: a door phone whose clock is wrong still has
   * its scans recorded at the right times (each is moved by the device's offset from the server).
   */
  async record(user: AuthUser, forumId: string, sent: CheckInRequest[], sentAt?: string): Promise<CheckInOutcome[]> {
    const now = this.clock.now();
    const offset = sentAt ? now.getTime() - Date.parse(sentAt) : 0;
    const items = sent.map((item) => ({ ...item, scannedAt: new Date(Date.parse(item.scannedAt) + offset).toISOString() }));
    const errors: FieldErrors = {};
    items.forEach((item, n) => {
      if (Date.parse(item.scannedAt) > now.getTime() + MAX_CLOCK_SKEW_MS) errors[`checkIns.${n}.scannedAt`] = [FUTURE_SCAN];
    });
    // A live scan of a current badge (nearly every scan at the door) is settled by one statement,
    // shared with the scans that arrive with it.
    const [only] = items;
    if (items.length === 1 && !errors[`checkIns.0.scannedAt`]) {
      if (await this.liveAdmissions.admit({ ...only, ...this.context(user, forumId, only, now) })) {
        this.events.recorded(forumId);
        return [{ nonce: only.nonce, result: 'admitted', admission: null }];
      }
    }
    const { forum, attendees } = await this.checkIns.forumAndAttendees(
      forumId,
      items.map((i) => i.badgeNumber),
    );
    if (!forum) throw DomainError.notFound('Forum');
    const days = forumDays(forum);
    items.forEach((item, n) => Object.assign(errors, dayErrors(days, item.day, `checkIns.${n}.day`)));
    if (Object.keys(errors).length) throw DomainError.validation(errors);

    const outcomes: CheckInOutcome[] = [];
    for (const item of items) {
      outcomes.push(await this.settle(user, forumId, item, attendees.get(item.badgeNumber) ?? null, now));
    }
    if (outcomes.some((o) => o.result === 'admitted' || o.result === 'duplicate')) this.events.recorded(forumId);
    return outcomes;
  }

  private async settle(
    user: AuthUser,
    forumId: string,
    item: CheckInRequest,
    attendee: AttendeeAtDoor | null,
    now: Date,
  ): Promise<CheckInOutcome> {
    const row: NewCheckIn = {
      ...item,
      ...this.context(user, forumId, item, now),
      attendeeId: attendee?.id ?? null,
      result: decide(item, attendee),
    };
    let outcome = await this.checkIns.insert(row);
    if (outcome === 'already_admitted') {
      row.result = 'duplicate';
      outcome = await this.checkIns.insert(row);
    }
    if (outcome === 'nonce_taken') return this.replay(item.nonce);
    const admission = row.result === 'duplicate' ? await this.checkIns.admission(row.attendeeId!, row.day) : null;
    return { nonce: item.nonce, result: row.result, admission };
  }

  private context(user: AuthUser, forumId: string, item: CheckInRequest, now: Date) {
    return { forumId, scannedAt: new Date(item.scannedAt), recordedAt: now, staffUserId: user.id };
  }

  /** The answer first given for this nonce; nothing new is stored. */
  private async replay(nonce: string): Promise<CheckInOutcome> {
    const stored = await this.checkIns.findByNonce(nonce);
    if (!stored) throw new Error(`check-in ${nonce} collided on its nonce but is not stored`);
    const admission =
      stored.result === 'duplicate' && stored.attendeeId ? await this.checkIns.admission(stored.attendeeId, stored.day) : null;
    return { nonce, result: stored.result, admission };
  }
}

const FUTURE_SCAN = 'is in the future; check the device clock';

function decide(item: CheckInRequest, attendee: AttendeeAtDoor | null): CheckInResult {
  if (!attendee) return 'unknown';
  if (attendee.revoked) return 'revoked';
  if (item.badgeVersion !== null && item.badgeVersion !== attendee.badgeVersion) return 'revoked';
  return 'admitted';
}
