import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * After an erasure, makes sure the old values are gone from the database files too, not only from
 * its rows. SQLite runs with `secure_delete` (data-source-options.ts), so a freed cell or page is
 * overwritten with zeros; but in WAL mode the earlier versions of changed pages still sit in the
 * `-wal` file until a checkpoint copies the new ones back, so one is run here and the WAL truncated.
 * MySQL/MariaDB (InnoDB) have no equivalent a statement can force: see docs/PRIVACY.md.
 */
@Injectable()
export class ErasedPages {
  private readonly logger = new Logger(ErasedPages.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async wipe(): Promise<void> {
    if (this.dataSource.options.type !== 'better-sqlite3') return;
    const [result] = (await this.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)')) as { busy: number }[];
    // Busy: a reader held an older snapshot; the next checkpoint (SQLite runs them on its own) finishes the job.
    if (result?.busy) this.logger.warn('The WAL checkpoint after an erasure was busy; it completes at the next checkpoint');
  }
}
