import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's log through the app's logger: only a statement over its time limit, with its time and
 * neither its text nor its parameters (they may hold personal data). Failed statements reach the
 * error filter, which logs what it answers.
 */
export class DatabaseLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuerySlow(time: number): void {
    this.logger.warn(`A database statement took ${time} ms`);
  }

  logQuery(): void {}
  logQueryError(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
