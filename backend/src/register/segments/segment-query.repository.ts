import type { MemberSort } from '@diaspora-forum/lists';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { MemberSector } from '../member-sector.entity';
import { Member } from '../member.entity';
import { sectors as sectorOrder } from '../register.constants';
import { defaultSegmentStatuses, type SegmentFilter } from './segment-filter';

export { type MemberSort, memberSorts } from '@diaspora-forum/lists';
export type SortDirection = 'asc' | 'desc';

// Every ordering ends with the id, so pages never repeat or skip members that tie.
const sortColumns: Record<MemberSort, string[]> = {
  name: ['m.lastName', 'm.firstName'],
  country: ['m.countryCode', 'm.region', 'm.lastName', 'm.firstName'],
  region: ['m.region', 'm.lastName', 'm.firstName'],
  createdAt: ['m.createdAt'],
};

const textColumns = ['firstName', 'lastName', 'email', 'phone', 'whatsapp', 'city', 'occupation'] as const;
const phoneLike = /^[+\d\s().-]+$/;

/** LIKE pattern for "contains": '!' escapes the wildcards on both SQLite and MySQL. */
const contains = (word: string) => `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/**
 * Turns a segment filter into SQL. The filter arrives already narrowed to what the caller may see
 * (see SegmentQueryService); this class knows only tables and columns.
 */
@Injectable()
export class SegmentQueryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async count(filter: SegmentFilter): Promise<number> {
    const row = await this.filtered(filter).select('COUNT(*)', 'total').getRawOne<{ total: string | number }>();
    return Number(row?.total ?? 0);
  }

  async page(
    filter: SegmentFilter,
    options: { offset: number; limit: number; sort: MemberSort; direction: SortDirection },
  ): Promise<Member[]> {
    const qb = this.filtered(filter);
    // MariaDB/MySQL tends to walk the name index and filter thousands of rows; for one country and
    // one region sorted by name, the segment index gives the page directly.
    if (
      options.sort === 'name' &&
      filter.countries?.length === 1 &&
      filter.regions?.length === 1 &&
      this.dataSource.options.type !== 'better-sqlite3'
    ) {
      qb.useIndex('IDX_members_segment_page');
    }
    const order = options.direction === 'desc' ? 'DESC' : 'ASC';
    for (const column of [...sortColumns[options.sort], 'm.id']) qb.addOrderBy(column, order);
    return this.withSectors(await qb.offset(options.offset).limit(options.limit).getMany());
  }

  /** Up to `limit` members after `afterId` in id order: keyset pagination that stays fast at any depth. */
  async after(filter: SegmentFilter, afterId: string | null, limit: number): Promise<Member[]> {
    const qb = this.filtered(filter);
    if (afterId !== null) qb.andWhere('m.id > :afterId', { afterId });
    return this.withSectors(await qb.orderBy('m.id', 'ASC').limit(limit).getMany());
  }

  private filtered(filter: SegmentFilter): SelectQueryBuilder<Member> {
    const qb = this.dataSource.getRepository(Member).createQueryBuilder('m');
    qb.where('m.status IN (:...statuses)', { statuses: filter.statuses?.length ? filter.statuses : defaultSegmentStatuses });
    const lists = [
      ['countryCode', filter.countries],
      ['region', filter.regions],
      ['preferredChannel', filter.channels],
      ['preferredLanguage', filter.languages],
      ['source', filter.sources],
    ] as const;
    for (const [column, values] of lists) {
      if (values?.length) qb.andWhere(`m.${column} IN (:...${column}List)`, { [`${column}List`]: values });
    }
    if (filter.sectors?.length) {
      const sub = qb
        .subQuery()
        .select('1')
        .from(MemberSector, 'ms')
        .where('ms.memberId = m.id')
        .andWhere('ms.sector IN (:...sectorList)')
        .getQuery();
      qb.andWhere(`EXISTS ${sub}`, { sectorList: filter.sectors });
    }
    if (filter.consentInvitations !== undefined) qb.andWhere('m.consentInvitations = :ci', { ci: filter.consentInvitations });
    if (filter.consentUpdates !== undefined) qb.andWhere('m.consentUpdates = :cu', { cu: filter.consentUpdates });
    if (filter.hasEmail !== undefined) qb.andWhere(filter.hasEmail ? 'm.email IS NOT NULL' : 'm.email IS NULL');
    if (filter.hasPhone !== undefined) {
      qb.andWhere(
        filter.hasPhone ? '(m.phone IS NOT NULL OR m.whatsapp IS NOT NULL)' : '(m.phone IS NULL AND m.whatsapp IS NULL)',
      );
    }
    if (filter.text) this.matchText(qb, filter.text);
    return qb;
  }

  /**
   * A phone number typed any way ("082 123 4567", "+27 82-123-4567") is matched on its digits
   * without the trunk zero, against the stored E.164 numbers. Otherwise every word must appear
   * somewhere (names, email, phones, city, occupation); the collation decides case and accents.
   */
  private matchText(qb: SelectQueryBuilder<Member>, text: string): void {
    const digits = text.replace(/\D/g, '').replace(/^0+/, '');
    if (phoneLike.test(text) && digits.length >= 4) {
      const pattern = contains(digits);
      qb.andWhere("(m.phone LIKE :phoneText ESCAPE '!' OR m.whatsapp LIKE :phoneText ESCAPE '!')", {
        phoneText: pattern,
      });
      return;
    }
    const words = [...new Set(text.split(/\s+/).filter(Boolean))].slice(0, 6);
    words.forEach((word, i) => {
      qb.andWhere(
        new Brackets((anyColumn) => {
          for (const column of textColumns) anyColumn.orWhere(`m.${column} LIKE :word${i} ESCAPE '!'`);
        }),
        { [`word${i}`]: contains(word) },
      );
    });
  }

  /** Loads the sectors of a page of members in one query (by primary key) and attaches them. */
  private async withSectors(members: Member[]): Promise<Member[]> {
    if (!members.length) return members;
    const rows = await this.dataSource.getRepository(MemberSector).find({
      select: { memberId: true, sector: true },
      where: { memberId: In(members.map((m) => m.id)) },
    });
    const byMember = new Map<string, MemberSector[]>();
    for (const row of rows) byMember.set(row.memberId, [...(byMember.get(row.memberId) ?? []), row]);
    for (const member of members) {
      member.sectors = (byMember.get(member.id) ?? []).sort(
        (a, b) => sectorOrder.indexOf(a.sector) - sectorOrder.indexOf(b.sector),
      );
    }
    return members;
  }
}
