import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, Not } from 'typeorm';
import type { Tx } from '../database/transactions';
import { type ForumDataHolder, HoldsForumData } from '../retention/forum-data-holders';
import { CheckIn } from './check-in.entity';

/**
 * Retention's part in check-ins: which door and which staff account let someone in go (the columns
 * are required, so they become empty); the day, result and badge stay for attendance counts.
 */
@Injectable()
@HoldsForumData()
export class CheckInRetention implements ForumDataHolder {
  readonly key = 'checkIns';

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  countHeld(forumId: string): Promise<number> {
    return this.dataSource.getRepository(CheckIn).count({ where: { forumId, door: Not('') } });
  }

  async deidentify(tx: Tx, forumId: string): Promise<number> {
    return (
      (await tx.manager.getRepository(CheckIn).update({ forumId, door: Not('') }, { door: '', staffUserId: '' })).affected ?? 0
    );
  }
}
