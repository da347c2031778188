import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../database/transactions';
import { CheckIn, type CheckInMethod, type CheckInResult } from './check-in.entity';
import { fromSqlDateTime, toBool, toSqlDateTime } from '../database/sql-values';
import { type UniqueIndex, violatedIndex } from './unique-violation';

/** What the door decision needs about an attendee, with their admissions on the days asked about. */
export interface AttendeeAtDoor {
  id: string;
  badgeNumber: number;
  badgeVersion: number;
  revoked: boolean;
  /** By day; null for an admission made in the batch being decided (not stored yet). */
  admissions: Map<string, Admission | null>;
}

export interface ForumAtDoor {
  startDate: string;
  endDate: string;
  timezone: string;
}

export interface NewCheckIn {
  forumId: string;
  attendeeId: string | null;
  badgeNumber: number;
  badgeVersion: number | null;
  day: string;
  result: CheckInResult;
  method: CheckInMethod;
  scannedAt: Date;
  recordedAt: Date;
  offline: boolean;
  door: string;
  staffUserId: string;
  deviceId: string | null;
  nonce: string;
  /** Admitted by override (with `reason`); the scan time is not on `day` (see onForumDay). */
  forced: boolean;
  reason: string | null;
  offDay: boolean;
}

export interface Admission {
  scannedAt: Date;
  door: string;
  staffName: string;
}

export type InsertOutcome = 'stored' | 'nonce_taken' | 'already_admitted';

const columns = [
  'id',
  'forumId',
  'attendeeId',
  'badgeNumber',
  'badgeVersion',
  'day',
  'result',
  'admitted',
  'method',
  'scannedAt',
  'recordedAt',
  'offline',
  'door',
  'staffUserId',
  'deviceId',
  'nonce',
  'forced',
  'reason',
  'offDay',
];
const rowPlaceholders = `(${columns.map(() => '?').join(', ')})`;
const insertSql = (rows: number) =>
  `INSERT INTO check_ins (${columns.join(', ')}) VALUES ${Array(rows).fill(rowPlaceholders).join(', ')}`;

/**
 * Check-ins in plain SQL: one SELECT finds the forum, the scanned attendees and their admissions;
 * one multi-row INSERT stores the scans. The unique indexes (nonce; attendee, day and admitted)
 * decide races between processes, so nothing is locked.
 */
@Injectable()
export class CheckInRepository {
  private readonly nonceIndex: UniqueIndex;
  private readonly admissionIndex: UniqueIndex;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    const unique = dataSource
      .getMetadata(CheckIn)
      .indices.filter((i) => i.isUnique)
      .map((i) => ({ name: i.name, columns: i.columns.map((c) => c.databaseName) }));
    this.nonceIndex = unique.find((i) => i.columns.join() === 'forumId,nonce')!;
    this.admissionIndex = unique.find((i) => i.columns.join() === 'attendeeId,day,admitted')!;
  }

  /**
   * The forum (null when unknown), and those of the given badge numbers that exist in it with their
   * admissions on the given days, in one query.
   */
  async atTheDoor(
    forumId: string,
    badgeNumbers: number[],
    days: string[],
  ): Promise<{ forum: ForumAtDoor | null; attendees: Map<number, AttendeeAtDoor> }> {
    const numbers = [...new Set(badgeNumbers)];
    const onDays = [...new Set(days)];
    const rows = (await this.dataSource.query(
      `SELECT f.startDate, f.endDate, f.timezone, a.id, a.badgeNumber, a.badgeVersion, a.badgeRevoked, a.status,
         c.day, c.scannedAt, c.door, u.name AS staffName
       FROM forums f
       LEFT JOIN attendees a ON a.forumId = f.id AND a.badgeNumber IN (${numbers.map(() => '?').join(', ')})
       LEFT JOIN check_ins c ON c.attendeeId = a.id AND c.admitted = 1 AND c.day IN (${onDays.map(() => '?').join(', ')})
       LEFT JOIN users u ON u.id = c.staffUserId
       WHERE f.id = ?`,
      [...numbers, ...onDays, forumId],
    )) as {
      startDate: string;
      endDate: string;
      timezone: string;
      id: string | null;
      badgeNumber: number | null;
      badgeVersion: number;
      badgeRevoked: unknown;
      status: string;
      day: string | null;
      scannedAt: Date | string | null;
      door: string | null;
      staffName: string | null;
    }[];
    const attendees = new Map<number, AttendeeAtDoor>();
    if (!rows.length) return { forum: null, attendees };
    for (const row of rows) {
      if (row.id === null || row.badgeNumber === null) continue;
      const number = Number(row.badgeNumber);
      const attendee = attendees.get(number) ?? {
        id: row.id,
        badgeNumber: number,
        badgeVersion: Number(row.badgeVersion),
        revoked: toBool(row.badgeRevoked) || row.status !== 'confirmed',
        admissions: new Map<string, Admission | null>(),
      };
      if (row.day !== null && row.scannedAt !== null) {
        attendee.admissions.set(row.day, {
          scannedAt: fromSqlDateTime(row.scannedAt),
          door: row.door ?? '',
          staffName: row.staffName ?? '',
        });
      }
      attendees.set(number, attendee);
    }
    const { startDate, endDate, timezone } = rows[0];
    return { forum: { startDate, endDate, timezone }, attendees };
  }

  /**
   * Stores the check-ins in one statement: true when all were stored; false, with nothing stored,
   * when one broke a unique index (a nonce sent before, or an admission another request made
   * meanwhile), so the caller settles them one at a time. Any other error is thrown.
   */
  async insertAll(checkIns: NewCheckIn[]): Promise<boolean> {
    try {
      await this.dataSource.query(insertSql(checkIns.length), checkIns.flatMap(rowValues));
      return true;
    } catch (error) {
      if (violatedIndex(error, [this.nonceIndex, this.admissionIndex])) return false;
      throw error;
    }
  }

  /**
   * Stores a check-in; 'admitted' rows carry admitted = true, so the unique (attendeeId, day,
   * admitted) index lets exactly one through per attendee and day, whichever process sends it.
   */
  async insert(checkIn: NewCheckIn, tx?: Tx): Promise<InsertOutcome> {
    try {
      await (tx?.manager ?? this.dataSource).query(insertSql(1), rowValues(checkIn));
      return 'stored';
    } catch (error) {
      const index = violatedIndex(error, [this.nonceIndex, this.admissionIndex]);
      if (index === this.nonceIndex) return 'nonce_taken';
      if (index === this.admissionIndex) return 'already_admitted';
      throw error;
    }
  }

  /** What was stored for a nonce at this forum (a replayed check-in); nonces of other forums are not seen. */
  async findByNonce(
    forumId: string,
    nonce: string,
  ): Promise<{ result: CheckInResult; attendeeId: string | null; day: string } | null> {
    const [row] = (await this.dataSource.query('SELECT result, attendeeId, day FROM check_ins WHERE forumId = ? AND nonce = ?', [
      forumId,
      nonce,
    ])) as {
      result: CheckInResult;
      attendeeId: string | null;
      day: string;
    }[];
    return row ?? null;
  }

  /** The admission of an attendee on a day, with the name of the staff member who let them in. */
  async admission(attendeeId: string, day: string): Promise<Admission | null> {
    const [row] = (await this.dataSource.query(
      `SELECT c.scannedAt, c.door, u.name AS staffName FROM check_ins c LEFT JOIN users u ON u.id = c.staffUserId
       WHERE c.attendeeId = ? AND c.day = ? AND c.admitted = 1`,
      [attendeeId, day],
    )) as { scannedAt: Date | string; door: string; staffName: string | null }[];
    return row ? { scannedAt: fromSqlDateTime(row.scannedAt), door: row.door, staffName: row.staffName ?? '' } : null;
  }
}

/** A check-in's values in the order of `columns`. */
function rowValues(checkIn: NewCheckIn) {
  return [
    randomUUID(),
    checkIn.forumId,
    checkIn.attendeeId,
    checkIn.badgeNumber,
    checkIn.badgeVersion,
    checkIn.day,
    checkIn.result,
    checkIn.result === 'admitted' ? 1 : null,
    checkIn.method,
    toSqlDateTime(checkIn.scannedAt),
    toSqlDateTime(checkIn.recordedAt),
    checkIn.offline ? 1 : 0,
    checkIn.door,
    checkIn.staffUserId,
    checkIn.deviceId,
    checkIn.nonce,
    checkIn.forced ? 1 : 0,
    checkIn.reason,
    checkIn.offDay ? 1 : 0,
  ];
}
