import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import type { Tx } from '../database/transactions';
import type { OutreachOutcome } from '../register/register.constants';
import { OutreachLog } from './outreach-log.entity';

export type NewOutreachLog = Omit<OutreachLog, 'id'>;
export type OutreachLogWithStaff = OutreachLog & { staffName: string | null };

/** Contact attempts with members. */
@Injectable()
export class OutreachRepository {
  constructor(@InjectDataSource() private readonly manager: DataSource | EntityManager) {}

  /** This repository bound to a transaction another service started. */
  withTx(tx: Tx): OutreachRepository {
    return new OutreachRepository(tx.manager);
  }

  /** A member's attempts, newest first, with the name of the staff member who logged each. */
  async listForMember(memberId: string): Promise<OutreachLogWithStaff[]> {
    const logs = await this.manager
      .getRepository(OutreachLog)
      .find({ where: { memberId }, order: { contactedAt: 'DESC', id: 'DESC' } });
    const staffIds = [...new Set(logs.map((l) => l.staffUserId))];
    const staff = staffIds.length
      ? await this.manager.getRepository(User).find({ select: { id: true, name: true }, where: { id: In(staffIds) } })
      : [];
    const names = new Map(staff.map((u) => [u.id, u.name]));
    return logs.map((log) => Object.assign(log, { staffName: names.get(log.staffUserId) ?? null }));
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
