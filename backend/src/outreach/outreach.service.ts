import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { UsersService } from '../auth/users.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { type Tx, Transactions } from '../database/transactions';
import { type MemberDataHolder, HoldsMemberData, type MemberDataSubject } from '../register/member-data-holders';
import type { OutreachOutcome } from '../register/register.constants';
import { actorOf, type Member, RegisterService } from '../register/register.service';
import type { OutreachChannel } from './outreach.constants';
import type { OutreachLog } from './outreach-log.entity';
import { OutreachRepository } from './outreach.repository';

export type OutreachLogWithStaff = OutreachLog & { staffName: string | null };

export interface OutreachInput {
  channel: OutreachChannel;
  outcome: OutreachOutcome;
  note?: string | null;
  contactedAt?: string;
}

/** Clocks drift between a consultant's phone and the server; a little of the future is allowed. */
const FUTURE_SKEW_MS = 5 * 60_000;
const EARLIEST = Date.UTC(2000, 0, 1);

/**
 * The outreach log: who tried to reach which member, how, and what came of it. It holds data about
 * members, so the register's merge, export and erasure reach it through this service (MemberDataHolder).
 */
@Injectable()
@HoldsMemberData()
export class OutreachService implements MemberDataHolder {
  readonly key = 'outreach';

  constructor(
    private readonly register: RegisterService,
    private readonly users: UsersService,
    private readonly logs: OutreachRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** The member (404 outside a registrar's countries) and their attempts, newest first. */
  async forMember(user: AuthUser, memberId: string): Promise<{ member: Member; attempts: OutreachLogWithStaff[] }> {
    const member = await this.register.getVisible(user, memberId);
    const logs = await this.logs.listForMember(member.id);
    const names = await this.users.namesByIds(logs.map((l) => l.staffUserId));
    return { member, attempts: logs.map((log) => Object.assign(log, { staffName: names.get(log.staffUserId) ?? null })) };
  }

  /** Logs an attempt and records it in the member's history, in one transaction. */
  async add(user: AuthUser, memberId: string, input: OutreachInput): Promise<OutreachLogWithStaff> {
    const member = await this.register.getVisible(user, memberId);
    if (member.status === 'merged') {
      throw DomainError.conflict('This record was merged into another; log the attempt on the kept record', {
        mergedIntoId: member.mergedIntoId ? [member.mergedIntoId] : [],
      });
    }
    const now = this.clock.now();
    const contactedAt = input.contactedAt ? new Date(input.contactedAt) : now;
    if (contactedAt.getTime() > now.getTime() + FUTURE_SKEW_MS) {
      throw DomainError.validation({ contactedAt: ['cannot be in the future'] });
    }
    if (contactedAt.getTime() < EARLIEST) throw DomainError.validation({ contactedAt: ['too far in the past'] });
    const note = input.note?.trim() || null;
    const log = await this.transactions.run(async (tx) => {
      const created = await this.logs.withTx(tx).insert({
        memberId: member.id,
        channel: input.channel,
        outcome: input.outcome,
        note,
        staffUserId: user.id,
        contactedAt,
      });
      await this.register.recordEvent(tx, {
        memberId: member.id,
        kind: 'outreach',
        actor: actorOf(user),
        details: { outreachId: created.id, channel: created.channel, outcome: created.outcome },
        at: now,
      });
      return created;
    });
    return Object.assign(log, { staffName: user.name });
  }

  /** Moves a merged member's attempts to the kept member, inside the merge's transaction. */
  reassign(tx: Tx, fromMemberId: string, toMemberId: string): Promise<number> {
    return this.logs.withTx(tx).reassign(fromMemberId, toMemberId);
  }

  /** A member's attempts for their copy of their data, newest first. */
  async exportFor(
    subject: MemberDataSubject,
    tx?: Tx,
  ): Promise<{ at: string; channel: OutreachChannel; outcome: OutreachOutcome; note: string | null }[]> {
    const logs = await (tx ? this.logs.withTx(tx) : this.logs).listForMember(subject.id);
    return logs.map((o) => ({ at: o.contactedAt.toISOString(), channel: o.channel, outcome: o.outcome, note: o.note }));
  }

  /** Erasure keeps the attempts (the counts stay right) but not the notes, which may describe the person. */
  erase(tx: Tx, subject: MemberDataSubject): Promise<number> {
    return this.logs.withTx(tx).clearNotes(subject.id);
  }

  /** The latest outcome per member, for call sheets. */
  lastOutcomes(memberIds: string[]): ReturnType<OutreachRepository['lastOutcomes']> {
    return this.logs.lastOutcomes(memberIds);
  }
}
