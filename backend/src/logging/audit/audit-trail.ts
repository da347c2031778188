import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, AuditActorRole } from '@diaspora-forum/lists';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import type { Tx } from '../../database/transactions';
import { AuditEntry } from './audit-entry.entity';

/** A signed-in staff member (the AuthUser's id and role), or who else acted. */
export type AuditActor = { id: string; role: AuditActorRole } | 'system' | 'member' | 'anonymous';

export interface AuditRecord {
  action: AuditAction;
  actor: AuditActor;
  target?: { type: string; id: string };
  /** Ids and counts only: never a name, an email, a phone or anything a person typed. */
  summary?: string;
}

/**
 * The audit log's writer: every module records its staff actions here, inside the action's own
 * transaction when there is one, so an action and its record land (or roll back) together.
 * Append-only: there is no update or delete.
 */
@Injectable()
export class AuditTrail {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async record(record: AuditRecord, tx?: Tx): Promise<void> {
    const manager = tx?.manager ?? this.dataSource.manager;
    const actor = record.actor;
    const repo = manager.getRepository(AuditEntry);
    await repo.insert(
      repo.create({
        at: this.clock.now(),
        action: record.action,
        actorId: typeof actor === 'string' ? null : actor.id,
        actorRole: typeof actor === 'string' ? actor : actor.role,
        targetType: record.target?.type ?? null,
        targetId: record.target?.id ?? null,
        summary: (record.summary ?? '').slice(0, 500),
      }),
    );
  }
}
