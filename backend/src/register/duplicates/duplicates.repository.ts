import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Tx } from '../../database/transactions';
import { Member } from '../member.entity';
import type { MemberStatus } from '../register.constants';

export interface DuplicateCandidates {
  emails: string[];
  /** Numbers in the phone column, or in the WhatsApp column of the members in whatsappHolderIds. */
  phones: string[];
  whatsappHolderIds: string[];
}

const summaryColumns = [
  'id',
  'firstName',
  'lastName',
  'email',
  'phone',
  'whatsapp',
  'countryCode',
  'region',
  'city',
  'source',
  'status',
  'createdAt',
  'updatedAt',
] as const;

/** The columns a duplicates list shows; enough to tell two records apart. */
export type DuplicateMember = Pick<Member, (typeof summaryColumns)[number]>;

const CHUNK = 500;
const liveStatuses: MemberStatus[] = ['active', 'pending_confirmation'];

/** Read and write queries for finding and merging duplicate members. */
@Injectable()
export class DuplicatesRepository {
  constructor(@InjectDataSource() private readonly manager: DataSource | EntityManager) {}

  withTx(tx: Tx): DuplicatesRepository {
    return new DuplicatesRepository(tx.manager);
  }

  /**
   * Emails and phone numbers that may be held by more than one live member, and the members holding
   * a shared number in their WhatsApp column only. Built for a large register: emails and phones are
   * grouped on their indexes alone (index-only scans; records no longer live are weeded out when the
   * holders are loaded), and the one full scan reads only members whose WhatsApp number differs from
   * their phone (most people's WhatsApp is their phone, so these are few).
   */
  async candidates(countries: string[] | null): Promise<DuplicateCandidates> {
    if (countries && !countries.length) return { emails: [], phones: [], whatsappHolderIds: [] };
    const [emails, phones, separateWhatsapp] = await Promise.all([
      this.manager.query(`SELECT email AS value FROM members WHERE email IS NOT NULL GROUP BY email HAVING COUNT(*) > 1`),
      this.manager.query(`SELECT phone AS value FROM members WHERE phone IS NOT NULL GROUP BY phone HAVING COUNT(*) > 1`),
      this.live(countries)
        .select(['m.id', 'm.whatsapp'])
        .andWhere('m.whatsapp IS NOT NULL')
        .andWhere('(m.phone IS NULL OR m.phone <> m.whatsapp)')
        .getMany(),
    ]);
    const holders = new Map<string, string[]>();
    for (const m of separateWhatsapp) holders.set(m.whatsapp!, [...(holders.get(m.whatsapp!) ?? []), m.id]);
    const shared = new Set<string>((phones as { value: string }[]).map((r) => r.value));
    for (const [value, ids] of holders) if (ids.length > 1) shared.add(value);
    // A WhatsApp number that is someone else's phone: look the numbers up on the phone index.
    const lone = [...holders.keys()].filter((value) => !shared.has(value));
    for (let i = 0; i < lone.length; i += CHUNK) {
      const rows = await this.manager
        .getRepository(Member)
        .createQueryBuilder('m')
        .select('DISTINCT m.phone', 'phone')
        .where('m.phone IN (:...numbers)', { numbers: lone.slice(i, i + CHUNK) })
        .getRawMany<{ phone: string }>();
      for (const row of rows) shared.add(row.phone);
    }
    return {
      emails: (emails as { value: string }[]).map((r) => r.value),
      phones: [...shared],
      whatsappHolderIds: [...holders].filter(([value]) => shared.has(value)).flatMap(([, ids]) => ids),
    };
  }

  /** Live members (in these countries) holding these emails or phone numbers, or with these ids. */
  async holding(candidates: DuplicateCandidates, countries: string[] | null): Promise<DuplicateMember[]> {
    const found = new Map<string, DuplicateMember>();
    const lookups: [string, string[]][] = [
      ['m.email', candidates.emails],
      ['m.phone', candidates.phones],
      ['m.id', candidates.whatsappHolderIds],
    ];
    for (const [column, values] of lookups) {
      for (let i = 0; i < values.length; i += CHUNK) {
        const rows = await this.live(countries)
          .select(summaryColumns.map((c) => `m.${c}`))
          .andWhere(`${column} IN (:...values)`, { values: values.slice(i, i + CHUNK) })
          .getMany();
        for (const m of rows) found.set(m.id, m);
      }
    }
    return [...found.values()];
  }

  /** Ids of the records merged into this one (their history belongs to it). */
  async mergedInto(memberId: string): Promise<string[]> {
    const rows = await this.manager
      .getRepository(Member)
      .find({ select: { id: true }, where: { mergedIntoId: memberId, status: 'merged' } });
    return rows.map((r) => r.id);
  }

  private live(countries: string[] | null): SelectQueryBuilder<Member> {
    const qb = this.manager.getRepository(Member).createQueryBuilder('m').where('m.status IN (:...live)', { live: liveStatuses });
    return countries ? qb.andWhere('m.countryCode IN (:...countries)', { countries }) : qb;
  }

  /** Marks a member merged into another, and points records merged into it earlier at the kept one. */
  async markMerged(memberId: string, intoId: string): Promise<void> {
    const repo = this.manager.getRepository(Member);
    await repo.update({ id: memberId }, { status: 'merged', mergedIntoId: intoId });
    await repo.update({ mergedIntoId: memberId, status: 'merged' }, { mergedIntoId: intoId });
  }
}
