import { randomUUID } from 'node:crypto';
import { Column, Entity, Index } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';
import type { NominationStatus } from './nomination.constants';

/** A nomination's history: every status change (and the nominee's confirmation), who made it and when. */
@Entity('nomination_status_changes')
@Index(['nominationId', 'at'])
export class NominationStatusChange {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  nominationId: string;

  /** Null for the submission itself. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: NominationStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus: NominationStatus;

  /** "staff:<userId>", "nominee" (personal link) or "public" (the public form). */
  @Column({ type: 'varchar', length: 64 })
  actor: string;

  /** The staff member's name as it was, or "Nominee" / "Public form": readable without a join. */
  @Column({ type: 'varchar', length: 160 })
  actorName: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
