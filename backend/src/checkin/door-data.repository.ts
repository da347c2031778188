import type { AttendeeRole } from '@diaspora-forum/lists';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { fromSqlDateTime, parseJsonList, toBool } from '../database/sql-values';

export interface DoorAttendeeRow {
  id: string;
  memberId: string | null;
  badgeNumber: number;
  badgeVersion: number;
  role: AttendeeRole;
  firstName: string;
  lastName: string;
  countryCode: string | null;
  region: string | null;
  needs: string[] | null;
  revoked: boolean;
  /** The forum days the invitee said they come on; null: every day (and for everyone not invited). */
  days: string[] | null;
}

/** The door's read model: three set queries however many attendees there are (no query per person). */
@Injectable()
export class DoorDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async attendees(forumId: string, attendeeId?: string): Promise<DoorAttendeeRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.memberId, a.badgeNumber, a.badgeVersion, a.role, a.firstName, a.lastName, a.countryCode, a.region,
         a.needs, a.badgeRevoked, a.status, i.days
       FROM attendees a LEFT JOIN invitations i ON i.id = a.invitationId
       WHERE a.forumId = ? ${attendeeId ? 'AND a.id = ?' : ''} ORDER BY a.badgeNumber`,
      attendeeId ? [forumId, attendeeId] : [forumId],
    )) as (Omit<DoorAttendeeRow, 'needs' | 'revoked' | 'days'> & {
      needs: unknown;
      badgeRevoked: unknown;
      status: string;
      days: unknown;
    })[];
    return rows.map(({ needs, badgeRevoked, status, days, ...row }) => ({
      ...row,
      badgeNumber: Number(row.badgeNumber),
      badgeVersion: Number(row.badgeVersion),
      needs: parseJsonList(needs),
      days: parseJsonList(days),
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
