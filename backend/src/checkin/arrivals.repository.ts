import type { AttendeeRole } from '@diaspora-forum/lists';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { fromSqlDateTime, toBool } from '../database/sql-values';

export interface AdmittedRow {
  attendeeId: string;
  day: string;
  scannedAt: Date;
  door: string;
  role: AttendeeRole;
  countryCode: string | null;
  region: string | null;
}

/** duplicate: admitted elsewhere first; override: door staff admitted against the verdict; off_day: scanned on another date. */
export type ConflictKind = 'duplicate' | 'override' | 'off_day';

export interface ConflictRow {
  kind: ConflictKind;
  day: string;
  attendee: { id: string; firstName: string; lastName: string; badgeNumber: number };
  /** The day's first admission, when it is another check-in than this one. */
  admission: { scannedAt: Date; door: string; staffName: string; offline: boolean } | null;
  /** The check-in in question (for `duplicate`, the later scan). */
  duplicate: {
    scannedAt: Date;
    recordedAt: Date;
    door: string;
    staffName: string;
    offline: boolean;
    forced: boolean;
    reason: string | null;
    offDay: boolean;
    deviceId: string | null;
  };
}

export interface AttendanceRow {
  id: string;
  badgeNumber: number;
  firstName: string;
  lastName: string;
  role: string;
  countryCode: string | null;
  region: string | null;
}

type Raw = Record<string, unknown>;

/** Reads for the organisers' arrivals views: each a single set query. */
@Injectable()
export class ArrivalsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async expected(forumId: string): Promise<number> {
    const [row] = (await this.dataSource.query(
      "SELECT COUNT(*) AS n FROM attendees WHERE forumId = ? AND status = 'confirmed' AND badgeRevoked = ?",
      [forumId, 0],
    )) as { n: number | string }[];
    return Number(row.n);
  }

  async admitted(forumId: string): Promise<AdmittedRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.attendeeId, c.day, c.scannedAt, c.door, a.role, a.countryCode, a.region
       FROM check_ins c JOIN attendees a ON a.id = c.attendeeId
       WHERE c.forumId = ? AND c.admitted = 1`,
      [forumId],
    )) as Raw[];
    return rows.map((r) => ({
      attendeeId: r.attendeeId as string,
      day: r.day as string,
      scannedAt: fromSqlDateTime(r.scannedAt as Date | string),
      door: r.door as string,
      role: r.role as AttendeeRole,
      countryCode: r.countryCode as string | null,
      region: r.region as string | null,
    }));
  }

  async duplicateCount(forumId: string): Promise<number> {
    const [row] = (await this.dataSource.query("SELECT COUNT(*) AS n FROM check_ins WHERE forumId = ? AND result = 'duplicate'", [
      forumId,
    ])) as { n: number | string }[];
    return Number(row.n);
  }

  /**
   * Every check-in to look at, latest first: duplicates beside the admission they collided with,
   * overrides (with who, which device and why), and scans whose time is not on their forum day.
   */
  async conflicts(forumId: string): Promise<ConflictRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT d.day, a.id AS attendeeId, a.firstName, a.lastName, a.badgeNumber,
              f.scannedAt AS firstScannedAt, f.door AS firstDoor, fu.name AS firstStaff, f.offline AS firstOffline,
              d.result, d.scannedAt, d.recordedAt, d.door, du.name AS staff, d.offline, d.forced, d.reason, d.offDay, d.deviceId
       FROM check_ins d
       JOIN attendees a ON a.id = d.attendeeId
       LEFT JOIN check_ins f ON f.attendeeId = d.attendeeId AND f.day = d.day AND f.admitted = 1 AND f.id <> d.id
       LEFT JOIN users fu ON fu.id = f.staffUserId
       LEFT JOIN users du ON du.id = d.staffUserId
       WHERE d.forumId = ? AND (d.result IN ('duplicate', 'forced') OR d.forced = 1 OR d.offDay = 1)
       ORDER BY d.recordedAt DESC, d.id`,
      [forumId],
    )) as Raw[];
    return rows.map((r) => ({
      kind: toBool(r.forced) ? 'override' : r.result === 'duplicate' ? 'duplicate' : 'off_day',
      day: r.day as string,
      attendee: {
        id: r.attendeeId as string,
        firstName: r.firstName as string,
        lastName: r.lastName as string,
        badgeNumber: Number(r.badgeNumber),
      },
      admission:
        r.firstScannedAt === null || r.firstScannedAt === undefined
          ? null
          : {
              scannedAt: fromSqlDateTime(r.firstScannedAt as Date | string),
              door: r.firstDoor as string,
              staffName: (r.firstStaff as string | null) ?? '',
              offline: toBool(r.firstOffline),
            },
      duplicate: {
        scannedAt: fromSqlDateTime(r.scannedAt as Date | string),
        recordedAt: fromSqlDateTime(r.recordedAt as Date | string),
        door: r.door as string,
        staffName: (r.staff as string | null) ?? '',
        offline: toBool(r.offline),
        forced: toBool(r.forced),
        reason: (r.reason as string | null) ?? null,
        offDay: toBool(r.offDay),
        deviceId: (r.deviceId as string | null) ?? null,
      },
    }));
  }

  async attendeesWithAdmissions(forumId: string): Promise<AttendanceRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, badgeNumber, firstName, lastName, role, countryCode, region FROM attendees a
       WHERE forumId = ? AND EXISTS (SELECT 1 FROM check_ins c WHERE c.attendeeId = a.id AND c.admitted = 1)
       ORDER BY lastName, firstName, badgeNumber`,
      [forumId],
    )) as Raw[];
    return rows.map((r) => ({ ...(r as unknown as AttendanceRow), badgeNumber: Number(r.badgeNumber) }));
  }
}
