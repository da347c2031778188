import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, type DataSource, In, IsNull, Not } from 'typeorm';
import type { Tx } from '../database/transactions';
import { Message, type MessageState } from './message.entity';

export type NewMessage = Pick<
  Message,
  | 'recipient'
  | 'memberId'
  | 'forumId'
  | 'template'
  | 'locale'
  | 'data'
  | 'sealedSecrets'
  | 'idempotencyKey'
  | 'state'
  | 'nextAttemptAt'
>;

/** A claimed message with what the worker needs to know about its member at send time. */
export interface ClaimedMessage extends Message {
  memberStatus: string | null;
  memberConsentInvitations: boolean | null;
  memberConsentUpdates: boolean | null;
}

@Injectable()
export class MessageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(tx?: Tx) {
    return (tx?.manager ?? this.dataSource.manager).getRepository(Message);
  }

  /** Inserts unless a message with the same idempotency key exists; true when this call wrote it. */
  async insertIgnoringDuplicates(messages: NewMessage[], tx?: Tx): Promise<number> {
    if (!messages.length) return 0;
    const repo = this.repo(tx);
    const result = await repo
      .createQueryBuilder()
      .insert()
      .values(
        messages.map((m) =>
          repo.create({
            ...m,
            attempts: 0,
            leaseUntil: null,
            leaseToken: null,
            lastError: null,
            smtpMessageId: null,
            sentAt: null,
          }),
        ),
      )
      .orIgnore()
      .updateEntity(false)
      .execute();
    return (
      (result.raw as { affectedRows?: number; changes?: number }).affectedRows ??
      (result.raw as { changes?: number }).changes ??
      messages.length
    );
  }

  /**
   * Claims up to `limit` due messages for one worker's claim `token`: queued ones whose time has
   * come, and "sending" ones whose lease ran out (their worker died or stalled). On MySQL, rows
   * another worker is claiming are skipped (FOR UPDATE SKIP LOCKED), so two claims never take the
   * same row; a retaken row gets the new token, so the old claim can no longer record it.
   */
  async claim(now: Date, leaseUntil: Date, limit: number, token: string): Promise<ClaimedMessage[]> {
    const isMysql = this.dataSource.options.type !== 'better-sqlite3';
    const ids = await this.dataSource.transaction(async (manager) => {
      const query = manager
        .getRepository(Message)
        .createQueryBuilder('m')
        .select('m.id', 'id')
        .where(
          new Brackets((w) =>
            w
              .where('m.state = :queued AND m.nextAttemptAt <= :now', { queued: 'queued', now })
              .orWhere('m.state = :sending AND m.leaseUntil < :now', { sending: 'sending' }),
          ),
        )
        .orderBy('m.nextAttemptAt', 'ASC')
        .limit(limit);
      // SQLite has one writer at a time and no row locks; the transaction alone serialises claims.
      if (isMysql) query.setLock('pessimistic_write').setOnLocked('skip_locked');
      const rows: { id: string }[] = await query.getRawMany();
      if (!rows.length) return [];
      const claimed = rows.map((r) => r.id);
      await manager.getRepository(Message).update({ id: In(claimed) }, { state: 'sending', leaseUntil, leaseToken: token });
      return claimed;
    });
    if (!ids.length) return [];
    const rows = await this.dataSource
      .getRepository(Message)
      .createQueryBuilder('m')
      // Consent and erasure are read from the register at send time, not when the message was queued.
      .leftJoin('members', 'mb', 'mb.id = m.memberId')
      .addSelect([
        'mb.status AS memberStatus',
        'mb.consentInvitations AS memberConsentInvitations',
        'mb.consentUpdates AS memberConsentUpdates',
      ])
      .where({ id: In(ids) })
      .getRawAndEntities();
    return rows.entities.map((message, i) => {
      const raw = rows.raw[i] as Record<string, unknown>;
      const flag = (v: unknown) => (v === null || v === undefined ? null : Boolean(Number(v)));
      return Object.assign(message, {
        memberStatus: (raw.memberStatus as string | null) ?? null,
        memberConsentInvitations: flag(raw.memberConsentInvitations),
        memberConsentUpdates: flag(raw.memberConsentUpdates),
      });
    });
  }

  /**
   * Extends the lease of the claim's messages still sending; the ids it still holds (a message
   * another worker retook after this one stalled past its lease is not among them).
   */
  async renewLease(token: string, leaseUntil: Date): Promise<Set<string>> {
    const owned = { leaseToken: token, state: 'sending' as const };
    await this.repo().update(owned, { leaseUntil });
    return new Set((await this.repo().find({ select: { id: true }, where: owned })).map((m) => m.id));
  }

  /**
   * Marks several of a claim's messages sent in one statement; their Message-ID is the one the
   * worker set, `<id@diaspora-forum>`. A message another claim has taken since is left to it.
   */
  async markSent(ids: string[], at: Date, token: string): Promise<void> {
    if (!ids.length) return;
    const isMysql = this.dataSource.options.type !== 'better-sqlite3';
    await this.repo()
      .createQueryBuilder()
      .update()
      .set({
        state: 'sent',
        sentAt: at,
        // Delivered: the link now lives only in the member's mailbox.
        sealedSecrets: null,
        leaseUntil: null,
        leaseToken: null,
        lastError: null,
        smtpMessageId: () => (isMysql ? "CONCAT('<', id, '@diaspora-forum>')" : "'<' || id || '@diaspora-forum>'"),
      })
      .where({ id: In(ids), leaseToken: token })
      .execute();
  }

  /** Puts a claim's message back in the queue for a later attempt (unless another claim has it now). */
  async markRetry(id: string, token: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
    await this.repo().update(
      { id, leaseToken: token },
      { state: 'queued', attempts, nextAttemptAt, leaseUntil: null, leaseToken: null, lastError: error.slice(0, 1000) },
    );
  }

  /** Ends a claim's message as failed or cancelled (unless another claim has it now). */
  async markFinal(
    id: string,
    token: string,
    state: Extract<MessageState, 'failed' | 'cancelled'>,
    attempts: number,
    error: string,
  ): Promise<void> {
    // A failed message keeps its sealed link, so an organiser's retry still sends a working one.
    await this.repo().update(
      { id, leaseToken: token },
      {
        state,
        attempts,
        leaseUntil: null,
        leaseToken: null,
        lastError: error.slice(0, 1000),
        ...(state === 'cancelled' ? { sealedSecrets: null } : {}),
      },
    );
  }

  /** Rows whose data may still hold a raw link under one of `keys` (see LegacyLinks), a page at a time by id. */
  withUnsealedLinks(keys: string[], afterId: string, limit: number): Promise<Message[]> {
    const query = this.repo()
      .createQueryBuilder('m')
      .where('m.sealedSecrets IS NULL AND m.id > :afterId', { afterId })
      .andWhere(
        new Brackets((w) => {
          keys.forEach((key, i) => w.orWhere(`m.data LIKE :k${i}`, { [`k${i}`]: `%"${key}":"%` }));
        }),
      )
      .orderBy('m.id', 'ASC')
      .limit(limit);
    return query.getMany();
  }

  /** Rewrites a row's data and seal, only while it is still in the state it was read in. */
  async replaceLinks(id: string, state: MessageState, data: Message['data'], sealedSecrets: string | null): Promise<boolean> {
    const result = await this.repo().update({ id, state }, { data, sealedSecrets });
    return (result.affected ?? 0) > 0;
  }

  findById(id: string): Promise<Message | null> {
    return this.repo().findOneBy({ id });
  }

  async list(
    filter: { state?: MessageState; template?: string; memberId?: string },
    page: number,
    pageSize: number,
  ): Promise<{ items: Message[]; total: number }> {
    const where = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    const [items, total] = await this.repo().findAndCount({
      where,
      order: { createdAt: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items, total };
  }

  async countByState(): Promise<Record<string, number>> {
    const rows: { state: string; n: string | number }[] = await this.repo()
      .createQueryBuilder('m')
      .select('m.state', 'state')
      .addSelect('COUNT(*)', 'n')
      .groupBy('m.state')
      .getRawMany();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }

  /** Moves messages from one state to another (retry failed, release held, cancel queued). */
  async transition(ids: string[] | 'all', from: MessageState[], to: MessageState, now: Date): Promise<number> {
    const where = { state: In(from), ...(ids === 'all' ? {} : { id: In(ids) }) };
    const result = await this.repo().update(
      where,
      to === 'queued'
        ? { state: to, nextAttemptAt: now, attempts: 0, leaseUntil: null, leaseToken: null }
        : { state: to, leaseUntil: null, leaseToken: null, ...(to === 'cancelled' ? { sealedSecrets: null } : {}) },
    );
    return result.affected ?? 0;
  }

  /** Every message to a member, newest first (their data export). */
  /** A member's messages: filed under their id, or (not filed under anyone) sent to one of their addresses. */
  forMember(memberId: string, recipients: string[] = [], tx?: Tx): Promise<Message[]> {
    return this.repo(tx).find({
      where: [{ memberId }, ...recipients.map((recipient) => ({ recipient, memberId: IsNull() }))],
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /**
   * Cancels what is still to be sent to the member (by id, or to one of their addresses when the
   * message was not filed under them, e.g. a nominator's acknowledgement) and scrubs every copy:
   * the rows stay, for the counts. How many messages were scrubbed.
   */
  async eraseMember(memberId: string, recipients: string[], tx: Tx): Promise<number> {
    const ids = (await this.forMember(memberId, recipients, tx)).map((m) => m.id);
    return this.scrub(ids, tx);
  }

  /** The same, for messages written to someone else that mention the member (found by their idempotency keys). */
  async eraseByKeys(idempotencyKeys: string[], tx: Tx): Promise<number> {
    if (!idempotencyKeys.length) return 0;
    const rows = await this.repo(tx).find({ where: { idempotencyKey: In(idempotencyKeys) }, select: { id: true } });
    return this.scrub(
      rows.map((m) => m.id),
      tx,
    );
  }

  private async scrub(ids: string[], tx: Tx): Promise<number> {
    if (!ids.length) return 0;
    await this.repo(tx)
      .createQueryBuilder()
      .update()
      .set({ state: 'cancelled', lastError: 'member erased', sealedSecrets: null })
      .where('id IN (:...ids) AND state IN (:...open)', { ids, open: ['queued', 'held', 'failed'] })
      .execute();
    await this.repo(tx).update({ id: In(ids) }, { recipient: 'erased', data: {}, lastError: null, sealedSecrets: null });
    return ids.length;
  }

  /** Cancels the messages with these keys that have not gone out yet; how many. */
  async cancelUnsent(keys: string[], tx: Tx): Promise<number> {
    if (!keys.length) return 0;
    const result = await this.repo(tx)
      .createQueryBuilder()
      .update()
      .set({ state: 'cancelled', lastError: 'campaign cancelled', leaseUntil: null })
      .where('idempotencyKey IN (:...keys) AND state IN (:...open)', { keys, open: ['queued', 'held', 'failed'] })
      .execute();
    return result.affected ?? 0;
  }

  /** A forum's messages still holding their recipient and data (retention's count). */
  countHeldForForum(forumId: string): Promise<number> {
    return this.repo().count({ where: { forumId, recipient: Not(In([ERASED_RECIPIENT, RETAINED_RECIPIENT])) } });
  }

  /** Retention: a forum's unsent messages are cancelled and every one loses its recipient and data; how many changed. */
  async deidentifyForum(forumId: string, tx: Tx): Promise<number> {
    await this.repo(tx)
      .createQueryBuilder()
      .update()
      .set({ state: 'cancelled', lastError: 'retention period over' })
      .where('forumId = :forumId AND state IN (:...open)', { forumId, open: ['queued', 'held', 'failed'] })
      .execute();
    const result = await this.repo(tx).update(
      { forumId, recipient: Not(In([ERASED_RECIPIENT, RETAINED_RECIPIENT])) },
      { recipient: RETAINED_RECIPIENT, data: {}, sealedSecrets: null },
    );
    return result.affected ?? 0;
  }
}

const ERASED_RECIPIENT = 'erased';
/** What a message's recipient reads once retention has removed it. */
const RETAINED_RECIPIENT = 'removed after retention';
