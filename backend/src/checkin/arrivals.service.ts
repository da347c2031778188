import { Injectable, type MessageEvent } from '@nestjs/common';
import { asyncScheduler, concatMap, filter, from, interval, map, merge, type Observable, of, throttleTime } from 'rxjs';
import { Clock } from '../common/clock';
import type { Forum } from '../forums/forums.service';
import { ForumsService } from '../forums/forums.service';
import { type ArrivalsSummary, summarise } from './arrivals-summary';
import { ArrivalsRepository, type ConflictRow } from './arrivals.repository';
import { type AuditActor, AuditTrail } from '../logging/audit/audit-trail';
import { attendanceCsv } from './attendance-csv';
import { CheckInEvents } from './check-in-events';
import { forumDays } from './forum-day-rules';

/** How often a live view is refreshed at most after check-ins here, and at least for other processes'. */
export const PUSH_THROTTLE_MS = 1000;
export const TICK_MS = 10_000;

/** Organisers watch arrivals live and export who attended. */
@Injectable()
export class ArrivalsService {
  /** One summary in flight per forum, shared by every viewer asking at that moment. */
  private readonly inFlight = new Map<string, Promise<ArrivalsSummary>>();

  constructor(
    private readonly forums: ForumsService,
    private readonly arrivals: ArrivalsRepository,
    private readonly events: CheckInEvents,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async summary(forumId: string): Promise<ArrivalsSummary> {
    const forum = await this.forums.get(forumId);
    let pending = this.inFlight.get(forumId);
    if (!pending) {
      pending = this.compute(forum).finally(() => this.inFlight.delete(forumId));
      this.inFlight.set(forumId, pending);
    }
    return pending;
  }

  /** Summaries on connect, after check-ins in this process (at most one a second), and every 10 s. */
  async stream(forumId: string): Promise<Observable<MessageEvent>> {
    const forum = await this.forums.get(forumId);
    const triggers = merge(
      of(0),
      this.events.forums$.pipe(
        filter((id) => id === forumId),
        throttleTime(PUSH_THROTTLE_MS, asyncScheduler, { leading: true, trailing: true }),
      ),
      interval(TICK_MS),
    );
    return triggers.pipe(
      concatMap(() => from(this.summary(forum.id))),
      map((data) => ({ type: 'summary', data })),
    );
  }

  conflicts(forumId: string): Promise<ConflictRow[]> {
    return this.forums.get(forumId).then(() => this.arrivals.conflicts(forumId));
  }

  async attendanceCsv(forumId: string, by: AuditActor): Promise<{ forum: Forum; csv: string }> {
    const forum = await this.forums.get(forumId);
    const [attendees, admitted] = await Promise.all([
      this.arrivals.attendeesWithAdmissions(forumId),
      this.arrivals.admitted(forumId),
    ]);
    await this.audit.record({
      action: 'data.exported',
      actor: by,
      target: { type: 'forum', id: forumId },
      summary: `attendance CSV; ${attendees.length} rows`,
    });
    return { forum, csv: attendanceCsv(forumDays(forum), forum.timezone, attendees, admitted) };
  }

  private async compute(forum: Forum): Promise<ArrivalsSummary> {
    const [expected, admitted, conflicts] = await Promise.all([
      this.arrivals.expected(forum.id),
      this.arrivals.admitted(forum.id),
      this.arrivals.duplicateCount(forum.id),
    ]);
    return summarise(forumDays(forum), expected, admitted, conflicts, this.clock.now());
  }
}
