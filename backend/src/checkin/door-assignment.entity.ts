import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';

/** A door account may work this forum (on these days only, when `days` is set). Organisers reach every forum. */
@Entity('door_assignments')
@Index(['userId', 'forumId'], { unique: true })
export class DoorAssignment {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  forumId: string;

  /** Forum days (YYYY-MM-DD) this person works; NULL: every day of the forum. */
  @Column({ type: 'simple-json', nullable: true })
  days: string[] | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
