import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';

/** One organiser's review of a nomination: one per reviewer, updated in place. */
@Entity('nomination_reviews')
@Index(['nominationId', 'reviewerId'], { unique: true })
export class NominationReview {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  nominationId: string;

  @Column({ type: 'varchar', length: 36 })
  reviewerId: string;

  /** 1–5; null when the reviewer declared a conflict of interest and so did not score. */
  @Column({ type: 'int', nullable: true })
  score: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  comment: string | null;

  /** The reviewer knows the nominee (family, business, employer): their score is withheld. */
  @Column({ type: 'boolean', default: false })
  conflictOfInterest: boolean;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
