import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Tx } from '../database/transactions';
import type { OutreachOutcome } from '../register/register.constants';
import { OutreachLog } from './outreach-log.entity';

export type NewOutreachLog = Omit<OutreachLog, 'id'>;

/** Contact attempts with members. */
@Injectable()
export class OutreachRepository {
  constructor(@InjectDataSource() private readonly manager: DataSource | EntityManager) {}

  /** This repository bound to a transaction another service started. */
  withTx(tx: Tx): OutreachRepository {
    return new OutreachRepository(tx.manager);
  }

  /** A member's attempts, newest first. */
  listForMember(memberId: string): Promise<OutreachLog[]> {
    return this.manager.getRepository(OutreachLog).find({ where: { memberId }, order: { contactedAt: 'DESC', id: 'DESC' } });
  }

  async insert(log: NewOutreachLog): Promise<OutreachLog> {
    const repo = this.manager.getRepository(OutreachLog);
    const entity = repo.create(log);
    await repo.insert(entity);
    return entity;
  }

  /** Moves every attempt from one member to another (a merge keeps the history on the kept record). */
  async reassign(fromMemberId: string, toMemberId: string): Promise<number> {
    const result = await this.manager.getRepository(OutreachLog).update({ memberId: fromMemberId }, { memberId: toMemberId });
    return result.affected ?? 0;
  }

  /** How many attempts were logged for the member (all of them keep their place in the counts). */
  async clearNotes(memberId: string): Promise<number> {
    await this.manager.getRepository(OutreachLog).update({ memberId }, { note: null });
    return this.manager.getRepository(OutreachLog).countBy({ memberId });
  }

  /** The latest outcome per member, for a chunk of members (a call sheet page). */
  async lastOutcomes(memberIds: string[]): Promise<Map<string, { outcome: OutreachOutcome; contactedAt: Date }>> {
    const latest = new Map<string, { outcome: OutreachOutcome; contactedAt: Date }>();
    if (!memberIds.length) return latest;
    const rows = await this.manager
      .getRepository(OutreachLog)
      .createQueryBuilder('o')
      .select(['o.memberId', 'o.outcome', 'o.contactedAt'])
      .where({ memberId: In(memberIds) })
      .andWhere(
        (qb) =>
          `o.contactedAt = ${qb
            .subQuery()
            .select('MAX(l.contactedAt)')
            .from(OutreachLog, 'l')
            .where('l.memberId = o.memberId')
            .getQuery()}`,
      )
      .getMany();
    for (const row of rows) latest.set(row.memberId, { outcome: row.outcome, contactedAt: row.contactedAt });
    return latest;
  }
}
