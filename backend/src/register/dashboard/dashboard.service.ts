import { Injectable } from '@nestjs/common';
import { isISO31661Alpha2 } from 'class-validator';
import type { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../common/clock';
import { type AuditActor, AuditTrail } from '../../logging/audit/audit-trail';
import { DomainError } from '../../common/domain-error';
import { normaliseProvince } from '../member-input';
import type { RegisterTarget } from '../register-target.entity';
import { countriesVisibleTo } from '../register-scope';
import { southAfricanProvinces } from '../register.constants';
import { DashboardRepository, liveStatuses, type RegisterCell } from './dashboard.repository';
import { type WeekCount, weeklyGrowth } from './weekly-growth';

export interface CountRow {
  members: number;
  target: number | null;
}
export interface RegisterDashboard {
  /** The countries the figures cover; null means the whole register. */
  countries: string[] | null;
  totals: CountRow & { pendingConfirmation: number; merged: number; erased: number };
  byCountry: (CountRow & { countryCode: string })[];
  /** The nine provinces, always listed when South Africa is in scope; "unknown" counts ZA members without one. */
  byProvince: (CountRow & { province: string })[];
  provinceUnknown: number;
  consent: { invitations: number; updates: number; withEmail: number; withPhone: number };
  growth: { weeks: WeekCount[]; target: number | null };
}

export const MAX_TARGET = 10_000_000;
const targetKeyHelp = 'use "total", "country:" and a country code (country:ZA) or "province:" and a province (province:Gauteng)';

/** The register's progress against the organisers' targets, for organisers (everything) and registrars (their countries). */
@Injectable()
export class DashboardService {
  constructor(
    private readonly repo: DashboardRepository,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  async dashboard(user: AuthUser, weeks = 26): Promise<RegisterDashboard> {
    const countries = countriesVisibleTo(user);
    const [cells, days, targetRows] = await Promise.all([
      this.repo.cells(countries),
      this.repo.addedPerDay(countries),
      this.repo.targets(),
    ]);
    const targets = new Map(targetRows.map((t) => [t.key, t.target]));
    const live = cells.filter((c) => liveStatuses.includes(c.status));
    const sum = (rows: RegisterCell[], field: keyof Omit<RegisterCell, 'countryCode' | 'region' | 'status'>) =>
      rows.reduce((n, c) => n + c[field], 0);
    const statusCount = (status: string) =>
      sum(
        cells.filter((c) => c.status === status),
        'members',
      );

    const perCountry = new Map<string, number>();
    for (const c of live) perCountry.set(c.countryCode, (perCountry.get(c.countryCode) ?? 0) + c.members);
    for (const key of targets.keys()) {
      const code = key.startsWith('country:') ? key.slice('country:'.length) : null;
      if (code && (countries === null || countries.includes(code)) && !perCountry.has(code)) perCountry.set(code, 0);
    }
    const byCountry = [...perCountry]
      .map(([countryCode, members]) => ({ countryCode, members, target: targets.get(`country:${countryCode}`) ?? null }))
      .sort((a, b) => b.members - a.members || a.countryCode.localeCompare(b.countryCode));

    const seesZa = countries === null || countries.includes('ZA');
    const za = live.filter((c) => c.countryCode === 'ZA');
    const byProvince = seesZa
      ? southAfricanProvinces.map((province) => ({
          province,
          members: sum(
            za.filter((c) => c.region === province),
            'members',
          ),
          target: targets.get(`province:${province}`) ?? null,
        }))
      : [];
    const known = new Set<string>(southAfricanProvinces);
    const total = sum(live, 'members');

    return {
      countries,
      totals: {
        members: total,
        target: this.totalTarget(countries, targets),
        pendingConfirmation: statusCount('pending_confirmation'),
        merged: statusCount('merged'),
        erased: statusCount('erased'),
      },
      byCountry,
      byProvince,
      provinceUnknown: sum(
        za.filter((c) => !c.region || !known.has(c.region)),
        'members',
      ),
      consent: {
        invitations: sum(live, 'consentInvitations'),
        updates: sum(live, 'consentUpdates'),
        withEmail: sum(live, 'withEmail'),
        withPhone: sum(live, 'withPhone'),
      },
      growth: { weeks: weeklyGrowth(days, this.clock.now(), weeks), target: this.totalTarget(countries, targets) },
    };
  }

  listTargets(): Promise<RegisterTarget[]> {
    return this.repo.targets();
  }

  async setTarget(rawKey: string, target: number, by: AuditActor): Promise<RegisterTarget> {
    const key = normaliseTargetKey(rawKey);
    if (!Number.isInteger(target) || target < 1 || target > MAX_TARGET) {
      throw DomainError.validation({ target: [`must be a whole number from 1 to ${MAX_TARGET}`] });
    }
    const saved = await this.repo.setTarget(key, target);
    await this.audit.record({
      action: 'settings.changed',
      actor: by,
      target: { type: 'register_target', id: key },
      summary: `register target ${key} set to ${target}`,
    });
    return saved;
  }

  async clearTarget(rawKey: string, by: AuditActor): Promise<void> {
    const key = normaliseTargetKey(rawKey);
    await this.repo.clearTarget(key);
    await this.audit.record({
      action: 'settings.changed',
      actor: by,
      target: { type: 'register_target', id: key },
      summary: `register target ${key} cleared`,
    });
  }

  /**
   * The whole register's target for organisers. A registrar's share of it is not known, so they
   * see the sum of their countries' targets, and only when every one of their countries has one.
   */
  private totalTarget(countries: string[] | null, targets: Map<string, number>): number | null {
    if (countries === null) return targets.get('total') ?? null;
    const own = countries.map((c) => targets.get(`country:${c}`));
    return own.length && own.every((t) => t !== undefined) ? own.reduce((a, b) => a! + b!, 0)! : null;
  }
}

/** "total", "country:ZA" or "province:Gauteng", tolerant of case; 400 for anything else. */
export function normaliseTargetKey(raw: string): string {
  const key = raw.trim();
  if (key.toLowerCase() === 'total') return 'total';
  const [kind, ...rest] = key.split(':');
  const value = rest.join(':').trim();
  if (kind.toLowerCase() === 'country' && isISO31661Alpha2(value.toUpperCase())) return `country:${value.toUpperCase()}`;
  if (kind.toLowerCase() === 'province') {
    const province = value ? normaliseProvince(value) : null;
    if (province) return `province:${province}`;
  }
  throw DomainError.validation({ key: [targetKeyHelp] });
}
