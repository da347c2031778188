import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Tx } from '../database/transactions';
import type { Member } from '../register/register.service';
import type { NominationCategory, NominationStatus } from './nomination.constants';
import { NominationReview } from './nomination-review.entity';
import { NominationStatusChange } from './nomination-status-change.entity';
import { Nomination } from './nomination.entity';

export type NewNomination = Omit<Nomination, 'id' | 'createdAt' | 'updatedAt'>;
export type NewStatusChange = Omit<NominationStatusChange, 'id'> & { id?: string };

/** The nominee as the board shows them: read from the register, never written here. */
export interface Nominee {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  countryCode: string;
  city: string | null;
  occupation: string | null;
  status: Member['status'];
  preferredLanguage: Member['preferredLanguage'];
}

export interface NominationRow {
  nomination: Nomination;
  nominee: Nominee;
}

export interface NominationFilter {
  forumId?: string;
  statuses?: NominationStatus[];
  categories?: NominationCategory[];
  /** Nominees living in these countries; undefined: all. */
  countries?: string[];
}

const nomineeColumns = [
  'id',
  'firstName',
  'lastName',
  'email',
  'phone',
  'countryCode',
  'city',
  'occupation',
  'status',
  'preferredLanguage',
] as const;

/**
 * Nominations, their reviews and their history. The board's rows carry the nominee as the register
 * has them now, through a read-only join on the register's table by name (docs/ARCHITECTURE.md,
 * "Reads across walls"); nothing here writes it.
 */
@Injectable()
export class NominationRepository {
  constructor(@InjectDataSource() private readonly manager: DataSource | EntityManager) {}

  withTx(tx: Tx): NominationRepository {
    return new NominationRepository(tx.manager);
  }

  async insert(nomination: NewNomination): Promise<Nomination> {
    const repo = this.manager.getRepository(Nomination);
    return repo.save(repo.create(nomination));
  }

  save(nomination: Nomination): Promise<Nomination> {
    return this.manager.getRepository(Nomination).save(nomination);
  }

  /** Sets the status only if it is still the one the caller saw: two organisers clicking at once make one change. */
  async moveStatus(id: string, from: NominationStatus, to: NominationStatus, extra: Partial<Nomination> = {}): Promise<boolean> {
    const result = await this.manager.getRepository(Nomination).update({ id, status: from }, { ...extra, status: to });
    return (result.affected ?? 0) === 1;
  }

  findById(id: string): Promise<Nomination | null> {
    return this.manager.getRepository(Nomination).findOneBy({ id });
  }

  findByTokenHash(tokenHash: string): Promise<Nomination | null> {
    return this.manager.getRepository(Nomination).findOneBy({ responseTokenHash: tokenHash });
  }

  async list(filter: NominationFilter): Promise<NominationRow[]> {
    const query = this.manager
      .getRepository(Nomination)
      .createQueryBuilder('n')
      .innerJoin('members', 'm', 'm.id = n.memberId')
      .addSelect(nomineeColumns.map((c) => `m.${c}`))
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'ASC');
    if (filter.forumId) query.andWhere('n.forumId = :forumId', { forumId: filter.forumId });
    if (filter.statuses?.length) query.andWhere('n.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.categories?.length) query.andWhere('n.category IN (:...categories)', { categories: filter.categories });
    if (filter.countries) {
      if (!filter.countries.length) return [];
      query.andWhere('m.countryCode IN (:...countries)', { countries: filter.countries });
    }
    const { entities, raw } = await query.getRawAndEntities<Record<string, unknown>>();
    const byId = new Map(raw.map((r) => [String(r.n_id), r]));
    return entities.map((nomination) => ({ nomination, nominee: nomineeOf(byId.get(nomination.id)!) }));
  }

  async findRow(id: string): Promise<NominationRow | null> {
    const query = this.manager
      .getRepository(Nomination)
      .createQueryBuilder('n')
      .innerJoin('members', 'm', 'm.id = n.memberId')
      .addSelect(nomineeColumns.map((c) => `m.${c}`))
      .where('n.id = :id', { id });
    const { entities, raw } = await query.getRawAndEntities<Record<string, unknown>>();
    return entities.length ? { nomination: entities[0], nominee: nomineeOf(raw[0]) } : null;
  }

  reviews(nominationIds: string[]): Promise<NominationReview[]> {
    if (!nominationIds.length) return Promise.resolve([]);
    return this.manager
      .getRepository(NominationReview)
      .find({ where: { nominationId: In(nominationIds) }, order: { createdAt: 'ASC' } });
  }

  /** One review per reviewer: a second one replaces the first (the unique index backs this up). */
  async upsertReview(review: Pick<NominationReview, 'nominationId' | 'reviewerId' | 'score' | 'comment' | 'conflictOfInterest'>) {
    const repo = this.manager.getRepository(NominationReview);
    const existing = await repo.findOneBy({ nominationId: review.nominationId, reviewerId: review.reviewerId });
    if (existing) return repo.save(Object.assign(existing, review));
    return repo.save(repo.create(review));
  }

  async addStatusChange(change: NewStatusChange): Promise<void> {
    const repo = this.manager.getRepository(NominationStatusChange);
    await repo.insert(repo.create(change));
  }

  history(nominationId: string): Promise<NominationStatusChange[]> {
    return this.manager.getRepository(NominationStatusChange).find({ where: { nominationId }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** Each member's nomination for the forum (an accepted one first, else the latest): the agenda asks it before showing a profile. */
  async byMember(forumId: string, memberIds: string[]): Promise<Map<string, Nomination>> {
    if (!memberIds.length) return new Map();
    const rows = await this.manager.getRepository(Nomination).find({
      where: { forumId, memberId: In(memberIds) },
      order: { createdAt: 'ASC' },
    });
    const map = new Map<string, Nomination>();
    for (const n of rows) {
      if (map.get(n.memberId)?.status !== 'accepted') map.set(n.memberId, n);
    }
    return map;
  }
}

function nomineeOf(raw: Record<string, unknown>): Nominee {
  const pick = (c: string) => (raw[`m_${c}`] ?? null) as never;
  return Object.fromEntries(nomineeColumns.map((c) => [c, pick(c)])) as unknown as Nominee;
}
