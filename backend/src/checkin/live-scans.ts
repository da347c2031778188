import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { type CheckInOutcome, CheckInSettler, type Decided, isProblem, type Scan, type ScanProblem } from './check-in-settler';

/** Statements of live scans at the database at once; scans arriving meanwhile wait and go together. */
const IN_FLIGHT = 4;
const MAX_BATCH = 64;

/**
 * Live scans (one per request, thousands a minute at opening time) settled together, the way a
 * database groups commits: while IN_FLIGHT batches are at the database, the scans that arrive wait
 * and go together in the next one. A lone scan goes at once. Each batch is one CheckInSettler round
 * (two statements), so the database's work grows with the batches, not the scans.
 */
@Injectable()
export class LiveScans {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly loader = new DataLoader<Scan, CheckInOutcome | ScanProblem>((scans) => this.settleBatch(scans), {
    cache: false,
    maxBatchSize: MAX_BATCH,
    batchScheduleFn: (dispatch) => this.schedule(dispatch),
  });

  constructor(private readonly settler: CheckInSettler) {}

  settle(scan: Scan): Promise<CheckInOutcome | ScanProblem> {
    return this.loader.load(scan);
  }

  private schedule(dispatch: () => void): void {
    if (this.inFlight < IN_FLIGHT) {
      this.inFlight++;
      setImmediate(dispatch);
    } else {
      this.waiting.push(dispatch);
    }
  }

  private async settleBatch(scans: readonly Scan[]): Promise<(CheckInOutcome | ScanProblem)[]> {
    try {
      const decided = await this.settler.decide(scans);
      const outcomes = await this.settler.store(decided.filter((d): d is Decided => !isProblem(d)));
      return decided.map((d) => (isProblem(d) ? d : outcomes.shift()!));
    } finally {
      const next = this.waiting.shift();
      if (next) setImmediate(next);
      else this.inFlight--;
    }
  }
}
