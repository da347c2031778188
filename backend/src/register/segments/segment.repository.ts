import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { SegmentFilter } from './segment-filter';
import { Segment } from './segment.entity';

/** Saved, named segments. */
@Injectable()
export class SegmentRepository {
  constructor(@InjectRepository(Segment) private readonly segments: Repository<Segment>) {}

  list(): Promise<Segment[]> {
    return this.segments.find({ order: { name: 'ASC' } });
  }

  findById(id: string): Promise<Segment | null> {
    return this.segments.findOneBy({ id });
  }

  /** A segment with this name, compared without case or surrounding spaces. */
  async findByName(name: string): Promise<Segment | null> {
    const key = name.trim().toLowerCase();
    return (await this.segments.find()).find((s) => s.name.trim().toLowerCase() === key) ?? null;
  }

  create(segment: { name: string; filter: SegmentFilter; createdById: string }): Promise<Segment> {
    return this.segments.save(this.segments.create({ ...segment, filter: { ...segment.filter } }));
  }

  save(segment: Segment): Promise<Segment> {
    return this.segments.save(segment);
  }

  async remove(segment: Segment): Promise<void> {
    await this.segments.delete({ id: segment.id });
  }
}
