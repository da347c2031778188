import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { Member } from '../member.entity';
import type { MemberStatus } from '../register.constants';
import { RegisterTarget } from '../register-target.entity';

/** Members counted together: one country, one region (SA provinces only), one status. */
export interface RegisterCell {
  countryCode: string;
  /** The province for ZA members; null elsewhere (other regions are free text and not charted). */
  region: string | null;
  status: MemberStatus;
  members: number;
  consentInvitations: number;
  consentUpdates: number;
  withEmail: number;
  withPhone: number;
}

export interface DayCount {
  /** YYYY-MM-DD (UTC) */
  day: string;
  added: number;
}

export const liveStatuses: MemberStatus[] = ['active', 'pending_confirmation'];

/**
 * The dashboard's aggregate queries: every figure comes from a GROUP BY over the members table,
 * never from loading members, so it stays fast on a register of hundreds of thousands.
 */
@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Counts per country, SA province and status, with consent and contact coverage. */
  async cells(countries: string[] | null): Promise<RegisterCell[]> {
    const qb = this.members()
      .select('m.countryCode', 'countryCode')
      .addSelect("CASE WHEN m.countryCode = 'ZA' THEN m.region ELSE NULL END", 'region')
      .addSelect('m.status', 'status')
      .addSelect('COUNT(*)', 'members')
      .addSelect('SUM(CASE WHEN m.consentInvitations = 1 THEN 1 ELSE 0 END)', 'consentInvitations')
      .addSelect('SUM(CASE WHEN m.consentUpdates = 1 THEN 1 ELSE 0 END)', 'consentUpdates')
      .addSelect('SUM(CASE WHEN m.email IS NOT NULL THEN 1 ELSE 0 END)', 'withEmail')
      .addSelect('SUM(CASE WHEN m.phone IS NOT NULL OR m.whatsapp IS NOT NULL THEN 1 ELSE 0 END)', 'withPhone')
      .groupBy('m.countryCode')
      .addGroupBy("CASE WHEN m.countryCode = 'ZA' THEN m.region ELSE NULL END")
      .addGroupBy('m.status');
    const rows = await scoped(qb, countries).getRawMany<Record<keyof RegisterCell, string | number | null>>();
    return rows.map((r) => ({
      countryCode: String(r.countryCode),
      region: r.region === null ? null : String(r.region),
      status: r.status as MemberStatus,
      members: Number(r.members),
      consentInvitations: Number(r.consentInvitations),
      consentUpdates: Number(r.consentUpdates),
      withEmail: Number(r.withEmail),
      withPhone: Number(r.withPhone),
    }));
  }

  /** Live members added per UTC day (the service folds days into weeks). */
  async addedPerDay(countries: string[] | null): Promise<DayCount[]> {
    // CAST(... AS CHAR) gives 'YYYY-MM-DD' text on both MySQL and SQLite (no driver date conversion).
    const day = 'CAST(DATE(m.createdAt) AS CHAR)';
    const qb = this.members()
      .select(day, 'day')
      .addSelect('COUNT(*)', 'added')
      .where('m.status IN (:...live)', { live: liveStatuses })
      .groupBy(day)
      .orderBy(day, 'ASC');
    const rows = await scoped(qb, countries).getRawMany<{ day: string; added: string | number }>();
    return rows.map((r) => ({ day: String(r.day).slice(0, 10), added: Number(r.added) }));
  }

  targets(): Promise<RegisterTarget[]> {
    return this.dataSource.getRepository(RegisterTarget).find({ order: { key: 'ASC' } });
  }

  async setTarget(key: string, target: number): Promise<RegisterTarget> {
    return this.dataSource.getRepository(RegisterTarget).save({ key, target });
  }

  async clearTarget(key: string): Promise<void> {
    await this.dataSource.getRepository(RegisterTarget).delete({ key });
  }

  private members(): SelectQueryBuilder<Member> {
    return this.dataSource.getRepository(Member).createQueryBuilder('m');
  }
}

function scoped<T extends object>(qb: SelectQueryBuilder<T>, countries: string[] | null): SelectQueryBuilder<T> {
  if (countries === null) return qb;
  // A registrar with no countries sees nothing; IN () is not valid SQL.
  if (!countries.length) return qb.andWhere('1 = 0');
  return qb.andWhere('m.countryCode IN (:...countries)', { countries });
}
