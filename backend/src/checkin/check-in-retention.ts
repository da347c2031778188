import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, Not } from 'typeorm';
import type { Tx } from '../database/transactions';
import { ForumDataHolders } from '../retention/forum-data-holders';
import { CheckIn } from './check-in.entity';

/**
 * Retention's part in check-ins: which door and which staff account let someone in go (the columns
 * are required, so they become empty); the day, result and badge stay for attendance counts.
 */
@Injectable()
export class CheckInRetention implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly holders: ForumDataHolders,
  ) {}

  onModuleInit(): void {
    this.holders.add({
      key: 'checkIns',
      countHeld: (forumId) => this.dataSource.getRepository(CheckIn).count({ where: { forumId, door: Not('') } }),
      deidentify: async (tx: Tx, forumId: string) =>
        (await tx.manager.getRepository(CheckIn).update({ forumId, door: Not('') }, { door: '', staffUserId: '' })).affected ?? 0,
    });
  }
}
