import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Segment } from '../../register/segments/segment.entity';
import type { SegmentFilter } from '../../register/segments/segment-filter';

/** Reads saved segments (owned by the register) for call sheets; never writes them. */
@Injectable()
export class CallSheetRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async segment(id: string): Promise<{ name: string; filter: SegmentFilter } | null> {
    const segment = await this.dataSource.getRepository(Segment).findOneBy({ id });
    return segment ? { name: segment.name, filter: segment.filter as SegmentFilter } : null;
  }
}
