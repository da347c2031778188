import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';
import type { ForumStatus } from './forum.constants';

export { type ForumStatus, forumStatuses } from './forum.constants';

/** An event the directorate runs, e.g. the two-day Diaspora Forum in Maseru. */
@Entity('forums')
export class Forum {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 160 })
  name: string;

  @Column({ type: 'varchar', length: 80, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 200 })
  venue: string;

  /** IANA zone the forum's days and session times are expressed in. */
  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  /** First and last day, as calendar dates in the forum's timezone (YYYY-MM-DD). */
  @Column({ type: 'varchar', length: 10 })
  startDate: string;

  @Column({ type: 'varchar', length: 10 })
  endDate: string;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'datetime', nullable: true })
  rsvpDeadline: Date | null;

  /** Places held by accepted invitations; changed only by one conditional UPDATE, so it never passes capacity. */
  @Column({ type: 'int', default: 0 })
  placesTaken: number;

  /** The last badge number given out in this forum. */
  @Column({ type: 'int', default: 0 })
  lastBadgeNumber: number;

  /** Months after the forum's last day before its RSVP answers, door details and mail are de-identified; null: the default (RETENTION_MONTHS). */
  @Column({ type: 'int', nullable: true })
  retentionMonths: number | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: ForumStatus;

  /** Door devices get the last four digits of attendees' phones, to search by them (off: nothing of the phone leaves). */
  @Column({ type: 'boolean', default: false })
  doorPhoneSearch: boolean;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
