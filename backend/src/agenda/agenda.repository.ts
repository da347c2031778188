import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThan, MoreThan, Not } from 'typeorm';
import type { Tx } from '../database/transactions';
import { AgendaPresenter } from './agenda-presenter.entity';
import { AgendaRoom } from './agenda-room.entity';
import { AgendaSession } from './agenda-session.entity';
import { SessionPresenter } from './session-presenter.entity';

export type NewSession = Omit<AgendaSession, 'id' | 'createdAt' | 'updatedAt'>;
export type NewPresenter = Omit<AgendaPresenter, 'id' | 'createdAt' | 'updatedAt'>;

/** Rooms, sessions and presenters of forum agendas. */
@Injectable()
export class AgendaRepository {
  constructor(@InjectDataSource() private readonly manager: DataSource | EntityManager) {}

  withTx(tx: Tx): AgendaRepository {
    return new AgendaRepository(tx.manager);
  }

  /**
   * Serialises writes that could clash: the room's row and the presenters' rows are locked until
   * the transaction ends, so two editors cannot both fill one slot. SQLite has one writer anyway.
   */
  async lock(roomIds: string[], presenterIds: string[]): Promise<void> {
    const source = this.manager instanceof EntityManager ? this.manager.connection : this.manager;
    if (source.options.type === 'better-sqlite3') return;
    if (roomIds.length) {
      await this.manager
        .getRepository(AgendaRoom)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id IN (:...roomIds)', { roomIds })
        .limit(roomIds.length)
        .getMany();
    }
    if (presenterIds.length) {
      await this.manager
        .getRepository(AgendaPresenter)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.id IN (:...presenterIds)', { presenterIds })
        .limit(presenterIds.length)
        .getMany();
    }
  }

  rooms(forumId: string): Promise<AgendaRoom[]> {
    return this.manager.getRepository(AgendaRoom).find({ where: { forumId }, order: { position: 'ASC', name: 'ASC' } });
  }

  findRoom(id: string): Promise<AgendaRoom | null> {
    return this.manager.getRepository(AgendaRoom).findOneBy({ id });
  }

  async roomNameTaken(forumId: string, name: string, exceptId?: string): Promise<boolean> {
    const rooms = await this.rooms(forumId);
    return rooms.some((r) => r.id !== exceptId && r.name.toLowerCase() === name.toLowerCase());
  }

  saveRoom(room: Partial<AgendaRoom> & Pick<AgendaRoom, 'forumId' | 'name' | 'position'>): Promise<AgendaRoom> {
    const repo = this.manager.getRepository(AgendaRoom);
    return repo.save(repo.create(room));
  }

  async removeRoom(id: string): Promise<void> {
    await this.manager.getRepository(AgendaRoom).delete({ id });
  }

  sessions(forumId: string, options: { publishedOnly?: boolean } = {}): Promise<AgendaSession[]> {
    return this.manager.getRepository(AgendaSession).find({
      where: { forumId, ...(options.publishedOnly ? { publishedAt: Not(IsNull()) } : {}) },
      order: { startsAt: 'ASC', endsAt: 'ASC', title: 'ASC' },
    });
  }

  countSessionsInRoom(roomId: string): Promise<number> {
    return this.manager.getRepository(AgendaSession).countBy({ roomId });
  }

  findSession(id: string): Promise<AgendaSession | null> {
    return this.manager.getRepository(AgendaSession).findOneBy({ id });
  }

  saveSession(session: AgendaSession | NewSession): Promise<AgendaSession> {
    const repo = this.manager.getRepository(AgendaSession);
    return repo.save(repo.create(session));
  }

  async removeSession(id: string): Promise<void> {
    await this.manager.getRepository(SessionPresenter).delete({ sessionId: id });
    await this.manager.getRepository(AgendaSession).delete({ id });
  }

  /** Sessions in the room that overlap [startsAt, endsAt). */
  roomClashes(roomId: string, startsAt: Date, endsAt: Date, exceptId?: string): Promise<AgendaSession[]> {
    return this.manager.getRepository(AgendaSession).find({
      where: {
        roomId,
        startsAt: LessThan(endsAt),
        endsAt: MoreThan(startsAt),
        ...(exceptId ? { id: Not(exceptId) } : {}),
      },
      order: { startsAt: 'ASC' },
    });
  }

  /** Sessions overlapping [startsAt, endsAt) that any of these presenters is in, with who. */
  async presenterClashes(
    presenterIds: string[],
    startsAt: Date,
    endsAt: Date,
    exceptId?: string,
  ): Promise<{ session: AgendaSession; presenterId: string }[]> {
    if (!presenterIds.length) return [];
    const links = await this.manager.getRepository(SessionPresenter).findBy({ presenterId: In(presenterIds) });
    const sessionIds = [...new Set(links.map((l) => l.sessionId))].filter((id) => id !== exceptId);
    if (!sessionIds.length) return [];
    const sessions = await this.manager.getRepository(AgendaSession).find({
      where: { id: In(sessionIds), startsAt: LessThan(endsAt), endsAt: MoreThan(startsAt) },
      order: { startsAt: 'ASC' },
    });
    return sessions.flatMap((session) =>
      links.filter((l) => l.sessionId === session.id).map((l) => ({ session, presenterId: l.presenterId })),
    );
  }

  /** Presenter ids per session, in speaking order. */
  async presentersOf(sessionIds: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>(sessionIds.map((id) => [id, []]));
    if (!sessionIds.length) return map;
    const links = await this.manager
      .getRepository(SessionPresenter)
      .find({ where: { sessionId: In(sessionIds) }, order: { position: 'ASC' } });
    for (const link of links) map.get(link.sessionId)?.push(link.presenterId);
    return map;
  }

  async setPresenters(sessionId: string, presenterIds: string[]): Promise<void> {
    const repo = this.manager.getRepository(SessionPresenter);
    await repo.delete({ sessionId });
    if (presenterIds.length) {
      await repo.insert(presenterIds.map((presenterId, position) => repo.create({ sessionId, presenterId, position })));
    }
  }

  async setPublished(forumId: string, at: Date | null): Promise<number> {
    const result = await this.manager
      .getRepository(AgendaSession)
      .createQueryBuilder()
      .update()
      .set({ publishedAt: at, sequence: () => '`sequence` + 1' })
      .where('forumId = :forumId', { forumId })
      .andWhere(at ? 'publishedAt IS NULL' : 'publishedAt IS NOT NULL')
      .execute();
    return result.affected ?? 0;
  }

  presenters(forumId: string): Promise<AgendaPresenter[]> {
    return this.manager.getRepository(AgendaPresenter).find({ where: { forumId }, order: { name: 'ASC' } });
  }

  findPresenter(id: string): Promise<AgendaPresenter | null> {
    return this.manager.getRepository(AgendaPresenter).findOneBy({ id });
  }

  findPresenterBy(forumId: string, who: { memberId?: string; userId?: string }): Promise<AgendaPresenter | null> {
    return this.manager.getRepository(AgendaPresenter).findOneBy({ forumId, ...who });
  }

  savePresenter(presenter: AgendaPresenter | NewPresenter): Promise<AgendaPresenter> {
    const repo = this.manager.getRepository(AgendaPresenter);
    return repo.save(repo.create(presenter));
  }

  countSessionsOfPresenter(presenterId: string): Promise<number> {
    return this.manager.getRepository(SessionPresenter).countBy({ presenterId });
  }

  async removePresenter(id: string): Promise<void> {
    await this.manager.getRepository(AgendaPresenter).delete({ id });
  }
}
