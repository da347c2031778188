import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { Session } from './entities/session.entity';

@Injectable()
export class SessionRepository {
  constructor(@InjectRepository(Session) private readonly sessions: Repository<Session>) {}

  async create(session: Pick<Session, 'tokenHash' | 'userId' | 'userAgent' | 'lastSeenAt' | 'expiresAt'>): Promise<void> {
    await this.sessions.insert(session);
  }

  /** Runs on every signed-in request: one joined SELECT (findOne with a relation would make two). */
  findWithUser(tokenHash: string): Promise<Session | null> {
    return this.sessions
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.user', 'user')
      .where('session.tokenHash = :tokenHash', { tokenHash })
      .getOne();
  }

  async touch(tokenHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.sessions.update({ tokenHash }, { lastSeenAt, expiresAt });
  }

  async delete(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.sessions.delete({ userId });
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.sessions.delete({ expiresAt: LessThan(now) });
  }
}
