import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Tx } from '../database/transactions';
import { Campaign } from './campaign.entity';

@Injectable()
export class CampaignRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(tx?: Tx) {
    return (tx?.manager ?? this.dataSource.manager).getRepository(Campaign);
  }

  create(fields: Partial<Campaign>): Promise<Campaign> {
    const repo = this.repo();
    return repo.save(repo.create(fields));
  }

  findById(id: string): Promise<Campaign | null> {
    return this.repo().findOneBy({ id });
  }

  listForForum(forumId: string): Promise<Campaign[]> {
    return this.repo().find({ where: { forumId }, order: { createdAt: 'DESC' } });
  }

  save(campaign: Campaign, tx?: Tx): Promise<Campaign> {
    return this.repo(tx).save(campaign);
  }

  /** Draft → sending in one conditional update; false when another send has it (or it was sent). */
  async claimForSending(id: string, scheduledAt: Date | null): Promise<boolean> {
    const result = await this.repo().update({ id, status: 'draft' }, { status: 'sending', scheduledAt });
    return (result.affected ?? 0) === 1;
  }

  releaseClaim(id: string): Promise<unknown> {
    return this.repo().update({ id, status: 'sending' }, { status: 'draft' });
  }

  /** Adds to the campaign's counts in the same transaction as the invitations they count. */
  async addCounts(id: string, invited: number, skipped: Record<string, number>, tx: Tx): Promise<void> {
    const campaign = await this.repo(tx).findOneByOrFail({ id });
    campaign.invitedCount += invited;
    const merged = { ...(campaign.skipped ?? {}) };
    for (const [reason, n] of Object.entries(skipped)) merged[reason] = (merged[reason] ?? 0) + n;
    campaign.skipped = merged;
    await this.repo(tx).save(campaign);
  }
}
