import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { CheckInRepository, type NewCheckIn } from './check-in.repository';

export type LiveScan = Omit<NewCheckIn, 'attendeeId' | 'result'>;

/** Statements of live admissions at the database at once; scans arriving meanwhile wait and go together. */
const IN_FLIGHT = 4;
const MAX_BATCH = 64;

/**
 * Live scans' admissions, written in batches, the way a database groups commits: while IN_FLIGHT
 * statements are at the database, the scans that arrive wait and go together in the next one. A lone
 * scan goes at once; at opening time, with every door scanning, one INSERT carries many. True for
 * each scan that was admitted; false for one the general path must settle (CheckInService).
 */
@Injectable()
export class LiveAdmissions {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly loader = new DataLoader<LiveScan, boolean>((scans) => this.write(scans), {
    cache: false,
    maxBatchSize: MAX_BATCH,
    batchScheduleFn: (dispatch) => this.schedule(dispatch),
  });

  constructor(private readonly checkIns: CheckInRepository) {}

  admit(scan: LiveScan): Promise<boolean> {
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

  private async write(scans: readonly LiveScan[]): Promise<boolean[]> {
    try {
      return await this.checkIns.admitAll(scans);
    } finally {
      const next = this.waiting.shift();
      if (next) setImmediate(next);
      else this.inFlight--;
    }
  }
}
