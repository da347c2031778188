import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, Not, IsNull } from 'typeorm';
import type { Tx } from '../database/transactions';
import { ForumDataHolders } from '../retention/forum-data-holders';
import { Attendee } from './attendee.entity';

/** Retention's part in attendees: needs go; the attendee (role, badge, country) stays for counts. */
@Injectable()
export class AttendeeRetention implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly holders: ForumDataHolders,
  ) {}

  onModuleInit(): void {
    this.holders.add({
      key: 'attendees',
      countHeld: (forumId) => this.dataSource.getRepository(Attendee).count({ where: { forumId, needs: Not(IsNull()) } }),
      deidentify: async (tx: Tx, forumId: string) =>
        (await tx.manager.getRepository(Attendee).update({ forumId, needs: Not(IsNull()) }, { needs: null })).affected ?? 0,
    });
  }
}
