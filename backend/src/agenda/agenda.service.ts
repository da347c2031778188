import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError, type FieldErrors } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import type { Forum } from '../forums/forums.service';
import { daysBetween } from '../forums/forum-days';
import { ForumsService } from '../forums/forums.service';
import type { SessionKind } from './agenda.constants';
import type { AgendaPresenter } from './agenda-presenter.entity';
import type { AgendaRoom } from './agenda-room.entity';
import type { AgendaSession } from './agenda-session.entity';
import { utcToZoned, zonedToUtc } from './agenda-time';
import { AgendaRepository } from './agenda.repository';

export interface SessionInput {
  roomId: string;
  kind: SessionKind;
  title: string;
  abstract?: string | null;
  /** Forum day, YYYY-MM-DD, and clock times HH:mm, all in the forum's timezone. */
  day: string;
  start: string;
  end: string;
  presenterIds?: string[];
}

export type SessionPatch = Partial<SessionInput> & { published?: boolean };

export interface SessionWithPresenters {
  session: AgendaSession;
  presenterIds: string[];
}

export interface AgendaEditorView {
  forum: Forum;
  rooms: AgendaRoom[];
  sessions: SessionWithPresenters[];
  presenters: AgendaPresenter[];
}

/**
 * The timetable editor's rules: sessions inside the forum's days, ending after they start, never
 * two at once in a room, never a presenter in two places at once, no presenters at a break.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly forums: ForumsService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async editor(forumId: string): Promise<AgendaEditorView> {
    const forum = await this.forums.get(forumId);
    const [rooms, sessions, presenters] = await Promise.all([
      this.agenda.rooms(forumId),
      this.agenda.sessions(forumId),
      this.agenda.presenters(forumId),
    ]);
    const links = await this.agenda.presentersOf(sessions.map((s) => s.id));
    return {
      forum,
      rooms,
      sessions: sessions.map((session) => ({ session, presenterIds: links.get(session.id) ?? [] })),
      presenters,
    };
  }

  async addRoom(forumId: string, name: string): Promise<AgendaRoom> {
    await this.forums.get(forumId);
    const clean = name.trim();
    if (await this.agenda.roomNameTaken(forumId, clean)) throw roomTaken();
    const rooms = await this.agenda.rooms(forumId);
    return this.agenda.saveRoom({ forumId, name: clean, position: Math.max(-1, ...rooms.map((r) => r.position)) + 1 });
  }

  async updateRoom(id: string, input: { name?: string; position?: number }): Promise<AgendaRoom> {
    const room = await this.room(id);
    if (input.name !== undefined) {
      const clean = input.name.trim();
      if (await this.agenda.roomNameTaken(room.forumId, clean, id)) throw roomTaken();
      room.name = clean;
    }
    if (input.position !== undefined) room.position = input.position;
    return this.agenda.saveRoom(room);
  }

  async removeRoom(id: string): Promise<void> {
    const room = await this.room(id);
    if (await this.agenda.countSessionsInRoom(id)) {
      throw DomainError.conflict(`${room.name} still has sessions: move or delete them first`);
    }
    await this.agenda.removeRoom(id);
  }

  async createSession(forumId: string, input: SessionInput): Promise<SessionWithPresenters> {
    const forum = await this.forums.get(forumId);
    return this.write(forum, null, input);
  }

  /** Move (day, times, room), resize (end), rename, re-cast, or publish/unpublish one session. */
  async updateSession(id: string, patch: SessionPatch): Promise<SessionWithPresenters> {
    const session = await this.session(id);
    const forum = await this.forums.get(session.forumId);
    const current = utcToZoned(session.startsAt, forum.timezone);
    const links = await this.agenda.presentersOf([id]);
    const merged: SessionInput = {
      roomId: patch.roomId ?? session.roomId,
      kind: patch.kind ?? session.kind,
      title: patch.title ?? session.title,
      abstract: patch.abstract === undefined ? session.abstract : patch.abstract,
      day: patch.day ?? current.day,
      start: patch.start ?? current.time,
      end: patch.end ?? utcToZoned(session.endsAt, forum.timezone).time,
      presenterIds: patch.presenterIds ?? links.get(id) ?? [],
    };
    return this.write(forum, session, merged, patch.published);
  }

  async removeSession(id: string): Promise<void> {
    await this.session(id);
    await this.transactions.run((tx) => this.agenda.withTx(tx).removeSession(id));
  }

  /** Publishes every draft session of the forum (or takes the whole agenda back to draft). */
  async setAgendaPublished(forumId: string, published: boolean): Promise<number> {
    await this.forums.get(forumId);
    return this.agenda.setPublished(forumId, published ? this.clock.now() : null);
  }

  private async write(
    forum: Forum,
    existing: AgendaSession | null,
    input: SessionInput,
    published?: boolean,
  ): Promise<SessionWithPresenters> {
    const presenterIds = [...new Set(input.presenterIds ?? [])];
    const startsAt = zonedToUtc(input.day, input.start, forum.timezone);
    const endsAt = zonedToUtc(input.day, input.end, forum.timezone);
    const fields: FieldErrors = {};
    if (endsAt <= startsAt) fields.end = ['must be after the start'];
    if (input.kind === 'break' && presenterIds.length) fields.presenterIds = ['a break has no presenters'];
    if (Object.keys(fields).length) throw DomainError.validation(fields);
    const days = daysBetween(forum.startDate, forum.endDate);
    if (!days.includes(input.day)) {
      throw DomainError.conflict(`The session is outside the forum’s days (${forum.startDate} to ${forum.endDate})`, {
        day: [`choose one of ${days.join(', ')}`],
      });
    }
    const room = await this.agenda.findRoom(input.roomId);
    if (!room || room.forumId !== forum.id) throw DomainError.validation({ roomId: ['choose a room of this forum'] });
    const presenters = await this.agenda.presenters(forum.id);
    const names = new Map(presenters.map((p) => [p.id, p.name]));
    const unknown = presenterIds.filter((id) => !names.has(id));
    if (unknown.length) throw DomainError.validation({ presenterIds: ['choose presenters of this forum'] });

    return this.transactions.run(async (tx) => {
      const repo = this.agenda.withTx(tx);
      await repo.lock([room.id], presenterIds);
      const inRoom = await repo.roomClashes(room.id, startsAt, endsAt, existing?.id);
      if (inRoom.length) {
        const other = inRoom[0];
        throw DomainError.conflict(
          `${room.name} is taken from ${this.clockTime(other.startsAt, forum)} to ${this.clockTime(other.endsAt, forum)} on ${input.day} by “${other.title}”`,
          { start: ['overlaps another session in this room'] },
        );
      }
      const elsewhere = await repo.presenterClashes(presenterIds, startsAt, endsAt, existing?.id);
      if (elsewhere.length) {
        const { session: other, presenterId } = elsewhere[0];
        throw DomainError.conflict(
          `${names.get(presenterId)} is already presenting in “${other.title}” from ${this.clockTime(other.startsAt, forum)} to ${this.clockTime(other.endsAt, forum)} on ${utcToZoned(other.startsAt, forum.timezone).day}`,
          { presenterIds: ['a presenter cannot be in two places at once'] },
        );
      }
      const publishedAt =
        published === undefined
          ? (existing?.publishedAt ?? null)
          : published
            ? (existing?.publishedAt ?? this.clock.now())
            : null;
      const saved = await repo.saveSession({
        ...(existing ?? {}),
        forumId: forum.id,
        roomId: room.id,
        kind: input.kind,
        title: input.title.trim(),
        abstract: input.abstract?.trim() || null,
        startsAt,
        endsAt,
        publishedAt,
        sequence: existing ? existing.sequence + 1 : 0,
      } as AgendaSession);
      await repo.setPresenters(saved.id, presenterIds);
      return { session: saved, presenterIds };
    });
  }

  private clockTime(at: Date, forum: Forum): string {
    return utcToZoned(at, forum.timezone).time;
  }

  private async room(id: string): Promise<AgendaRoom> {
    const room = await this.agenda.findRoom(id);
    if (!room) throw DomainError.notFound('Room');
    return room;
  }

  private async session(id: string): Promise<AgendaSession> {
    const session = await this.agenda.findSession(id);
    if (!session) throw DomainError.notFound('Session');
    return session;
  }
}

const roomTaken = () => DomainError.conflict('This forum already has a room with that name', { name: ['already in use'] });
