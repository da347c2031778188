import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/transactions';
import { type MemberDataHolder, HoldsMemberData, type MemberDataRows, type MemberDataSubject } from '../member-data-holders';
import { ImportBatchRepository } from './import-batch.repository';
import { UploadStore } from './upload-store';

/**
 * The import a member came from. Imports keep no staging rows (a commit writes members straight
 * into the register) and a committed file is dropped at once; erasure drops the file of the
 * member's batch if it is still kept (a batch whose commit failed part-way).
 */
@Injectable()
@HoldsMemberData()
export class ImportMemberData implements MemberDataHolder {
  readonly key = 'imports';

  constructor(
    private readonly batches: ImportBatchRepository,
    private readonly uploads: UploadStore,
  ) {}

  async exportFor(subject: MemberDataSubject, tx?: Tx): Promise<MemberDataRows> {
    const batch = subject.sourceBatchId && (await (tx ? this.batches.withTx(tx) : this.batches).findById(subject.sourceBatchId));
    if (!batch) return [];
    return [{ importedAt: (batch.committedAt ?? batch.createdAt).toISOString(), file: batch.fileName, status: batch.status }];
  }

  async erase(tx: Tx, subject: MemberDataSubject): Promise<number> {
    const batch = subject.sourceBatchId && (await this.batches.withTx(tx).findById(subject.sourceBatchId));
    if (!batch) return 0;
    await this.uploads.drop(batch.id, tx);
    return 1;
  }
}
