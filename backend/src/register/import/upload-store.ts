import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { type DataSource, MoreThanOrEqual } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { Tx } from '../../database/transactions';
import { ImportFileChunk } from './import-file-chunk.entity';

/** Under a MySQL BLOB's 64 KB. */
export const UPLOAD_CHUNK_BYTES = 60_000;
/** Chunks written or read per statement: about 1 MB, well under max_allowed_packet. */
const CHUNKS_PER_STATEMENT = 16;

/** A copy of a kept upload on this process's disk, for the spreadsheet readers; `release` removes it. */
export interface LocalUpload {
  path: string;
  release(): Promise<void>;
}

/**
 * Keeps uploaded spreadsheets in the database, in chunks, until their batch is committed or
 * dropped: nothing an import needs lives on one replica's disk. Each read writes a private
 * temporary copy (the readers stream from a file) and removes it when done.
 */
@Injectable()
export class UploadStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores the file at `path` as the batch's upload. */
  async keep(batchId: string, path: string): Promise<void> {
    const repo = this.dataSource.getRepository(ImportFileChunk);
    let seq = 0;
    let pending: ImportFileChunk[] = [];
    for await (const data of createReadStream(path, { highWaterMark: UPLOAD_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      pending.push(repo.create({ batchId, seq: seq++, data }));
      if (pending.length === CHUNKS_PER_STATEMENT) {
        await repo.insert(pending);
        pending = [];
      }
    }
    if (pending.length) await repo.insert(pending);
  }

  /** A local copy of the batch's upload; null when none is kept (dropped, or never stored). */
  async local(batchId: string): Promise<LocalUpload | null> {
    const repo = this.dataSource.getRepository(ImportFileChunk);
    const dir = join(this.config.dataDir, 'imports', 'reading');
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${batchId}.${randomUUID()}`);
    const release = () => rm(path, { force: true });
    const out = createWriteStream(path);
    let found = 0;
    try {
      for (let from = 0; ; from += CHUNKS_PER_STATEMENT) {
        const chunks = await repo.find({
          where: { batchId, seq: MoreThanOrEqual(from) },
          order: { seq: 'ASC' },
          take: CHUNKS_PER_STATEMENT,
        });
        for (const chunk of chunks) if (!out.write(chunk.data)) await new Promise<void>((r) => out.once('drain', () => r()));
        found += chunks.length;
        if (chunks.length < CHUNKS_PER_STATEMENT) break;
      }
      out.end();
      await finished(out);
    } catch (error) {
      out.destroy();
      await release();
      throw error;
    }
    if (!found) {
      await release();
      return null;
    }
    return { path, release };
  }

  /** Forgets the batch's upload (inside `tx` when given). */
  async drop(batchId: string, tx?: Tx): Promise<void> {
    await (tx?.manager ?? this.dataSource.manager).delete(ImportFileChunk, { batchId });
  }
}
