import type { InviteeState } from '@diaspora-forum/lists';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In, IsNull, LessThan, type SelectQueryBuilder } from 'typeorm';
import type { Tx } from '../database/transactions';
import { Invitation } from './invitation.entity';
import { InvitationToken } from './invitation-token.entity';

export { type InviteeState, inviteeStates } from '@diaspora-forum/lists';

export interface InviteeRow {
  invitation: Invitation;
  firstName: string;
  lastName: string;
  email: string | null;
  countryCode: string;
  messageState: string | null;
  messageError: string | null;
}

/**
 * Invitations and their personal links. Two pages read beyond them, as read-only joins by table name
 * (docs/ARCHITECTURE.md, "Reads across walls"): the invitee list sorts and pages by the register's
 * names and filters by the outbox's delivery state in one query. Nothing here writes those tables.
 */
@Injectable()
export class InvitationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(tx?: Tx) {
    return (tx?.manager ?? this.dataSource.manager).getRepository(Invitation);
  }

  create(fields: Partial<Invitation>): Invitation {
    return this.repo().create(fields);
  }

  /**
   * Without updateEntity(false) TypeORM reads the new rows back and copies them onto the objects by
   * position, which can pair an invitation object with another row; the callers go on to use the ids.
   */
  async insert(invitations: Invitation[], tx: Tx): Promise<void> {
    if (invitations.length) await this.repo(tx).createQueryBuilder().insert().values(invitations).updateEntity(false).execute();
  }

  async save(invitation: Invitation, tx?: Tx): Promise<Invitation> {
    return this.repo(tx).save(invitation);
  }

  findById(id: string): Promise<Invitation | null> {
    return this.repo().findOneBy({ id });
  }

  /** The invitation a link opens, if the link and the invitation are both still valid. */
  async findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    const token = await this.dataSource.getRepository(InvitationToken).findOneBy({ tokenHash, revokedAt: IsNull() });
    return token ? this.repo().findOneBy({ id: token.invitationId, revokedAt: IsNull() }) : null;
  }

  async addTokens(tokens: Pick<InvitationToken, 'invitationId' | 'tokenHash'>[], tx?: Tx): Promise<void> {
    const repo = (tx?.manager ?? this.dataSource.manager).getRepository(InvitationToken);
    if (tokens.length) await repo.insert(tokens.map((t) => repo.create({ ...t, revokedAt: null })));
  }

  /**
   * Withdraws a scheduled campaign's invitations before their emails went out: they and their links
   * are deleted (nobody could have used them), so those members can be invited again. Their message keys.
   */
  async removeUnsentForCampaign(campaignId: string, tx: Tx): Promise<string[]> {
    const rows = await tx.manager
      .getRepository(Invitation)
      .find({ where: { campaignId, response: IsNull(), openedAt: IsNull() } });
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    await tx.manager.getRepository(InvitationToken).delete({ invitationId: In(ids) });
    await tx.manager.getRepository(Invitation).delete({ id: In(ids) });
    return rows.flatMap((r) => (r.messageKey ? [r.messageKey] : []));
  }

  async revokeTokens(invitationId: string, at: Date, tx: Tx): Promise<void> {
    await tx.manager.getRepository(InvitationToken).update({ invitationId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Locks the invitation row for the rest of the transaction, so two answers at once are applied one after the other. */
  async lock(id: string, tx: Tx): Promise<Invitation | null> {
    const query = tx.manager.getRepository(Invitation).createQueryBuilder('i').where('i.id = :id', { id });
    if (this.dataSource.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
    return query.getOne();
  }

  async invitedMemberIds(forumId: string, memberIds: string[]): Promise<Set<string>> {
    if (!memberIds.length) return new Set();
    const rows = await this.repo().find({ where: { forumId, memberId: In(memberIds) }, select: { memberId: true } });
    return new Set(rows.map((r) => r.memberId));
  }

  /** The first invitee waiting for a place (accepted while the forum was full), locked, or null. */
  async firstWaiting(forumId: string, tx: Tx): Promise<Invitation | null> {
    const query = tx.manager
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .where('i.forumId = :forumId AND i.waitlistedAt IS NOT NULL AND i.revokedAt IS NULL', { forumId })
      .orderBy('i.waitlistedAt', 'ASC')
      .limit(1);
    if (this.dataSource.options.type !== 'better-sqlite3') query.setLock('pessimistic_write').setOnLocked('skip_locked');
    return query.getOne();
  }

  async waitingPosition(invitation: Invitation, tx?: Tx): Promise<number> {
    return await this.repo(tx)
      .createQueryBuilder('i')
      .where('i.forumId = :forumId AND i.waitlistedAt IS NOT NULL AND i.revokedAt IS NULL AND i.waitlistedAt <= :at', {
        forumId: invitation.forumId,
        at: invitation.waitlistedAt,
      })
      .getCount();
  }

  /** Invitees of a campaign who have not answered and were not reminded within the interval. */
  dueForReminder(campaignId: string, before: Date): Promise<Invitation[]> {
    return this.repo().find({
      where: [
        { campaignId, response: IsNull(), revokedAt: IsNull(), lastRemindedAt: IsNull(), createdAt: LessThan(before) },
        { campaignId, response: IsNull(), revokedAt: IsNull(), lastRemindedAt: LessThan(before) },
      ],
    });
  }

  /** Delivery of a campaign: invitations by the state of their latest email. */
  async messageStates(campaignId: string): Promise<Record<string, number>> {
    const rows: { state: string | null; n: string | number }[] = await this.repo()
      .createQueryBuilder('i')
      .leftJoin('messages', 'm', 'm.idempotencyKey = i.messageKey')
      .select('m.state', 'state')
      .addSelect('COUNT(*)', 'n')
      .where('i.campaignId = :campaignId AND i.revokedAt IS NULL', { campaignId })
      .groupBy('m.state')
      .getRawMany();
    return Object.fromEntries(rows.map((r) => [r.state ?? 'none', Number(r.n)]));
  }

  async responses(campaignId: string): Promise<Record<string, number>> {
    const rows: { response: string | null; waiting: number | string; n: string | number }[] = await this.repo()
      .createQueryBuilder('i')
      .select('i.response', 'response')
      .addSelect('CASE WHEN i.waitlistedAt IS NULL THEN 0 ELSE 1 END', 'waiting')
      .addSelect('COUNT(*)', 'n')
      .where('i.campaignId = :campaignId AND i.revokedAt IS NULL', { campaignId })
      .groupBy('i.response')
      .addGroupBy('waiting')
      .getRawMany();
    const out: Record<string, number> = {};
    for (const r of rows) {
      const key = r.response === 'accepted' && Number(r.waiting) ? 'waitlisted' : (r.response ?? 'none');
      out[key] = (out[key] ?? 0) + Number(r.n);
    }
    return out;
  }

  /** The invitees of a campaign with their member and delivery, filtered by their state. */
  async list(
    campaignId: string,
    state: InviteeState | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ items: InviteeRow[]; total: number }> {
    const query = this.repo()
      .createQueryBuilder('i')
      .innerJoin('members', 'mb', 'mb.id = i.memberId')
      .leftJoin('messages', 'm', 'm.idempotencyKey = i.messageKey')
      .addSelect([
        'mb.firstName AS firstName',
        'mb.lastName AS lastName',
        'mb.email AS email',
        'mb.countryCode AS countryCode',
        'm.state AS messageState',
        'm.lastError AS messageError',
      ])
      .where('i.campaignId = :campaignId', { campaignId });
    filterByState(query, state);
    const total = await query.getCount();
    const { entities, raw } = await query
      .orderBy('mb.lastName', 'ASC')
      .addOrderBy('mb.firstName', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawAndEntities();
    return {
      total,
      items: entities.map((invitation, i) => {
        const r = raw[i] as Record<string, string | null>;
        return {
          invitation,
          firstName: r.firstName!,
          lastName: r.lastName!,
          email: r.email,
          countryCode: r.countryCode!,
          messageState: r.messageState,
          messageError: r.messageError,
        };
      }),
    };
  }
}

function filterByState(query: SelectQueryBuilder<Invitation>, state: InviteeState | undefined): void {
  switch (state) {
    case 'revoked':
      query.andWhere('i.revokedAt IS NOT NULL');
      return;
    case 'responded':
      query.andWhere('i.revokedAt IS NULL AND i.response IS NOT NULL');
      return;
    case 'opened':
      query.andWhere('i.revokedAt IS NULL AND i.response IS NULL AND i.openedAt IS NOT NULL');
      return;
    case 'failed':
      query.andWhere("i.revokedAt IS NULL AND m.state = 'failed'");
      return;
    case 'delivered':
      query.andWhere("i.revokedAt IS NULL AND i.response IS NULL AND i.openedAt IS NULL AND m.state = 'sent'");
      return;
    case 'invited':
      query.andWhere(
        "i.revokedAt IS NULL AND i.response IS NULL AND i.openedAt IS NULL AND (m.state IS NULL OR m.state IN ('queued', 'sending', 'held'))",
      );
      return;
  }
}
