import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { nextDailyRun } from './retention-dates';
import { RetentionService } from './retention.service';
import { ScheduledJobRepository } from './scheduled-job.repository';

export const RETENTION_JOB = 'retention';
const CHECK_EVERY_MS = 5 * 60_000;
/** Longer than any run takes; a process that died mid-run lets another retry after this. */
const LEASE_MS = 30 * 60_000;
const RETRY_AFTER_FAILURE_MS = 60 * 60_000;

/**
 * Runs retention daily. Every process checks every few minutes; the shared job row decides which one
 * runs (a conditional update on its lease and next time), so it runs once however many there are.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionScheduler.name);
  private readonly owner = `${process.pid}-${randomUUID()}`;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: ScheduledJobRepository,
    private readonly retention: RetentionService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.retention.scheduler) return;
    this.timer = setInterval(() => void this.tick().catch((e: unknown) => this.logger.error(e)), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** When the next run is due (a fresh installation's first is at the next run hour). */
  async nextRunAt(): Promise<Date> {
    return (await this.jobs.find(RETENTION_JOB))?.nextRunAt ?? nextDailyRun(this.clock.now(), this.config.retention.runHourUtc);
  }

  async lastRunAt(): Promise<Date | null> {
    return (await this.jobs.find(RETENTION_JOB))?.lastRunAt ?? null;
  }

  /** Runs retention if it is due and this process wins the claim; true when it ran here. */
  async tick(): Promise<boolean> {
    const now = this.clock.now();
    await this.jobs.ensure(RETENTION_JOB, nextDailyRun(now, this.config.retention.runHourUtc));
    if (!(await this.jobs.claim(RETENTION_JOB, this.owner, now, new Date(now.getTime() + LEASE_MS)))) return false;
    try {
      const result = await this.retention.run(now);
      this.logger.log({ ...result }, 'Retention run');
      await this.jobs.release(RETENTION_JOB, this.owner, now, nextDailyRun(now, this.config.retention.runHourUtc));
      return true;
    } catch (error) {
      await this.jobs.release(RETENTION_JOB, this.owner, null, new Date(now.getTime() + RETRY_AFTER_FAILURE_MS));
      throw error;
    }
  }
}
