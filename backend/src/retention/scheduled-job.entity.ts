import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A job several app processes share (the daily retention run): the process whose conditional update
 * takes the lease runs it; the others see the lease, or the next time, and leave it.
 */
@Entity('scheduled_jobs')
export class ScheduledJob {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  name: string;

  @Column({ type: 'datetime', precision: 3 })
  nextRunAt: Date;

  /** Until when the process that claimed the run owns it; after that (it died) another may take it. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  leaseOwner: string | null;

  @Column({ type: 'datetime', precision: 3, nullable: true })
  lastRunAt: Date | null;
}
