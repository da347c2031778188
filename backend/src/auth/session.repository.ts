import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { fromSqlDateTime, parseJsonList, toBool } from '../database/sql-values';
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
  user: AuthUser;
}

interface SessionRow {
  lastSeenAt: Date | string;
  expiresAt: Date | string;
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
    await this.sessions.insert(session);
  }

  /**
   * Runs on every signed-in request: answered from the sessions checked in the last few seconds, else
   * one plain joined SELECT (TypeORM's entity building cost more CPU than a door check-in's own work).
   */
  async findWithUser(tokenHash: string, now: Date): Promise<CheckedSession | null> {
    const recent = this.recent.get(tokenHash, now.getTime());
    if (recent) return recent;
    const [row] = (await this.sessions.manager.query(
      `SELECT s.lastSeenAt, s.expiresAt, u.id, u.email, u.name, u.role, u.countries, u.active
       FROM sessions s INNER JOIN users u ON u.id = s.userId WHERE s.tokenHash = ?`,
      [tokenHash],
    )) as SessionRow[];
    if (!row) return null;
    const session: CheckedSession = {
      lastSeenAt: fromSqlDateTime(row.lastSeenAt),
      expiresAt: fromSqlDateTime(row.expiresAt),
      active: toBool(row.active),
      user: { id: row.id, email: row.email, name: row.name, role: row.role, countries: parseJsonList(row.countries) ?? [] },
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

  async deleteExpired(now: Date): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(now) });
  }
}
