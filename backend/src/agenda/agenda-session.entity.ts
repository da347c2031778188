import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';
import type { SessionKind } from './agenda.constants';

/**
 * An agenda item in one room. Times are UTC instants; the forum's timezone turns them into the
 * day and clock times people read. A session is public only once published (publishedAt set).
 */
@Entity('agenda_sessions')
@Index(['forumId', 'startsAt'])
@Index(['roomId', 'startsAt'])
export class AgendaSession {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  forumId: string;

  @Column({ type: 'varchar', length: 36 })
  roomId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: SessionKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  abstract: string | null;

  @Column({ type: 'datetime' })
  startsAt: Date;

  @Column({ type: 'datetime' })
  endsAt: Date;

  /** Null: a draft, seen only in the console. */
  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  /** iCalendar SEQUENCE: raised on every change so calendar apps replace their copy. */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
