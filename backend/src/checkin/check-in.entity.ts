import { randomUUID } from 'node:crypto';
import { Column, Entity, Index } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';

/** `forced`: admitted by door staff's override although already admitted that day (see `forced`). */
export const checkInResults = ['admitted', 'duplicate', 'forced', 'revoked', 'unknown'] as const;
export type CheckInResult = (typeof checkInResults)[number];

export const checkInMethods = ['scan', 'manual', 'walk_in'] as const;
export type CheckInMethod = (typeof checkInMethods)[number];

/**
 * One scan (or manual check-in) at a door on a forum day, as the server settled it. Exactly one row per
 * attendee and day has `admitted = true` (a unique index holds it under concurrent doors); later ones
 * are duplicates with `admitted` NULL (NULLs never collide in a unique index, on MySQL or SQLite).
 */
@Entity('check_ins')
@Index(['attendeeId', 'day', 'admitted'], { unique: true })
@Index(['forumId', 'day', 'recordedAt'])
@Index(['forumId', 'nonce'], { unique: true })
export class CheckIn {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  forumId: string;

  /** NULL when the badge number is unknown to the server. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  attendeeId: string | null;

  @Column({ type: 'int' })
  badgeNumber: number;

  /** The badge version scanned (NULL for a manual check-in). */
  @Column({ type: 'int', nullable: true })
  badgeVersion: number | null;

  /** The forum day, YYYY-MM-DD in the forum's timezone. */
  @Column({ type: 'varchar', length: 10 })
  day: string;

  @Column({ type: 'varchar', length: 12 })
  result: CheckInResult;

  @Column({ type: 'boolean', nullable: true })
  admitted: true | null;

  @Column({ type: 'varchar', length: 8 })
  method: CheckInMethod;

  /** When the door scanned it (the device's clock), and when the server recorded it. */
  @Column({ type: 'datetime' })
  scannedAt: Date;

  @Column({ type: 'datetime' })
  recordedAt: Date;

  /** Made at the door, recorded later: the scan was decided offline. */
  @Column({ type: 'boolean', default: false })
  offline: boolean;

  /** The name door staff gave their door, e.g. "Main gate". */
  @Column({ type: 'varchar', length: 60 })
  door: string;

  @Column({ type: 'varchar', length: 36 })
  staffUserId: string;

  /** The signed-in device (its session's device id) that sent it; NULL for rows from before devices were named. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  deviceId: string | null;

  /** Door staff admitted the person against the verdict ("already checked in" or "other day"), giving `reason`. */
  @Column({ type: 'boolean', default: false })
  forced: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  /** The scan time (forum time zone) is not on `day`, even with the tolerance past midnight: listed in the conflict report. */
  @Column({ type: 'boolean', default: false })
  offDay: boolean;

  /** Made by the door device per scan: sending a check-in twice records it once. Unique per forum: a nonce
   * replayed through another forum is a new scan there, never an answer about the first forum. */
  @Column({ type: 'varchar', length: 64 })
  nonce: string;
}
