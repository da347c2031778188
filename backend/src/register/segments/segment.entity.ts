import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import { UuidPrimaryColumn } from '../../database/uuid-primary-column';

/** A saved, named member filter (e.g. "Gauteng health professionals"), reused by invitation campaigns. */
@Entity('segments')
export class Segment {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** The filter as the segment query takes it (see segment-filter.ts). */
  @Column({ type: 'simple-json' })
  filter: Record<string, unknown>;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
