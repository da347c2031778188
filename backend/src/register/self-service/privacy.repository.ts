import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../../database/transactions';
import { Message } from '../../mail/message.entity';
import { OutreachLog } from '../../outreach/outreach-log.entity';
import { MemberEvent } from '../member-event.entity';

/**
 * What erasure and export need from tables other modules write (outbox, outreach log, history):
 * erasure has to reach every copy of a person's data, so it is gathered here in one place.
 */
@Injectable()
export class PrivacyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx) {
    return tx?.manager ?? this.dataSource.manager;
  }

  outreach(memberId: string): Promise<OutreachLog[]> {
    return this.manager()
      .getRepository(OutreachLog)
      .find({ where: { memberId }, order: { contactedAt: 'DESC' } });
  }

  messages(memberId: string): Promise<Message[]> {
    return this.manager()
      .getRepository(Message)
      .find({ where: { memberId }, order: { createdAt: 'DESC' } });
  }

  /** Keeps the rows (so counts stay right) but not what identifies or describes the person. */
  async scrub(memberId: string, tx: Tx): Promise<void> {
    const m = this.manager(tx);
    await m.getRepository(OutreachLog).update({ memberId }, { note: null });
    await m
      .getRepository(Message)
      .createQueryBuilder()
      .update()
      .set({ state: 'cancelled', lastError: 'member erased' })
      .where('memberId = :memberId AND state IN (:...open)', { memberId, open: ['queued', 'held', 'failed'] })
      .execute();
    await m.getRepository(Message).update({ memberId }, { recipient: 'erased', data: {} });
    await m.getRepository(MemberEvent).update({ memberId }, { details: null });
  }
}
