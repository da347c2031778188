import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, Not, IsNull } from 'typeorm';
import type { Tx } from '../database/transactions';
import { type ForumDataHolder, HoldsForumData } from '../retention/forum-data-holders';
import { Attendee } from './attendee.entity';

/** Retention's part in attendees: needs go; the attendee (role, badge, country) stays for counts. */
@Injectable()
@HoldsForumData()
export class AttendeeRetention implements ForumDataHolder {
  readonly key = 'attendees';

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  countHeld(forumId: string): Promise<number> {
    return this.dataSource.getRepository(Attendee).count({ where: { forumId, needs: Not(IsNull()) } });
  }

  async deidentify(tx: Tx, forumId: string): Promise<number> {
    return (await tx.manager.getRepository(Attendee).update({ forumId, needs: Not(IsNull()) }, { needs: null })).affected ?? 0;
  }
}
