import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { Transactions } from '../../database/transactions';
import { AuditTrail } from '../../logging/audit/audit-trail';
import { MemberDataHolders } from '../member-data-holders';
import type { MemberEvent } from '../member-event.entity';
import { normaliseMember } from '../member-input';
import type { Member } from '../member.entity';
import { MemberRepository } from '../member.repository';
import { countriesVisibleTo } from '../register-scope';
import { actorOf, RegisterService } from '../register.service';
import { type DuplicateGroup, groupDuplicates } from './duplicate-groups';
import { DuplicatesRepository } from './duplicates.repository';
import { bestChoices, chosenConsent, chosenInput, type MergeChoices, type MergeField, mergeFields } from './merge-choices';

export interface DuplicatePage {
  total: number;
  page: number;
  pageSize: number;
  groups: DuplicateGroup[];
}

export interface MergeComparison {
  members: [Member, Member];
  /** The record suggested to keep: the one added first (links and invitations usually point at it). */
  suggestedKeepId: string;
  suggested: MergeChoices;
}

export interface MergeRequest {
  keepId: string;
  mergeId: string;
  /** Per field, the id of the member whose value to keep; the best value for fields left out. */
  fields?: Partial<Record<MergeField, string>>;
}

/** Finds members who are probably the same person, and merges two records into one keeping both histories. */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly repo: DuplicatesRepository,
    private readonly register: RegisterService,
    private readonly members: MemberRepository,
    private readonly holders: MemberDataHolders,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /** Groups of live members sharing an email or phone (within a registrar's countries), a page at a time. */
  async groups(user: AuthUser, page = 1, pageSize = 20): Promise<DuplicatePage> {
    const countries = countriesVisibleTo(user);
    const candidates = await this.repo.candidates(countries);
    const holders = await this.repo.holding(candidates, countries);
    const groups = groupDuplicates(holders, candidates.emails, candidates.phones);
    return { total: groups.length, page, pageSize, groups: groups.slice((page - 1) * pageSize, page * pageSize) };
  }

  /** Two records side by side with the suggested value per field. */
  async compare(user: AuthUser, firstId: string, secondId: string): Promise<MergeComparison> {
    const [first, second] = await this.pair(user, firstId, secondId);
    const [older, newer] = first.createdAt.getTime() <= second.createdAt.getTime() ? [first, second] : [second, first];
    return { members: [first, second], suggestedKeepId: older.id, suggested: bestChoices(older, newer) };
  }

  /**
   * Merges one record into another in one transaction: the kept record takes the chosen values and
   * the union of sectors; the other is marked merged (never deleted) and points at the kept one; its
   * data other modules hold about it (the outreach log) moves over; both histories record the merge.
   */
  async merge(user: AuthUser, request: MergeRequest): Promise<{ kept: Member; history: MemberEvent[] }> {
    const [keep, other] = await this.pair(user, request.keepId, request.mergeId);
    const choices = this.choices(keep, other, request.fields ?? {});
    const input = chosenInput(choices, [keep, other]);
    const normalised = normaliseMember(input);
    if (normalised.errors) throw DomainError.validation(normalised.errors, 'The chosen values do not make a valid record');
    const values = normalised.member;
    const consent = chosenConsent(choices, [keep, other]);
    const fromOther = mergeFields.filter((f) => choices[f] === other.id);
    const now = this.clock.now();

    await this.transactions.run(async (tx) => {
      const members = this.members.withTx(tx);
      // Re-read inside the transaction: another merge may have taken one of them meanwhile.
      for (const id of [keep.id, other.id]) {
        const fresh = await members.findById(id);
        if (!fresh || (fresh.status !== 'active' && fresh.status !== 'pending_confirmation')) {
          throw DomainError.conflict('One of these records was merged or erased meanwhile; reload and try again');
        }
      }
      const { sectors, ...fields } = values;
      // A confirmed (active) record stays confirmed after the merge.
      const status = keep.status === 'active' || other.status === 'active' ? 'active' : keep.status;
      await members.save(Object.assign(keep, fields, consent, { status }), sectors);
      await this.repo.withTx(tx).markMerged(other.id, keep.id);
      const moved: Record<string, number> = {};
      for (const holder of this.holders.all()) {
        if (holder.reassign) moved[`${holder.key}Moved`] = await holder.reassign(tx, other.id, keep.id);
      }
      const actor = actorOf(user);
      await members.addEvents([
        {
          memberId: keep.id,
          kind: 'merged',
          actor,
          details: {
            mergedId: other.id,
            mergedName: `${other.firstName} ${other.lastName}`,
            fieldsFromMerged: fromOther,
            ...moved,
          },
          at: now,
        },
        {
          memberId: other.id,
          kind: 'merged',
          actor,
          details: { mergedIntoId: keep.id, mergedIntoName: `${keep.firstName} ${keep.lastName}` },
          at: now,
        },
      ]);
      const movedSummary = this.holders
        .all()
        .map((h) => `; ${moved[`${h.key}Moved`]} ${h.key} moved`)
        .join('');
      await this.audit.record(
        {
          action: 'member.merged',
          actor: user,
          target: { type: 'member', id: keep.id },
          summary: `merged ${other.id} into ${keep.id}${movedSummary}`,
        },
        tx,
      );
    });
    return { kept: (await this.members.findById(keep.id))!, history: await this.history(user, keep.id) };
  }

  /** A member's history with the history of every record merged into it, newest first. */
  async history(user: AuthUser, memberId: string): Promise<MemberEvent[]> {
    const member = await this.register.getVisible(user, memberId);
    return this.members.events([member.id, ...(await this.repo.mergedInto(member.id))]);
  }

  private async pair(user: AuthUser, firstId: string, secondId: string): Promise<[Member, Member]> {
    if (firstId === secondId) throw DomainError.validation({ mergeId: ['choose two different records'] });
    // 404 for members a registrar may not see (outside their countries) or that were erased.
    const pair = [await this.register.getVisible(user, firstId), await this.register.getVisible(user, secondId)] as [
      Member,
      Member,
    ];
    for (const member of pair) {
      if (member.status === 'merged') {
        throw DomainError.conflict(`${member.firstName} ${member.lastName} was already merged into another record`, {
          mergedIntoId: member.mergedIntoId ? [member.mergedIntoId] : [],
        });
      }
    }
    return pair;
  }

  private choices(keep: Member, other: Member, asked: Partial<Record<MergeField, string>>): MergeChoices {
    const choices = bestChoices(keep, other);
    const wrong: Record<string, string[]> = {};
    for (const [field, id] of Object.entries(asked) as [MergeField, string | undefined][]) {
      if (id === undefined) continue;
      if (id !== keep.id && id !== other.id) wrong[`fields.${field}`] = ['must be the id of one of the two records'];
      else choices[field] = id;
    }
    if (Object.keys(wrong).length) throw DomainError.validation(wrong);
    return choices;
  }
}
