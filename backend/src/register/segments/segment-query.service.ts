import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user';
import type { Member } from '../member.entity';
import { countriesVisibleTo } from '../register-scope';
import { compactFilter, type SegmentFilter } from './segment-filter';
import { type MemberSort, SegmentQueryRepository, type SortDirection } from './segment-query.repository';

export interface PageOptions {
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Default: name (surname, then first name). */
  sort?: MemberSort;
  /** Default: asc. */
  direction?: SortDirection;
}

export interface MemberPage {
  /** Members with their sectors loaded. */
  items: Member[];
  /** How many members the whole filter holds. */
  total: number;
}

export const MAX_PAGE_SIZE = 200;
export const STREAM_CHUNK_SIZE = 1000;

/**
 * Runs member filters (segments) for the member list, exports, call sheets and invitation
 * campaigns. Every method takes the user the query is for: a registrar's results are always
 * narrowed to their own countries (a filter naming only other countries holds nobody), and
 * organisers see the whole register. Erased and merged members are left out unless the filter's
 * `statuses` asks for merged ones.
 */
@Injectable()
export class SegmentQueryService {
  constructor(private readonly query: SegmentQueryRepository) {}

  /** How many members the filter holds for this user. */
  async count(user: AuthUser, filter: SegmentFilter): Promise<number> {
    const scoped = scopeFilter(user, filter);
    return scoped ? this.query.count(scoped) : 0;
  }

  /** One page of members (sorted on the server) and the filter's total, in two parallel queries. */
  async page(user: AuthUser, filter: SegmentFilter, options: PageOptions): Promise<MemberPage> {
    const scoped = scopeFilter(user, filter);
    if (!scoped) return { items: [], total: 0 };
    const pageSize = Math.min(Math.max(1, Math.floor(options.pageSize)), MAX_PAGE_SIZE);
    const page = Math.max(1, Math.floor(options.page));
    const [items, total] = await Promise.all([
      this.query.page(scoped, {
        offset: (page - 1) * pageSize,
        limit: pageSize,
        sort: options.sort ?? 'name',
        direction: options.direction ?? 'asc',
      }),
      this.query.count(scoped),
    ]);
    return { items, total };
  }

  /**
   * Every member of the filter, in chunks (arrays of up to `chunkSize` members, sectors loaded),
   * read by keyset pagination on the id: memory stays flat however large the register, and each
   * chunk is a short query, so no long transaction is held. Members added while iterating may or
   * may not appear. Usage:
   *
   *     for await (const chunk of segments.stream(user, filter)) for (const member of chunk) ...
   */
  async *stream(
    user: AuthUser,
    filter: SegmentFilter,
    options: { chunkSize?: number } = {},
  ): AsyncGenerator<Member[], void, undefined> {
    const scoped = scopeFilter(user, filter);
    if (!scoped) return;
    const chunkSize = Math.max(1, options.chunkSize ?? STREAM_CHUNK_SIZE);
    let afterId: string | null = null;
    for (;;) {
      const chunk = await this.query.after(scoped, afterId, chunkSize);
      if (chunk.length) yield chunk;
      if (chunk.length < chunkSize) return;
      afterId = chunk[chunk.length - 1].id;
    }
  }
}

/**
 * The filter as it really runs for this user: compacted, and for a registrar narrowed to their
 * countries. null when it can hold nobody (a registrar asking only for other countries).
 */
export function scopeFilter(user: AuthUser, filter: SegmentFilter): SegmentFilter | null {
  const scoped = compactFilter(filter);
  const visible = countriesVisibleTo(user);
  if (visible === null) return scoped;
  const countries = scoped.countries ? scoped.countries.filter((c) => visible.includes(c)) : visible;
  return countries.length ? { ...scoped, countries } : null;
}
