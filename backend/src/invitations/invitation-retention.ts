import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, type WhereExpressionBuilder } from 'typeorm';
import type { Tx } from '../database/transactions';
import { type ForumDataHolder, HoldsForumData } from '../retention/forum-data-holders';
import { Invitation } from './invitation.entity';
import { rsvpAnswerColumns } from './rsvp-answers';

/** Retention's part in invitations: RSVP answers and needs go; the response (accepted, declined…) stays for counts. */
@Injectable()
@HoldsForumData()
export class InvitationRetention implements ForumDataHolder {
  readonly key = 'invitations';

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  countHeld(forumId: string): Promise<number> {
    return this.holding(this.dataSource.manager, forumId).getCount();
  }

  async deidentify(tx: Tx, forumId: string): Promise<number> {
    const ids = (await this.holding(tx.manager, forumId).select('i.id').getMany()).map((i) => i.id);
    if (!ids.length) return 0;
    await tx.manager.getRepository(Invitation).update(ids, Object.fromEntries(rsvpAnswerColumns.map((a) => [a, null])));
    return ids.length;
  }
  private holding(manager: DataSource['manager'], forumId: string) {
    return manager
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .where('i.forumId = :forumId', { forumId })
      .andWhere(
        new Brackets((b: WhereExpressionBuilder) => rsvpAnswerColumns.reduce((w, a) => w.orWhere(`i.${a} IS NOT NULL`), b)),
      );
  }
}
