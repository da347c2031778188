import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError, type FieldErrors } from '../common/domain-error';
import { CheckInEvents } from './check-in-events';
import { type CheckInOutcome, CheckInSettler, isProblem, type Scan, type ScanProblem } from './check-in-settler';
import { AuditTrail } from '../logging/audit/audit-trail';
import { DoorAccess } from './door-access.service';
import { LiveScans } from './live-scans';
import { MAX_CLOCK_SKEW_MS } from './forum-day-rules';

export type { CheckInOutcome } from './check-in-settler';

export interface CheckInRequest {
  nonce: string;
  badgeNumber: number;
  badgeVersion: number | null;
  day: string;
  scannedAt: string;
  door: string;
  method: 'scan' | 'manual';
  offline: boolean;
  /** Door staff admit against the verdict ("already checked in", "other day"), saying why. */
  overrideReason?: string;
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
    private readonly settler: CheckInSettler,
    private readonly liveScans: LiveScans,
    private readonly events: CheckInEvents,
    private readonly access: DoorAccess,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /**
   * `sentAt` is the device's clock when it sent the batch: a door phone whose clock is wrong still has
   * its scans recorded at the right times (each is moved by the device's offset from the server).
   * A batch with a scan in the future, on a day that is not the forum's or that the door account does
   * not work is refused whole, naming each such check-in (`checkIns.N.field`): the door sets those
   * aside and sends the rest again. Door accounts reach only the forums they are assigned to (404).
   */
  async record(user: AuthUser, forumId: string, sent: CheckInRequest[], sentAt?: string): Promise<CheckInOutcome[]> {
    await this.access.checkForum(user, forumId);
    const now = this.clock.now();
    const offset = sentAt ? now.getTime() - Date.parse(sentAt) : 0;
    const scans: Scan[] = sent.map(({ overrideReason, ...item }) => ({
      ...item,
      forumId,
      scannedAt: new Date(Date.parse(item.scannedAt) + offset),
      recordedAt: now,
      staffUserId: user.id,
      deviceId: user.deviceId ?? null,
      reason: overrideReason?.trim() || null,
    }));
    const errors: FieldErrors = await this.access.dayErrors(
      user,
      forumId,
      scans.map((s) => s.day),
      (n) => `checkIns.${n}.day`,
    );
    scans.forEach((scan, n) => {
      if (scan.scannedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) errors[`checkIns.${n}.scannedAt`] = [FUTURE_SCAN];
    });
    // A live scan (nearly every request at the door) is settled together with those arriving with it.
    const outcomes =
      scans.length === 1 && !errors['checkIns.0.scannedAt']
        ? refuseProblems([await this.liveScans.settle(scans[0])], errors)
        : await this.settler.store(refuseProblems(await this.settler.decide(scans), errors));
    if (outcomes.some((o) => o.result !== 'revoked' && o.result !== 'unknown')) this.events.recorded(forumId);
    await this.recordOverrides(user, forumId, scans, outcomes);
    return outcomes;
  }

  /** Each override stored now goes in the audit log: ids only (the reason stays on the check-in). */
  private async recordOverrides(user: AuthUser, forumId: string, scans: Scan[], outcomes: CheckInOutcome[]): Promise<void> {
    for (const [n, outcome] of outcomes.entries()) {
      if (!outcome.forced) continue;
      const scan = scans[n];
      await this.audit.record({
        action: 'door.override',
        actor: { id: user.id, role: user.role },
        target: { type: 'forum', id: forumId },
        summary: `badge=${scan.badgeNumber} day=${scan.day} result=${outcome.result} device=${scan.deviceId ?? 'none'}`,
      });
    }
  }
}

/** Throws the 404, or the 400 naming each scan's fields (with `errors` found before), for a batch that cannot be settled. */
function refuseProblems<T extends object>(settled: (T | ScanProblem)[], errors: FieldErrors): T[] {
  settled.forEach((s, n) => {
    if (!isProblem(s)) return;
    if (s.problem === 'unknown_forum') throw DomainError.notFound('Forum');
    errors[`checkIns.${n}.day`] = [s.message];
  });
  if (Object.keys(errors).length) throw DomainError.validation(errors);
  return settled as T[];
}

const FUTURE_SCAN = 'is in the future; check the device clock';
