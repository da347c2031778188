import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * A unit of work spanning several modules (e.g. a member and the email it causes), handed to
 * repositories. Services pass it along without looking inside, so they stay free of TypeORM.
 */
export interface Tx {
  readonly manager: EntityManager;
}

@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work({ manager }));
  }
}
