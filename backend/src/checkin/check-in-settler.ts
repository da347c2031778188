import { Injectable } from '@nestjs/common';
import type { CheckInResult } from './check-in.entity';
import { type Admission, type AttendeeAtDoor, CheckInRepository, type NewCheckIn } from './check-in.repository';
import { dayErrors, forumDays, onForumDay } from './forum-day-rules';

/**
 * One scan as the server settles it: the door's check-in with who sent it and when it arrived.
 * `reason` is set when door staff admit against the verdict (an override).
 */
export type Scan = Omit<NewCheckIn, 'attendeeId' | 'result' | 'forced' | 'offDay'>;

export interface CheckInOutcome {
  nonce: string;
  result: CheckInResult;
  admission: Admission | null;
  /** Stored now (not a replay) as an override: the caller puts it in the audit log. */
  forced?: true;
}

/** Why a scan cannot be settled: bad input, answered with a 4xx and nothing stored. */
export type ScanProblem = { problem: 'unknown_forum' } | { problem: 'not_a_forum_day'; message: string };

/** A scan decided but not yet stored; a duplicate's admission is null when it is in the same batch. */
export interface Decided {
  row: NewCheckIn;
  admission: Admission | null;
}

/**
 * Settles scans in two statements whatever their number: one SELECT of the forums' attendees and
 * admissions, one INSERT of every check-in. The admission rule is decide(), and only decide(); the
 * database's unique indexes only settle races (a scan sent twice, or two doors at one moment), by
 * sending that batch through the one-at-a-time path, which turns the loser into a duplicate.
 */
@Injectable()
export class CheckInSettler {
  constructor(private readonly checkIns: CheckInRepository) {}

  /** Decides each scan against the register; nothing is stored. */
  async decide(scans: readonly Scan[]): Promise<(Decided | ScanProblem)[]> {
    const decided = new Map<Scan, Decided | ScanProblem>();
    for (const forumId of new Set(scans.map((s) => s.forumId))) {
      const ofForum = scans.filter((s) => s.forumId === forumId);
      const { forum, attendees } = await this.checkIns.atTheDoor(
        forumId,
        ofForum.map((s) => s.badgeNumber),
        ofForum.map((s) => s.day),
      );
      const days = forum ? forumDays(forum) : [];
      for (const scan of ofForum) {
        if (!forum) decided.set(scan, { problem: 'unknown_forum' });
        else if (!days.includes(scan.day))
          decided.set(scan, { problem: 'not_a_forum_day', message: Object.values(dayErrors(days, scan.day))[0][0] });
        else decided.set(scan, decideOne(scan, attendees.get(scan.badgeNumber) ?? null, forum.timezone));
      }
    }
    return scans.map((scan) => decided.get(scan)!);
  }

  /** Stores decided scans; the outcome of each, in order. */
  async store(decided: Decided[]): Promise<CheckInOutcome[]> {
    if (!decided.length) return [];
    const outcomes: CheckInOutcome[] = [];
    if (await this.checkIns.insertAll(decided.map((d) => d.row))) {
      for (const { row, admission } of decided) outcomes.push(await this.outcome(row, admission));
      return outcomes;
    }
    for (const one of decided) outcomes.push(await this.storeOne(one));
    return outcomes;
  }

  private async storeOne({ row, admission }: Decided): Promise<CheckInOutcome> {
    let stored = await this.checkIns.insert(row);
    if (stored === 'already_admitted') {
      // Another request admitted them after this one looked: this scan is the duplicate (or, overridden, forced).
      row.result = row.forced ? 'forced' : 'duplicate';
      stored = await this.checkIns.insert(row);
    }
    if (stored === 'nonce_taken') return this.replay(row.forumId, row.nonce);
    return this.outcome(row, admission);
  }

  /**
   * A stored scan's outcome. A duplicate (or forced) scan decided without the admission it repeats
   * (that admission was in its own batch, or another request made it meanwhile) reads it as stored.
   */
  private async outcome(row: NewCheckIn, admission: Admission | null): Promise<CheckInOutcome> {
    const repeats = row.result === 'duplicate' || row.result === 'forced';
    const stored = repeats && !admission ? await this.checkIns.admission(row.attendeeId!, row.day) : admission;
    return { nonce: row.nonce, result: row.result, admission: stored, ...(row.forced ? { forced: true } : {}) };
  }

  /** The answer first given for this nonce at this forum; nothing new is stored. */
  private async replay(forumId: string, nonce: string): Promise<CheckInOutcome> {
    const stored = await this.checkIns.findByNonce(forumId, nonce);
    if (!stored) throw new Error(`check-in ${nonce} collided on its nonce but is not stored`);
    const admission =
      (stored.result === 'duplicate' || stored.result === 'forced') && stored.attendeeId
        ? await this.checkIns.admission(stored.attendeeId, stored.day)
        : null;
    return { nonce, result: stored.result, admission };
  }
}

export function isProblem(value: object): value is ScanProblem {
  return 'problem' in value;
}

/**
 * The door's rule. A badge is admitted when it belongs to a confirmed attendee, is not revoked and
 * is the current version (a manual check-in has no version), once per attendee and day: a later scan
 * that day is a duplicate, answered with the first admission. (Scans of the same attendee earlier in
 * the batch count: the attendee is marked admitted as it is decided.)
 *
 * Door staff may override, with a reason: an attendee already admitted that day is let in again
 * (`forced`), and one the door refused as "other day" (the server does not refuse those) is admitted
 * with the override on record. A revoked, replaced or unknown badge is never admitted by override.
 * A scan whose time is not on its forum day (forum time zone, with the tolerance) is settled the same
 * way and flagged `offDay` for the conflict report.
 */
function decideOne(scan: Scan, attendee: AttendeeAtDoor | null, timezone: string): Decided {
  const result = resultOf(scan, attendee);
  const forced = scan.reason !== null && (result === 'admitted' || result === 'forced');
  const row: NewCheckIn = {
    ...scan,
    attendeeId: attendee?.id ?? null,
    result,
    forced,
    reason: forced ? scan.reason : null,
    offDay: !onForumDay(scan.scannedAt, scan.day, timezone),
  };
  if (result === 'duplicate' || result === 'forced') return { row, admission: attendee!.admissions.get(scan.day) ?? null };
  if (result === 'admitted') attendee!.admissions.set(scan.day, null);
  return { row, admission: null };
}

function resultOf(scan: Scan, attendee: AttendeeAtDoor | null): CheckInResult {
  if (!attendee) return 'unknown';
  if (attendee.revoked) return 'revoked';
  if (scan.badgeVersion !== null && scan.badgeVersion !== attendee.badgeVersion) return 'revoked';
  if (!attendee.admissions.has(scan.day)) return 'admitted';
  return scan.reason !== null ? 'forced' : 'duplicate';
}
