import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Tx } from '../database/transactions';
import { Attendee, type AttendeeRole } from './attendee.entity';

/** Where a page of badges (surname, first name, id order) ended; the next page starts after it. */
export interface BadgeCursor {
  lastName: string;
  firstName: string;
  id: string;
}

@Injectable()
export class AttendeeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(tx?: Tx) {
    return (tx?.manager ?? this.dataSource.manager).getRepository(Attendee);
  }

  findByInvitation(invitationId: string, tx?: Tx): Promise<Attendee | null> {
    return this.repo(tx).findOneBy({ invitationId });
  }

  findById(id: string): Promise<Attendee | null> {
    return this.repo().findOneBy({ id });
  }

  findInForum(forumId: string, id: string, tx?: Tx): Promise<Attendee | null> {
    return this.repo(tx).findOneBy({ forumId, id });
  }

  findByMember(forumId: string, memberId: string, tx?: Tx): Promise<Attendee | null> {
    return this.repo(tx).findOneBy({ forumId, memberId });
  }

  /** A new row as given (no read before the write, unlike save). */
  async insert(attendee: Partial<Attendee>, tx: Tx): Promise<Attendee> {
    const repo = this.repo(tx);
    const row = repo.create(attendee);
    await repo.insert(row);
    return row;
  }

  save(attendee: Partial<Attendee>, tx?: Tx): Promise<Attendee> {
    const repo = this.repo(tx);
    return repo.save(repo.create(attendee));
  }

  /** Every attendee record of a member, across forums, oldest first. */
  listForMember(memberId: string, tx?: Tx): Promise<Attendee[]> {
    return this.repo(tx).find({ where: { memberId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Erasure: the name and needs go and the badge stops opening the door; role, country, province,
   * badge number and status stay, so the forum's counts and the check-ins that point here still add up.
   */
  async deIdentifyMember(memberId: string, tx: Tx): Promise<number> {
    const result = await this.repo(tx).update(
      { memberId },
      { firstName: 'Erased', lastName: 'attendee', needs: null, badgeRevoked: true },
    );
    return result.affected ?? 0;
  }

  /** Re-issues in one statement, so two re-issues at once give two versions, never the same one twice. */
  async bumpVersion(id: string, tx?: Tx): Promise<void> {
    await this.repo(tx)
      .createQueryBuilder()
      .update(Attendee)
      .set({ badgeVersion: () => 'badgeVersion + 1', badgeRevoked: false })
      .where('id = :id', { id })
      .execute();
  }

  listForForum(forumId: string, role?: AttendeeRole): Promise<Attendee[]> {
    const query = this.repo().createQueryBuilder('a').where('a.forumId = :forumId', { forumId });
    if (role) query.andWhere('a.role = :role', { role });
    return this.inSurnameOrder(query).getMany();
  }

  /** How many badges the forum prints for a role (or everyone): confirmed attendees whose badge stands. */
  countPrintable(forumId: string, role?: AttendeeRole): Promise<number> {
    return this.printable(forumId, role).getCount();
  }

  /** The next page of printable badges in surname order, after the cursor (keyset: each page is one short indexed query). */
  printablePage(forumId: string, role: AttendeeRole | undefined, after: BadgeCursor | null, limit: number): Promise<Attendee[]> {
    const query = this.printable(forumId, role);
    const c = this.caseless;
    if (after)
      query.andWhere(
        `(a.lastName${c} > :lastName OR (a.lastName${c} = :lastName AND (a.firstName${c} > :firstName OR (a.firstName${c} = :firstName AND a.id > :id))))`,
        after,
      );
    return this.inSurnameOrder(query).limit(limit).getMany();
  }

  /**
   * Surname, first name, id. MySQL's collation already ignores case (and accents); SQLite compares
   * bytes, where "van der Merwe" would come after "Zulu": there, compare without case.
   */
  private inSurnameOrder(query: SelectQueryBuilder<Attendee>): SelectQueryBuilder<Attendee> {
    const c = this.caseless;
    return query.orderBy(`a.lastName${c}`, 'ASC').addOrderBy(`a.firstName${c}`, 'ASC').addOrderBy('a.id', 'ASC');
  }

  private get caseless(): string {
    return this.dataSource.options.type === 'better-sqlite3' ? ' COLLATE NOCASE' : '';
  }

  private printable(forumId: string, role?: AttendeeRole) {
    const query = this.repo()
      .createQueryBuilder('a')
      .where('a.forumId = :forumId', { forumId })
      .andWhere('a.status = :status', { status: 'confirmed' })
      .andWhere('a.badgeRevoked = :revoked', { revoked: false });
    if (role) query.andWhere('a.role = :role', { role });
    return query;
  }
}
