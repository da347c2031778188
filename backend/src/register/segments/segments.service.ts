import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { countriesVisibleTo } from '../register-scope';
import { compactFilter, type SegmentFilter } from './segment-filter';
import { SegmentQueryService } from './segment-query.service';
import type { Segment } from './segment.entity';
import { SegmentRepository } from './segment.repository';

export interface SegmentInput {
  name: string;
  filter: SegmentFilter;
}

/** A saved segment with how many members it holds right now for the user asking. */
export interface CountedSegment {
  segment: Segment;
  filter: SegmentFilter;
  count: number;
}

/**
 * Named member filters that staff save and reuse (member list, exports, invitation campaigns).
 * Segments are shared by all register staff; counts are always computed for the user asking, so a
 * registrar counts only their countries. Only the author or an organiser may change or delete one.
 */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly query: SegmentQueryService,
  ) {}

  async list(user: AuthUser): Promise<CountedSegment[]> {
    const counted: CountedSegment[] = [];
    // One count at a time: a few dozen indexed counts, without flooding the connection pool.
    for (const segment of await this.segments.list()) counted.push(await this.counted(user, segment));
    return counted;
  }

  async get(user: AuthUser, id: string): Promise<CountedSegment> {
    return this.counted(user, await this.find(id));
  }

  /** The saved filter, for exports and campaigns. */
  async filterOf(id: string): Promise<{ segment: Segment; filter: SegmentFilter }> {
    const segment = await this.find(id);
    return { segment, filter: segment.filter as SegmentFilter };
  }

  async create(user: AuthUser, input: SegmentInput): Promise<CountedSegment> {
    const name = await this.checkName(input.name);
    const segment = await this.segments.create({ name, filter: filterFor(user, input.filter), createdById: user.id });
    return this.counted(user, segment);
  }

  async update(user: AuthUser, id: string, input: Partial<SegmentInput>): Promise<CountedSegment> {
    const segment = await this.findEditable(user, id);
    if (input.name !== undefined) segment.name = await this.checkName(input.name, id);
    if (input.filter !== undefined) segment.filter = { ...filterFor(user, input.filter) };
    return this.counted(user, await this.segments.save(segment));
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.segments.remove(await this.findEditable(user, id));
  }

  private async find(id: string): Promise<Segment> {
    const segment = await this.segments.findById(id);
    if (!segment) throw DomainError.notFound('Segment');
    return segment;
  }

  private async findEditable(user: AuthUser, id: string): Promise<Segment> {
    const segment = await this.find(id);
    if (!canEditSegment(user, segment)) {
      throw DomainError.forbidden('Only the person who saved this segment or an organiser can change it');
    }
    return segment;
  }

  private async checkName(raw: string, exceptId?: string): Promise<string> {
    const name = raw.replace(/\s+/g, ' ').trim();
    if (!name) throw DomainError.validation({ name: ['enter a name'] });
    const existing = await this.segments.findByName(name);
    if (existing && existing.id !== exceptId) {
      throw DomainError.conflict(`A segment called "${existing.name}" already exists`, { name: ['already in use'] });
    }
    return name;
  }

  private async counted(user: AuthUser, segment: Segment): Promise<CountedSegment> {
    const filter = segment.filter as SegmentFilter;
    return { segment, filter, count: await this.query.count(user, filter) };
  }
}

export function canEditSegment(user: AuthUser, segment: Pick<Segment, 'createdById'>): boolean {
  return user.role === 'organiser' || segment.createdById === user.id;
}

/**
 * The filter as saved. A registrar's segment keeps the scope it was built in, so it holds the same
 * members for everyone who opens it: no countries means "my countries", and other countries are refused.
 */
function filterFor(user: AuthUser, filter: SegmentFilter): SegmentFilter {
  const compact = compactFilter(filter);
  const visible = countriesVisibleTo(user);
  if (visible === null) return compact;
  if (!compact.countries) return { ...compact, countries: [...visible] };
  const outside = compact.countries.filter((c) => !visible.includes(c));
  if (outside.length) {
    throw DomainError.validation({ 'filter.countries': [`you can only use ${visible.join(', ')}`] });
  }
  return compact;
}
