import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** What a walk-in reads from the check-in log; the attendee itself is the attendees module's. */
@Injectable()
export class WalkInRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The attendee a walk-in with this nonce was admitted as (the door sent it again), if any. */
  async attendeeIdByNonce(forumId: string, nonce: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      `SELECT attendeeId FROM check_ins WHERE forumId = ? AND nonce = ? AND method = 'walk_in'`,
      [forumId, nonce],
    )) as { attendeeId: string }[];
    return row?.attendeeId ?? null;
  }
}
