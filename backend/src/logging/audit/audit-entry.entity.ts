import { randomUUID } from 'node:crypto';
import { Column, Entity, Index } from 'typeorm';
import type { AuditAction, AuditActorRole } from '@diaspora-forum/lists';
import { UuidPrimaryColumn } from '../../database/uuid-primary-column';

/**
 * One staff or scheduled action, appended and never changed. It names people by id only: the
 * summary is written by code from ids and counts, never from what a person typed.
 */
@Entity('audit_entries')
@Index(['at'])
@Index(['action', 'at'])
@Index(['targetType', 'targetId'])
export class AuditEntry {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Column({ type: 'varchar', length: 48 })
  action: AuditAction;

  /** The staff account that acted; null for the scheduler, a member's own link or an anonymous caller. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 16 })
  actorRole: AuditActorRole;

  /** What was acted on: 'member', 'user', 'forum', 'campaign', 'attendee', 'import', 'device'… */
  @Column({ type: 'varchar', length: 24, nullable: true })
  targetType: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  /** A short line of ids and counts ("kept 1f…; dropped 2a…; 3 invitations moved"). */
  @Column({ type: 'varchar', length: 500 })
  summary: string;
}
