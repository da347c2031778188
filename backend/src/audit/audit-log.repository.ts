import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction } from '@diaspora-forum/lists';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { AuditEntry } from '../logging/audit/audit-entry.entity';

export interface AuditFilter {
  actions?: AuditAction[];
  actorId?: string;
  targetType?: string;
  targetId?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
}

/** Reads the audit log (the ground layer's AuditTrail is its only writer), newest first. */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(filter: AuditFilter, page: number, pageSize: number): Promise<{ items: AuditEntry[]; total: number }> {
    const [items, total] = await this.query(filter)
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Every matching entry, newest first, a chunk at a time (keyset on at and id): memory stays flat. */
  async *stream(filter: AuditFilter, chunk = 500): AsyncGenerator<AuditEntry[]> {
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const query = this.query(filter).orderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC').take(chunk);
      if (after) {
        const { at, id } = after;
        query.andWhere(new Brackets((b) => b.where('e.at < :at', { at }).orWhere('e.at = :at AND e.id < :id', { at, id })));
      }
      const rows = await query.getMany();
      if (rows.length) yield rows;
      if (rows.length < chunk) return;
      after = rows[rows.length - 1];
    }
  }

  private query(filter: AuditFilter): SelectQueryBuilder<AuditEntry> {
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('e');
    if (filter.actions?.length) query.andWhere('e.action IN (:...actions)', { actions: filter.actions });
    if (filter.actorId) query.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
    if (filter.targetType) query.andWhere('e.targetType = :targetType', { targetType: filter.targetType });
    if (filter.targetId) query.andWhere('e.targetId = :targetId', { targetId: filter.targetId });
    if (filter.from) query.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.at < :to', { to: filter.to });
    return query;
  }
}
