import { Inject, Injectable } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { Tx } from '../../database/transactions';
import { type MemberDataHolder, HoldsMemberData, type MemberDataRows, type MemberDataSubject } from '../member-data-holders';
import { ImportBatchRepository } from './import-batch.repository';

/**
 * The import a member came from. Imports keep no staging rows (a commit writes members straight
 * into the register) and a committed file is deleted at once; erasure deletes the file of the
 * member's batch if it is still on the server (a batch whose commit failed part-way).
 */
@Injectable()
@HoldsMemberData()
export class ImportMemberData implements MemberDataHolder {
  readonly key = 'imports';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly batches: ImportBatchRepository,
  ) {}

  async exportFor(subject: MemberDataSubject, tx?: Tx): Promise<MemberDataRows> {
    const batch = subject.sourceBatchId && (await (tx ? this.batches.withTx(tx) : this.batches).findById(subject.sourceBatchId));
    if (!batch) return [];
    return [{ importedAt: (batch.committedAt ?? batch.createdAt).toISOString(), file: batch.fileName, status: batch.status }];
  }

  async erase(tx: Tx, subject: MemberDataSubject): Promise<number> {
    const batch = subject.sourceBatchId && (await this.batches.withTx(tx).findById(subject.sourceBatchId));
    if (!batch) return 0;
    await rm(join(this.config.dataDir, batch.storedPath), { force: true });
    return 1;
  }
}
