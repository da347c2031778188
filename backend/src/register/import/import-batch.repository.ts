import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Tx } from '../../database/transactions';
import { ImportBatch, type ImportStatus } from './import-batch.entity';

export type BatchChanges = Partial<Omit<ImportBatch, 'id' | 'createdAt'>>;

/** Import batches: one row per uploaded spreadsheet. */
@Injectable()
export class ImportBatchRepository {
  constructor(@InjectDataSource() private readonly manager: DataSource | EntityManager) {}

  withTx(tx: Tx): ImportBatchRepository {
    return new ImportBatchRepository(tx.manager);
  }

  private get batches() {
    return this.manager.getRepository(ImportBatch);
  }

  async create(fields: ImportBatch): Promise<ImportBatch> {
    await this.batches.insert(fields);
    return (await this.findById(fields.id))!;
  }

  findById(id: string): Promise<ImportBatch | null> {
    return this.batches.findOneBy({ id });
  }

  /** Newest first; only one user's batches when createdById is given. */
  list(createdById: string | null, limit: number): Promise<ImportBatch[]> {
    return this.batches.find({
      where: createdById ? { createdById } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  async update(id: string, changes: BatchChanges): Promise<void> {
    await this.batches.update({ id }, changes);
  }

  /** Moves a batch on only if it is still where the caller found it: false when another request got there first. */
  async transition(id: string, from: ImportStatus[], to: ImportStatus, changes: BatchChanges = {}): Promise<boolean> {
    const result = await this.batches.update({ id, status: In(from) }, { ...changes, status: to });
    return result.affected === 1;
  }

  /** Deletes a batch only while it is in one of these states; false when it was not. */
  async deleteIn(id: string, statuses: ImportStatus[]): Promise<boolean> {
    const result = await this.batches.delete({ id, status: In(statuses) });
    return result.affected === 1;
  }
}
