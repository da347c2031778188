import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import type { Tx } from '../database/transactions';
import { AgendaPresenter } from './agenda-presenter.entity';
import { AgendaSession } from './agenda-session.entity';
import { SessionPresenter } from './session-presenter.entity';

/** A member's presenter profiles and the sessions they present, for their data copy and erasure. */
@Injectable()
export class PresenterMemberDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: Tx) {
    return tx?.manager ?? this.dataSource.manager;
  }

  profiles(memberId: string, tx?: Tx): Promise<AgendaPresenter[]> {
    return this.manager(tx)
      .getRepository(AgendaPresenter)
      .find({ where: { memberId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Session titles per presenter id. */
  async sessionTitles(presenterIds: string[], tx?: Tx): Promise<Map<string, string[]>> {
    const titles = new Map<string, string[]>();
    if (!presenterIds.length) return titles;
    const links = await this.manager(tx)
      .getRepository(SessionPresenter)
      .findBy({ presenterId: In(presenterIds) });
    const sessions = links.length
      ? await this.manager(tx)
          .getRepository(AgendaSession)
          .findBy({ id: In(links.map((l) => l.sessionId)) })
      : [];
    const byId = new Map(sessions.map((s) => [s.id, s.title]));
    for (const l of links) titles.set(l.presenterId, [...(titles.get(l.presenterId) ?? []), byId.get(l.sessionId) ?? '']);
    return titles;
  }

  /** The profile goes (name, affiliation, biography, consent); the presenter stays in their sessions, so the agenda's shape holds. */
  async deIdentify(memberId: string, tx: Tx): Promise<number> {
    const result = await tx.manager
      .getRepository(AgendaPresenter)
      .update({ memberId }, { name: 'Erased presenter', affiliation: null, bio: null, publishConsentAt: null });
    return result.affected ?? 0;
  }
}
