import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { ScheduledJob } from './scheduled-job.entity';

/** The shared job rows; every claim is one conditional UPDATE, so two processes never both win. */
@Injectable()
export class ScheduledJobRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ScheduledJob);
  }

  find(name: string): Promise<ScheduledJob | null> {
    return this.repo.findOneBy({ name });
  }

  /** Creates the job's row unless it exists (several processes may try at once). */
  async ensure(name: string, nextRunAt: Date): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .insert()
      .values({ name, nextRunAt, leaseUntil: null, leaseOwner: null, lastRunAt: null })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  /** Takes the run when it is due and nobody holds a live lease; true for the one process that got it. */
  async claim(name: string, owner: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ leaseOwner: owner, leaseUntil })
      .where('name = :name AND nextRunAt <= :now', { name, now })
      .andWhere(new Brackets((b) => b.where('leaseUntil IS NULL').orWhere('leaseUntil < :now', { now })))
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Gives the lease back and sets the next time; only the owner's release counts. */
  async release(name: string, owner: string, ranAt: Date | null, nextRunAt: Date): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update()
      .set({ leaseOwner: null, leaseUntil: null, nextRunAt, ...(ranAt ? { lastRunAt: ranAt } : {}) })
      .where('name = :name AND leaseOwner = :owner', { name, owner })
      .execute();
  }
}
