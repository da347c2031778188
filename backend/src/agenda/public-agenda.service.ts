import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { Forum } from '../forums/forums.service';
import { ForumsService } from '../forums/forums.service';
import { NomineePresentersService } from '../nominations/nominee-presenters.service';
import { RegisterService } from '../register/register.service';
import type { AgendaPresenter } from './agenda-presenter.entity';
import type { AgendaRoom } from './agenda-room.entity';
import type { AgendaSession } from './agenda-session.entity';
import { agendaCalendar } from './agenda-calendar';
import { AgendaRepository } from './agenda.repository';

/** A presenter as the public may see them: only with consent, names read live from the register. */
export interface PublicPresenter {
  id: string;
  name: string;
  affiliation: string | null;
  bio: string | null;
}

export interface PublicSession {
  session: AgendaSession;
  room: AgendaRoom;
  presenters: PublicPresenter[];
}

export interface PublicAgenda {
  forum: Forum;
  rooms: AgendaRoom[];
  sessions: PublicSession[];
}

/**
 * What the public sees: published sessions only, and only presenters who agreed to be shown
 * (the nominee's own answer when they were nominated, else consent recorded by an organiser).
 * A forum with nothing published does not exist here.
 */
@Injectable()
export class PublicAgendaService {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly forums: ForumsService,
    private readonly nominees: NomineePresentersService,
    private readonly register: RegisterService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async agendaOf(slug: string): Promise<PublicAgenda> {
    const forum = (await this.forums.list()).find((f) => f.slug === slug);
    const sessions = forum ? await this.agenda.sessions(forum.id, { publishedOnly: true }) : [];
    if (!forum || !sessions.length) throw DomainError.notFound('Agenda');
    const [rooms, presenters, links] = await Promise.all([
      this.agenda.rooms(forum.id),
      this.agenda.presenters(forum.id),
      this.agenda.presentersOf(sessions.map((s) => s.id)),
    ]);
    const visible = await this.publicPresenters(forum.id, presenters);
    const roomById = new Map(rooms.map((r) => [r.id, r]));
    return {
      forum,
      rooms: rooms.filter((r) => sessions.some((s) => s.roomId === r.id)),
      sessions: sessions.map((session) => ({
        session,
        room: roomById.get(session.roomId)!,
        presenters: (links.get(session.id) ?? []).map((id) => visible.get(id)).filter((p) => p !== undefined),
      })),
    };
  }

  /** A presenter's profile: 404 unless they consented and present in a published session. */
  async presenter(
    slug: string,
    presenterId: string,
  ): Promise<{ forum: Forum; presenter: PublicPresenter; sessions: PublicSession[] }> {
    const agenda = await this.agendaOf(slug);
    const sessions = agenda.sessions.filter((s) => s.presenters.some((p) => p.id === presenterId));
    if (!sessions.length) throw DomainError.notFound('Presenter');
    const presenter = sessions[0].presenters.find((p) => p.id === presenterId)!;
    return { forum: agenda.forum, presenter, sessions };
  }

  async calendar(slug: string): Promise<string> {
    const agenda = await this.agendaOf(slug);
    return agendaCalendar(agenda.forum, agenda.sessions, this.links(slug), this.clock.now());
  }

  async sessionCalendar(slug: string, sessionId: string): Promise<string> {
    const agenda = await this.agendaOf(slug);
    const one = agenda.sessions.filter((s) => s.session.id === sessionId);
    if (!one.length) throw DomainError.notFound('Session');
    return agendaCalendar(
      agenda.forum,
      one,
      this.links(slug),
      this.clock.now(),
      `${one[0].session.title} · ${agenda.forum.name}`,
    );
  }

  private links(slug: string) {
    const agenda = `${this.config.publicUrl}/agenda/${slug}`;
    return { agenda, session: (id: string) => `${agenda}#session-${id}` };
  }

  private async publicPresenters(forumId: string, presenters: AgendaPresenter[]): Promise<Map<string, PublicPresenter>> {
    const memberIds = presenters.map((p) => p.memberId).filter((id): id is string => !!id);
    const nominations = await this.nominees.nomineeConsents(forumId, memberIds);
    const visible = new Map<string, PublicPresenter>();
    for (const p of presenters) {
      let name = p.name;
      let bio = p.bio;
      if (p.memberId) {
        const member = await this.register.find(p.memberId);
        if (!member || member.status === 'erased') continue;
        const nomination = nominations.get(p.memberId);
        // A nominee's own answer decides (a withdrawn or declined nominee is never shown); staff
        // consent counts only for members who were not nominated.
        const consented = nomination ? nomination.consented : !!p.publishConsentAt;
        if (!consented) continue;
        name = p.name || `${member.firstName} ${member.lastName}`;
        bio = p.bio ?? nomination?.bio ?? null;
      } else if (!p.publishConsentAt) {
        continue;
      }
      visible.set(p.id, { id: p.id, name, affiliation: p.affiliation, bio });
    }
    return visible;
  }
}
