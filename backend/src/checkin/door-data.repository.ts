import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { fromSqlDateTime, parseJsonList, toBool } from '../database/sql-values';

export interface DoorAttendeeRow {
  id: string;
  memberId: string | null;
  badgeNumber: number;
  badgeVersion: number;
  role: string;
  firstName: string;
  lastName: string;
  countryCode: string | null;
  region: string | null;
  needs: string[] | null;
  revoked: boolean;
}

/** The door's read model: three set queries however many attendees there are (no query per person). */
@Injectable()
export class DoorDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async attendees(forumId: string, attendeeId?: string): Promise<DoorAttendeeRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, memberId, badgeNumber, badgeVersion, role, firstName, lastName, countryCode, region, needs, badgeRevoked, status
       FROM attendees WHERE forumId = ? ${attendeeId ? 'AND id = ?' : ''} ORDER BY badgeNumber`,
      attendeeId ? [forumId, attendeeId] : [forumId],
    )) as (Omit<DoorAttendeeRow, 'needs' | 'revoked'> & { needs: unknown; badgeRevoked: unknown; status: string })[];
    return rows.map(({ needs, badgeRevoked, status, ...row }) => ({
      ...row,
      badgeNumber: Number(row.badgeNumber),
      badgeVersion: Number(row.badgeVersion),
      needs: parseJsonList(needs),
      revoked: toBool(badgeRevoked) || status !== 'confirmed',
    }));
  }

  /** The last four digits of each attendee's member phone (or WhatsApp), by member id: never the number itself. */
  async phoneTails(forumId: string, attendeeId?: string): Promise<Map<string, string>> {
    const rows = (await this.dataSource.query(
      `SELECT m.id, m.phone, m.whatsapp FROM members m JOIN attendees a ON a.memberId = m.id
       WHERE a.forumId = ? ${attendeeId ? 'AND a.id = ?' : ''}`,
      attendeeId ? [forumId, attendeeId] : [forumId],
    )) as { id: string; phone: string | null; whatsapp: string | null }[];
    const tails = new Map<string, string>();
    for (const row of rows) {
      const phone = row.phone ?? row.whatsapp;
      if (phone) tails.set(row.id, phone.replace(/\D/g, '').slice(-4));
    }
    return tails;
  }

  /** That day's admissions, by attendee id. */
  async admissions(forumId: string, day: string, attendeeId?: string): Promise<Map<string, [string, string]>> {
    const rows = (await this.dataSource.query(
      `SELECT attendeeId, scannedAt, door FROM check_ins WHERE forumId = ? AND day = ? AND admitted = 1
       ${attendeeId ? 'AND attendeeId = ?' : ''}`,
      attendeeId ? [forumId, day, attendeeId] : [forumId, day],
    )) as { attendeeId: string; scannedAt: Date | string; door: string }[];
    return new Map(rows.map((r) => [r.attendeeId, [fromSqlDateTime(r.scannedAt).toISOString(), r.door]]));
  }
}
