import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, type WhereExpressionBuilder } from 'typeorm';
import type { Tx } from '../database/transactions';
import { ForumDataHolders } from '../retention/forum-data-holders';
import { Invitation } from './invitation.entity';

const answers = [
  'days',
  'dietary',
  'dietaryNote',
  'accessibility',
  'accessibilityNote',
  'arrivalCountry',
  'arrivalCity',
  'declineReason',
] as const;

/** Retention's part in invitations: RSVP answers and needs go; the response (accepted, declined…) stays for counts. */
@Injectable()
export class InvitationRetention implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly holders: ForumDataHolders,
  ) {}

  onModuleInit(): void {
    this.holders.add({
      key: 'invitations',
      countHeld: (forumId) => this.holding(this.dataSource.manager, forumId).getCount(),
      deidentify: async (tx: Tx, forumId: string) => {
        const ids = (await this.holding(tx.manager, forumId).select('i.id').getMany()).map((i) => i.id);
        if (!ids.length) return 0;
        await tx.manager.getRepository(Invitation).update(ids, Object.fromEntries(answers.map((a) => [a, null])));
        return ids.length;
      },
    });
  }

  private holding(manager: DataSource['manager'], forumId: string) {
    return manager
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .where('i.forumId = :forumId', { forumId })
      .andWhere(new Brackets((b: WhereExpressionBuilder) => answers.reduce((w, a) => w.orWhere(`i.${a} IS NOT NULL`), b)));
  }
}
