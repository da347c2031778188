import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { fromSqlDateTime, parseJsonList, toBool, toSqlDateTime } from '../database/sql-values';
import type { AuthUser } from './auth-user';
import { RecentSessions } from './recent-sessions';
import { Session } from './entities/session.entity';
import type { StaffRole } from './entities/user.entity';

/** A session as the guard checks it, with the user it belongs to. */
export interface CheckedSession {
  lastSeenAt: Date;
  expiresAt: Date;
  /** The account is enabled. */
  active: boolean;
  /** An organiser signed this device out. */
  revoked: boolean;
  user: AuthUser;
}

/** A signed-in device as organisers see it. */
export interface DeviceSession {
  deviceId: string;
  userId: string;
  userName: string;
  role: StaffRole;
  deviceName: string | null;
  signedInAt: Date;
  lastSeenAt: Date;
  lastSyncAt: Date | null;
  waitingCount: number | null;
  setAsideCount: number | null;
  revokedAt: Date | null;
}

export interface DeviceReport {
  deviceName: string;
  waitingCount: number;
  setAsideCount: number;
}

interface SessionRow {
  lastSeenAt: Date | string;
  expiresAt: Date | string;
  deviceId: string | null;
  revokedAt: Date | string | null;
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  countries: string;
  active: unknown;
}

@Injectable()
export class SessionRepository {
  private readonly recent = new RecentSessions();

  constructor(@InjectRepository(Session) private readonly sessions: Repository<Session>) {}

  async create(session: Pick<Session, 'tokenHash' | 'userId' | 'userAgent' | 'lastSeenAt' | 'expiresAt'>): Promise<void> {
    await this.sessions.insert({ ...session, deviceId: randomUUID() });
  }

  /**
   * Runs on every signed-in request: answered from the sessions checked in the last few seconds, else
   * one plain joined SELECT (TypeORM's entity building cost more CPU than a door check-in's own work).
   */
  async findWithUser(tokenHash: string, now: Date): Promise<CheckedSession | null> {
    const recent = this.recent.get(tokenHash, now.getTime());
    if (recent) return recent;
    const [row] = (await this.sessions.manager.query(
      `SELECT s.lastSeenAt, s.expiresAt, s.deviceId, s.revokedAt, u.id, u.email, u.name, u.role, u.countries, u.active
       FROM sessions s INNER JOIN users u ON u.id = s.userId WHERE s.tokenHash = ?`,
      [tokenHash],
    )) as SessionRow[];
    if (!row) return null;
    const session: CheckedSession = {
      lastSeenAt: fromSqlDateTime(row.lastSeenAt),
      expiresAt: fromSqlDateTime(row.expiresAt),
      active: toBool(row.active),
      revoked: row.revokedAt !== null,
      user: {
        id: row.id,
        email: row.email,
        name: row.name,
        role: row.role,
        countries: parseJsonList(row.countries) ?? [],
        ...(row.deviceId ? { deviceId: row.deviceId } : {}),
      },
    };
    this.recent.set(tokenHash, session, now.getTime());
    return session;
  }

  async touch(tokenHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    this.recent.forget(tokenHash);
    await this.sessions.update({ tokenHash }, { lastSeenAt, expiresAt });
  }

  async delete(tokenHash: string): Promise<void> {
    this.recent.forget(tokenHash);
    await this.sessions.delete({ tokenHash });
  }

  async deleteForUser(userId: string): Promise<void> {
    this.recent.forgetUser(userId);
    await this.sessions.delete({ userId });
  }

  /** What a door device reported at its sync (its door's name, what it still holds). */
  async report(deviceId: string, report: DeviceReport, at: Date): Promise<void> {
    await this.sessions.update({ deviceId }, { ...report, lastSyncAt: at });
  }

  /** Live sessions of door accounts, and of anyone else whose device reported as a door. */
  async doorDevices(now: Date): Promise<DeviceSession[]> {
    const rows = (await this.sessions.manager.query(
      `SELECT s.deviceId, s.userId, u.name AS userName, u.role, s.deviceName, s.createdAt, s.lastSeenAt, s.lastSyncAt,
         s.waitingCount, s.setAsideCount, s.revokedAt
       FROM sessions s INNER JOIN users u ON u.id = s.userId
       WHERE s.expiresAt > ? AND s.deviceId IS NOT NULL AND (u.role = 'door' OR s.deviceName IS NOT NULL)
       ORDER BY u.name, s.createdAt`,
      [toSqlDateTime(now)],
    )) as Record<string, unknown>[];
    const date = (v: unknown) => (v === null || v === undefined ? null : fromSqlDateTime(v as Date | string));
    const count = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return rows.map((r) => ({
      deviceId: r.deviceId as string,
      userId: r.userId as string,
      userName: r.userName as string,
      role: r.role as StaffRole,
      deviceName: (r.deviceName as string | null) ?? null,
      signedInAt: date(r.createdAt)!,
      lastSeenAt: date(r.lastSeenAt)!,
      lastSyncAt: date(r.lastSyncAt),
      waitingCount: count(r.waitingCount),
      setAsideCount: count(r.setAsideCount),
      revokedAt: date(r.revokedAt),
    }));
  }

  /** Marks the device signed out by an organiser; false when there is no such live device. */
  async revoke(deviceId: string, at: Date): Promise<{ userId: string } | null> {
    const session = await this.sessions.findOneBy({ deviceId });
    if (!session) return null;
    this.recent.forget(session.tokenHash);
    if (!session.revokedAt) await this.sessions.update({ deviceId }, { revokedAt: at });
    return { userId: session.userId };
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(now) });
  }
}
