import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../database/transactions';
import { CheckIn, type CheckInMethod, type CheckInResult } from './check-in.entity';
import { fromSqlDateTime, toBool, toSqlDateTime } from '../database/sql-values';
import { type UniqueIndex, violatedIndex } from './unique-violation';

/** What the door decision needs about an attendee. */
export interface AttendeeAtDoor {
  id: string;
  badgeNumber: number;
  badgeVersion: number;
  revoked: boolean;
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
  nonce: string;
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
  'nonce',
];
/** The columns scanValues fills: from `method` to `nonce`. */
const scanColumns = columns.slice(columns.indexOf('method'));
/** The columns of a live scan as admitAll sends them. */
const liveColumns = ['id', 'forumId', 'badgeNumber', 'badgeVersion', 'day', ...scanColumns];

const insertSql = `INSERT INTO check_ins (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

/**
 * Check-ins in plain SQL. Live scans of current badges: one INSERT … SELECT for a batch of them
 * (admitAll). Anything else: one SELECT to find the forum and the scanned attendees, one INSERT per
 * scan. The unique indexes decide races, so nothing is locked and nothing is read twice.
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
    this.nonceIndex = unique.find((i) => i.columns.join() === 'nonce')!;
    this.admissionIndex = unique.find((i) => i.columns.join() === 'attendeeId,day,admitted')!;
  }

  /** The forum (null when unknown) and those of the given badge numbers that exist in it, in one query. */
  async forumAndAttendees(
    forumId: string,
    badgeNumbers: number[],
  ): Promise<{ forum: ForumAtDoor | null; attendees: Map<number, AttendeeAtDoor> }> {
    const numbers = [...new Set(badgeNumbers)];
    const rows = (await this.dataSource.query(
      `SELECT f.startDate, f.endDate, f.timezone, a.id, a.badgeNumber, a.badgeVersion, a.badgeRevoked, a.status
       FROM forums f LEFT JOIN attendees a ON a.forumId = f.id AND a.badgeNumber IN (${numbers.map(() => '?').join(', ')})
       WHERE f.id = ?`,
      [...numbers, forumId],
    )) as {
      startDate: string;
      endDate: string;
      timezone: string;
      id: string | null;
      badgeNumber: number | null;
      badgeVersion: number;
      badgeRevoked: unknown;
      status: string;
    }[];
    const attendees = new Map<number, AttendeeAtDoor>();
    if (!rows.length) return { forum: null, attendees };
    for (const row of rows) {
      if (row.id === null || row.badgeNumber === null) continue;
      attendees.set(Number(row.badgeNumber), {
        id: row.id,
        badgeNumber: Number(row.badgeNumber),
        badgeVersion: Number(row.badgeVersion),
        revoked: toBool(row.badgeRevoked) || row.status !== 'confirmed',
      });
    }
    const { startDate, endDate, timezone } = rows[0];
    return { forum: { startDate, endDate, timezone }, attendees };
  }

  /**
   * Stores a check-in; 'admitted' rows carry admitted = true, so the unique (attendeeId, day,
   * admitted) index lets exactly one through per attendee and day, whichever process sends it.
   */
  async insert(checkIn: NewCheckIn, tx?: Tx): Promise<InsertOutcome> {
    const values = [
      randomUUID(),
      checkIn.forumId,
      checkIn.attendeeId,
      checkIn.badgeNumber,
      checkIn.badgeVersion,
      checkIn.day,
      checkIn.result,
      checkIn.result === 'admitted' ? 1 : null,
      ...scanValues(checkIn),
    ];
    try {
      await (tx?.manager ?? this.dataSource).query(insertSql, values);
      return 'stored';
    } catch (error) {
      const index = violatedIndex(error, [this.nonceIndex, this.admissionIndex]);
      if (index === this.nonceIndex) return 'nonce_taken';
      if (index === this.admissionIndex) return 'already_admitted';
      throw error;
    }
  }

  /**
   * Live scans' usual case, many in one statement: stores each admission whose badge is current
   * (attendee confirmed, not revoked, this version) on one of its forum's days; true for those it
   * stored. A scan that is anything else (unknown, revoked, another day, already admitted, a replayed
   * nonce) stores nothing here (the unique indexes make the INSERT skip it) and is settled by the
   * general path. LiveAdmissions gathers the batches.
   */
  async admitAll(scans: readonly Omit<NewCheckIn, 'attendeeId' | 'result'>[]): Promise<boolean[]> {
    const params = scans.flatMap((scan) => [
      randomUUID(),
      scan.forumId,
      scan.badgeNumber,
      scan.badgeVersion,
      scan.day,
      ...scanValues(scan),
    ]);
    const runner = this.dataSource.createQueryRunner();
    try {
      const { affected } = await runner.query(
        admitAllSql(scans.length, this.dataSource.options.type === 'better-sqlite3'),
        params,
        true,
      );
      if (affected === scans.length) return scans.map(() => true);
      if (!affected) return scans.map(() => false);
      // Some were skipped: those whose nonce now holds an admission are admitted (by this statement,
      // or by an earlier send of the same scan, which is answered the same way).
      const stored = (await runner.query(
        `SELECT nonce FROM check_ins WHERE result = 'admitted' AND nonce IN (${scans.map(() => '?').join(', ')})`,
        scans.map((scan) => scan.nonce),
      )) as { nonce: string }[];
      const admitted = new Set(stored.map((row) => row.nonce));
      return scans.map((scan) => admitted.has(scan.nonce));
    } finally {
      await runner.release();
    }
  }

  /** What was stored for a nonce (a replayed check-in). */
  async findByNonce(nonce: string): Promise<{ result: CheckInResult; attendeeId: string | null; day: string } | null> {
    const [row] = (await this.dataSource.query('SELECT result, attendeeId, day FROM check_ins WHERE nonce = ?', [nonce])) as {
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

/** admitAll's statement for `count` scans: rows that would break a unique index are skipped. */
function admitAllSql(count: number, sqlite: boolean): string {
  const rows = Array.from({ length: count }, (_, n) => `SELECT ${liveColumns.map((c) => (n ? '?' : `? AS ${c}`)).join(', ')}`);
  return `INSERT ${sqlite ? 'OR IGNORE' : 'IGNORE'} INTO check_ins (${columns.join(', ')})
    SELECT s.id, a.forumId, a.id, a.badgeNumber, s.badgeVersion, s.day, 'admitted', 1, ${scanColumns.map((c) => `s.${c}`).join(', ')}
    FROM (${rows.join(' UNION ALL ')}) s
    INNER JOIN attendees a ON a.forumId = s.forumId AND a.badgeNumber = s.badgeNumber
      AND a.status = 'confirmed' AND a.badgeRevoked = 0 AND (s.badgeVersion IS NULL OR a.badgeVersion = s.badgeVersion)
    INNER JOIN forums f ON f.id = a.forumId AND f.startDate <= s.day AND f.endDate >= s.day`;
}

/** The values of the columns from `method` to `nonce`, in the order of `columns`. */
function scanValues(checkIn: Omit<NewCheckIn, 'attendeeId' | 'result'>) {
  return [
    checkIn.method,
    toSqlDateTime(checkIn.scannedAt),
    toSqlDateTime(checkIn.recordedAt),
    checkIn.offline ? 1 : 0,
    checkIn.door,
    checkIn.staffUserId,
    checkIn.nonce,
  ];
}
