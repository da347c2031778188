import type { Forum } from '../forums/forums.service';
import { daysBetween } from '../forums/forum-days';
import type { AgendaPresenter } from './agenda-presenter.entity';
import type { AgendaRoom } from './agenda-room.entity';
import { utcToZoned } from './agenda-time';
import type { AgendaEditorView, SessionWithPresenters } from './agenda.service';
import type { PublicAgenda, PublicSession } from './public-agenda.service';
import type {
  AgendaEditorDto,
  PresenterDto,
  PublicAgendaDto,
  PublicForumDto,
  PublicSessionDto,
  RoomDto,
  SessionDto,
} from './dto/agenda.dto';

export const mapRoom = (room: AgendaRoom): RoomDto => ({ id: room.id, name: room.name, position: room.position });

export function mapSession({ session, presenterIds }: SessionWithPresenters, timezone: string): SessionDto {
  const start = utcToZoned(session.startsAt, timezone);
  return {
    id: session.id,
    roomId: session.roomId,
    kind: session.kind,
    title: session.title,
    abstract: session.abstract,
    day: start.day,
    start: start.time,
    end: utcToZoned(session.endsAt, timezone).time,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    published: !!session.publishedAt,
    presenterIds,
  };
}

export const mapPresenter = (p: AgendaPresenter): PresenterDto => ({
  id: p.id,
  memberId: p.memberId,
  userId: p.userId,
  name: p.name,
  affiliation: p.affiliation,
  bio: p.bio,
  publishConsent: !!p.publishConsentAt,
});

export function mapEditor(view: AgendaEditorView): AgendaEditorDto {
  const { forum } = view;
  return {
    forum: {
      id: forum.id,
      name: forum.name,
      slug: forum.slug,
      venue: forum.venue,
      timezone: forum.timezone,
      days: daysBetween(forum.startDate, forum.endDate),
    },
    rooms: view.rooms.map(mapRoom),
    sessions: view.sessions.map((s) => mapSession(s, forum.timezone)),
    presenters: view.presenters.map(mapPresenter),
  };
}

export function mapPublicForum(forum: Forum): PublicForumDto {
  return {
    name: forum.name,
    slug: forum.slug,
    venue: forum.venue,
    timezone: forum.timezone,
    days: daysBetween(forum.startDate, forum.endDate),
  };
}

export function mapPublicSession(s: PublicSession, timezone: string): PublicSessionDto {
  const start = utcToZoned(s.session.startsAt, timezone);
  return {
    id: s.session.id,
    roomId: s.room.id,
    room: s.room.name,
    kind: s.session.kind,
    title: s.session.title,
    abstract: s.session.abstract,
    day: start.day,
    start: start.time,
    end: utcToZoned(s.session.endsAt, timezone).time,
    startsAt: s.session.startsAt.toISOString(),
    endsAt: s.session.endsAt.toISOString(),
    presenters: s.presenters,
  };
}

export function mapPublicAgenda(agenda: PublicAgenda): PublicAgendaDto {
  return {
    forum: mapPublicForum(agenda.forum),
    rooms: agenda.rooms.map(mapRoom),
    sessions: agenda.sessions.map((s) => mapPublicSession(s, agenda.forum.timezone)),
  };
}
