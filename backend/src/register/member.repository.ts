import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Tx } from '../database/transactions';
import { type EventDetails, MemberEvent } from './member-event.entity';
import type { NormalisedMember } from './member-input';
import { MemberSector } from './member-sector.entity';
import { Member } from './member.entity';
import type { MemberEventKind } from './register.constants';

export type NewMember = NormalisedMember &
  Pick<
    Member,
    | 'consentAt'
    | 'consentMethod'
    | 'consentInvitations'
    | 'consentUpdates'
    | 'source'
    | 'sourceBatchId'
    | 'status'
    | 'createdById'
  >;

export interface EventInput {
  memberId: string;
  kind: MemberEventKind;
  actor: string;
  details?: EventDetails | null;
  at: Date;
}

/** Members, their sectors and their history. Every write that touches several tables runs in one transaction. */
@Injectable()
export class MemberRepository {
  constructor(@InjectDataSource() private readonly manager: DataSource | EntityManager) {}

  /** This repository bound to a transaction another service started (see database/transactions.ts). */
  withTx(tx: Tx): MemberRepository {
    return new MemberRepository(tx.manager);
  }

  /** Runs work on a copy of this repository bound to one transaction. */
  transaction<T>(work: (repo: MemberRepository) => Promise<T>): Promise<T> {
    return this.manager.transaction((tx) => work(new MemberRepository(tx)));
  }

  findById(id: string): Promise<Member | null> {
    return this.manager.getRepository(Member).findOne({ where: { id }, relations: { sectors: true } });
  }

  /** Members by id, leaving out erased and merged records. */
  findLive(ids: string[]): Promise<Member[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.manager.getRepository(Member).find({ where: { id: In(ids), status: In(['active', 'pending_confirmation']) } });
  }

  count(): Promise<number> {
    return this.manager.getRepository(Member).count();
  }

  /** Live (not merged, not erased) members sharing any of these emails or phones. */
  async findByContacts(emails: string[], phones: string[]): Promise<Member[]> {
    const repo = this.manager.getRepository(Member);
    const live = ['active', 'pending_confirmation'];
    const found: Member[] = [];
    for (let i = 0; i < Math.max(emails.length, phones.length); i += 500) {
      const e = emails.slice(i, i + 500);
      const p = phones.slice(i, i + 500);
      const where = [
        ...(e.length ? [{ email: In(e), status: In(live) }] : []),
        ...(p.length
          ? [
              { phone: In(p), status: In(live) },
              { whatsapp: In(p), status: In(live) },
            ]
          : []),
      ];
      if (where.length) found.push(...(await repo.find({ where })));
    }
    return [...new Map(found.map((m) => [m.id, m])).values()];
  }

  async insert(members: NewMember[]): Promise<Member[]> {
    const repo = this.manager.getRepository(Member);
    const entities = members.map(({ sectors, ...fields }) =>
      Object.assign(repo.create({ ...fields, mergedIntoId: null }), {
        sectors: sectors.map((sector) => ({ sector }) as MemberSector),
      }),
    );
    if (!entities.length) return [];
    await repo.insert(entities.map(({ sectors: _sectors, ...row }) => row));
    const sectorRows = entities.flatMap((m) => m.sectors.map((s) => ({ memberId: m.id, sector: s.sector })));
    if (sectorRows.length) await this.manager.getRepository(MemberSector).insert(sectorRows);
    return entities;
  }

  async save(member: Member, sectors?: string[]): Promise<Member> {
    const { sectors: _current, ...row } = member;
    await this.manager.getRepository(Member).save(row);
    if (sectors) {
      await this.manager.getRepository(MemberSector).delete({ memberId: member.id });
      if (sectors.length)
        await this.manager
          .getRepository(MemberSector)
          .insert(sectors.map((sector) => ({ memberId: member.id, sector: sector as MemberSector['sector'] })));
    }
    return (await this.findById(member.id))!;
  }

  async addEvents(events: EventInput[]): Promise<void> {
    const repo = this.manager.getRepository(MemberEvent);
    if (events.length) await repo.insert(events.map((e) => repo.create({ ...e, details: e.details ?? null })));
  }

  /** Erasure keeps the history's shape (kinds and dates) but not what the events said. */
  async clearEventDetails(memberId: string): Promise<void> {
    await this.manager.getRepository(MemberEvent).update({ memberId }, { details: null });
  }

  events(memberIds: string[]): Promise<MemberEvent[]> {
    return this.manager.getRepository(MemberEvent).find({ where: { memberId: In(memberIds) }, order: { at: 'DESC' } });
  }

  /**
   * Live members holding no consent (never given, or all withdrawn) that nobody has touched since
   * `before` (no history event: changes, outreach, merges), oldest first: retention's review list.
   */
  async withoutConsentUntouchedSince(before: Date, page: number, pageSize: number): Promise<{ items: Member[]; total: number }> {
    const [items, total] = await this.manager
      .getRepository(Member)
      .createQueryBuilder('m')
      .where('m.status IN (:...live)', { live: ['active', 'pending_confirmation'] })
      .andWhere('m.consentInvitations = :no AND m.consentUpdates = :no AND m.consentAt IS NULL', { no: false })
      .andWhere('m.createdAt < :before AND m.updatedAt < :before', { before })
      .andWhere((qb) => {
        const recent = qb.subQuery().select('1').from(MemberEvent, 'e').where('e.memberId = m.id AND e.at >= :before').getQuery();
        return `NOT EXISTS ${recent}`;
      })
      .orderBy('m.updatedAt', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total };
  }
}
