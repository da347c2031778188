import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Not, Repository } from 'typeorm';
import type { Tx } from '../database/transactions';
import { Forum, type ForumStatus } from './forum.entity';

export type NewForum = Omit<Forum, 'id' | 'createdAt' | 'updatedAt' | 'placesTaken' | 'lastBadgeNumber'>;

@Injectable()
export class ForumRepository {
  constructor(@InjectRepository(Forum) private readonly forums: Repository<Forum>) {}

  list(): Promise<Forum[]> {
    return this.forums.find({ order: { startDate: 'DESC', name: 'ASC' } });
  }

  findById(id: string): Promise<Forum | null> {
    return this.forums.findOneBy({ id });
  }

  async slugTaken(slug: string, exceptId?: string): Promise<boolean> {
    return (await this.forums.countBy(exceptId ? { slug, id: Not(exceptId) } : { slug })) > 0;
  }

  findOtherWithStatus(status: ForumStatus, exceptId?: string): Promise<Forum | null> {
    return this.forums.findOneBy(exceptId ? { status, id: Not(exceptId) } : { status });
  }

  create(forum: NewForum): Promise<Forum> {
    return this.forums.save(this.forums.create(forum));
  }

  save(forum: Forum): Promise<Forum> {
    return this.forums.save(forum);
  }

  /**
   * Takes one place if one is free and hands out the next badge number, in one conditional
   * UPDATE: however many people accept at the same moment, the database lets exactly as many
   * through as there are places. Returns the badge number, or null when the forum is full.
   */
  async takePlace(forumId: string, tx: Tx): Promise<number | null> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(Forum)
      .set({ placesTaken: () => 'placesTaken + 1', lastBadgeNumber: () => 'lastBadgeNumber + 1' })
      .where('id = :forumId AND placesTaken < capacity', { forumId })
      .execute();
    if (!result.affected) return null;
    return this.lastBadgeNumber(forumId, tx);
  }

  /**
   * Hands out the forum's next badge number without taking a place (hand-added attendees, walk-ins),
   * in one UPDATE whose row lock lasts until the transaction ends. null when the forum does not exist.
   */
  async nextBadgeNumber(forumId: string, tx?: Tx): Promise<number | null> {
    const next = async (t: Tx): Promise<number | null> => {
      const result = await t.manager
        .createQueryBuilder()
        .update(Forum)
        .set({ lastBadgeNumber: () => 'lastBadgeNumber + 1' })
        .where('id = :forumId', { forumId })
        .execute();
      return result.affected ? this.lastBadgeNumber(forumId, t) : null;
    };
    return tx ? next(tx) : this.forums.manager.transaction((manager) => next({ manager }));
  }

  async releasePlace(forumId: string, tx: Tx): Promise<void> {
    await tx.manager
      .createQueryBuilder()
      .update(Forum)
      .set({ placesTaken: () => 'placesTaken - 1' })
      .where('id = :forumId AND placesTaken > 0', { forumId })
      .execute();
  }

  private async lastBadgeNumber(forumId: string, tx: Tx): Promise<number> {
    // Read inside the same transaction: the UPDATE above still holds this row's lock.
    const row = await tx.manager
      .getRepository(Forum)
      .findOne({ where: { id: forumId }, select: { id: true, lastBadgeNumber: true } });
    return row!.lastBadgeNumber;
  }

  async remove(forum: Forum): Promise<void> {
    await this.forums.remove(forum);
  }
}
