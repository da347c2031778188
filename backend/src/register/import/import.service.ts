import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { Transactions } from '../../database/transactions';
import { AuditTrail } from '../../logging/audit/audit-trail';
import { canSeeCountry } from '../register-scope';
import { type ColumnMapping, checkMapping, guessMapping, type MappingTarget, mappingTargets, rowMapper } from './column-mapping';
import type { ImportBatch, ImportStatus } from './import-batch.entity';
import { ImportBatchRepository } from './import-batch.repository';
import { ImportedMembersRepository } from './imported-members.repository';
import { checkRows, type Counts } from './import-pass';
import { toNewMember } from './imported-member';
import { type CheckedRow, type FindByContacts, RowChecker } from './row-checker';
import { isFileProblem } from './spreadsheet/file-problem';
import { readHead } from './spreadsheet/spreadsheet-head';
import { openSpreadsheet, type Spreadsheet } from './spreadsheet/spreadsheet-reader';
import { UploadStore } from './upload-store';

/** What the upload interceptor left on disk. */
export interface UploadedSpreadsheet {
  path: string;
  originalname: string;
}

export interface ImportDetail {
  batch: ImportBatch;
  columns: string[];
  sampleRows: string[][];
}

export interface ImportPreview {
  batch: ImportBatch;
  problems: CheckedRow[];
  samples: CheckedRow[];
}

/** A batch that can still be checked and committed. */
const OPEN: ImportStatus[] = ['uploaded', 'previewed'];
const MAX_PROBLEMS = 100;
const MAX_SAMPLES = 5;
const LIST_LIMIT = 100;

/**
 * Spreadsheet imports into the register: upload, dry run, commit, rollback. The file is kept on disk
 * and read as a stream each time, a chunk of rows at a time, so memory does not grow with its size.
 */
/** Consent the organiser states for everyone in a file, when they state it. */
export interface FileConsent {
  consentInvitations?: boolean;
  consentUpdates?: boolean;
}

@Injectable()
export class ImportService {
  /** Rows checked and inserted together: one duplicate query and one multi-row insert per chunk. */
  rowsPerChunk = 1000;
  private readonly logger = new Logger(ImportService.name);

  constructor(
    private readonly batches: ImportBatchRepository,
    private readonly members: ImportedMembersRepository,
    private readonly transactions: Transactions,
    private readonly uploads: UploadStore,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /** Keeps the upload as a new batch and guesses the mapping; a file we cannot read is refused and not kept. */
  async upload(user: AuthUser, file: UploadedSpreadsheet | undefined): Promise<ImportDetail> {
    if (!file) throw DomainError.validation({ file: ['choose a CSV or XLSX file'] }, 'Choose a CSV or XLSX file');
    const id = randomUUID();
    try {
      const head = await readHead(file.path);
      await this.uploads.keep(id, file.path);
      const batch = await this.batches.create({
        id,
        fileName: file.originalname.slice(0, 255) || 'upload',
        format: head.format,
        status: 'uploaded',
        mapping: guessMapping(head.columns),
        defaultCountry: user.role === 'registrar' && user.countries.length === 1 ? user.countries[0] : null,
        rowCount: 0,
        validCount: 0,
        errorCount: 0,
        duplicateCount: 0,
        importedCount: 0,
        failureReason: null,
        createdById: user.id,
        createdAt: this.clock.now(),
        committedAt: null,
        rolledBackAt: null,
      });
      return { batch, columns: head.columns, sampleRows: head.sampleRows };
    } catch (error) {
      await this.uploads.drop(id);
      throw error;
    } finally {
      await rm(file.path, { force: true });
    }
  }

  list(user: AuthUser): Promise<ImportBatch[]> {
    return this.batches.list(user.role === 'registrar' ? user.id : null, LIST_LIMIT);
  }

  /** A batch with its columns and first rows while the file is still kept (until commit). */
  async get(user: AuthUser, id: string): Promise<ImportDetail> {
    const batch = await this.visible(user, id);
    if (batch.status !== 'uploaded' && batch.status !== 'previewed') return { batch, columns: [], sampleRows: [] };
    const upload = await this.uploads.local(batch.id);
    if (!upload) return { batch, columns: [], sampleRows: [] };
    try {
      return { batch, ...(await readHead(upload.path)) };
    } catch (error) {
      if (!isFileProblem(error)) throw error;
      return { batch, columns: [], sampleRows: [] };
    } finally {
      await upload.release();
    }
  }

  /** The dry run: every row checked as the commit would, nothing written but the batch's counts and mapping. */
  async preview(
    user: AuthUser,
    id: string,
    request: { mapping?: Partial<Record<MappingTarget, string | null>>; defaultCountry?: string | null },
  ): Promise<ImportPreview> {
    const batch = await this.visible(user, id);
    assertOpen(batch);
    // Left out: the batch's own (a one-country registrar's country); null clears it.
    const defaultCountry =
      request.defaultCountry === undefined ? batch.defaultCountry : (request.defaultCountry?.toUpperCase() ?? null);
    if (defaultCountry && !canSeeCountry(user, defaultCountry))
      throw DomainError.validation({ defaultCountry: ['outside your countries'] });
    const mapping = cleanMapping(request.mapping ?? {});
    const problems: CheckedRow[] = [];
    const samples: CheckedRow[] = [];
    let counts: Counts;
    try {
      counts = await this.checkFile(batch, user, mapping, defaultCountry, await this.members.duplicateFinder(), (rows) => {
        for (const row of rows) {
          if ((row.errors || row.duplicateOf) && problems.length < MAX_PROBLEMS) problems.push(row);
          else if (!row.errors && !row.duplicateOf && samples.length < MAX_SAMPLES) samples.push(row);
        }
        return Promise.resolve();
      });
    } catch (error) {
      if (isFileProblem(error)) await this.fail(batch, error.message);
      throw error;
    }
    const saved = await this.batches.transition(id, OPEN, 'previewed', {
      mapping,
      defaultCountry,
      ...counts,
      failureReason: null,
    });
    if (!saved) throw DomainError.conflict('This import changed while it was being checked; reload the page');
    return { batch: (await this.batches.findById(id))!, problems, samples };
  }

  /**
   * Imports the previewed batch in one transaction: rows are checked again (the register may have
   * changed) and inserted a chunk at a time; errors and duplicates are skipped. Any failure rolls
   * everything back and marks the batch failed. The file-wide consent (for rows without a consent
   * column) is none unless the organiser states it.
   */
  async commit(user: AuthUser, id: string, stated: FileConsent = {}): Promise<ImportBatch> {
    const consent = { invitations: stated.consentInvitations ?? false, updates: stated.consentUpdates ?? false };
    const batch = await this.visible(user, id);
    if (batch.status === 'uploaded') throw DomainError.conflict('Preview the import before committing it');
    assertOpen(batch);
    const now = this.clock.now();
    let claimed = false;
    let lastRow = 0;
    try {
      await this.transactions.run(async (tx) => {
        const batches = this.batches.withTx(tx);
        const members = this.members.withTx(tx);
        claimed = await batches.transition(id, ['previewed'], 'committed', { committedAt: now, failureReason: null });
        if (!claimed) throw DomainError.conflict('This import is already being committed');
        let importedCount = 0;
        // Lookups read the register outside this transaction, beside the inserts: rows this file
        // adds cannot match anyway, as each of their contacts is already a duplicate within the file.
        const find = await this.members.duplicateFinder();
        const counts = await this.checkFile(batch, user, batch.mapping ?? {}, batch.defaultCountry, find, async (rows) => {
          const accepted = rows.filter((r) => !r.errors && !r.duplicateOf);
          importedCount += await members.insert(accepted.map((row) => toNewMember(row, batch.id, user, consent, now)));
          lastRow = rows[rows.length - 1].rowNumber;
        });
        await batches.update(id, { ...counts, importedCount });
        await this.audit.record(
          {
            action: 'import.committed',
            actor: user,
            target: { type: 'import', id },
            summary: `imported=${importedCount}`,
          },
          tx,
        );
      });
    } catch (error) {
      if (!claimed) throw error;
      const reason = isFileProblem(error)
        ? error.message
        : `The import stopped after row ${lastRow} because of an error on the server; nothing was imported. Upload the file again to retry.`;
      await this.fail(batch, reason);
      throw error;
    }
    await this.uploads.drop(batch.id);
    const committed = (await this.batches.findById(id))!;
    this.logger.log(`Import ${id} (${committed.fileName}) committed ${committed.importedCount} members`);
    return committed;
  }

  /** Deletes the members a committed batch imported, in one transaction; a batch rolls back once. */
  async rollback(user: AuthUser, id: string): Promise<ImportBatch> {
    const batch = await this.visible(user, id);
    if (batch.status === 'rolled_back') throw DomainError.conflict('This import was already rolled back');
    if (batch.status !== 'committed') throw DomainError.conflict('Only a committed import can be rolled back');
    const now = this.clock.now();
    const removed = await this.transactions.run(async (tx) => {
      const batches = this.batches.withTx(tx);
      if (!(await batches.transition(id, ['committed'], 'rolled_back', { rolledBackAt: now })))
        throw DomainError.conflict('This import was already rolled back');
      const count = await this.members.withTx(tx).deleteBatch(id);
      await this.audit.record(
        { action: 'import.rolled_back', actor: user, target: { type: 'import', id }, summary: `removed=${count}` },
        tx,
      );
      return count;
    });
    this.logger.log(`Import ${id} (${batch.fileName}) rolled back: ${removed} members removed`);
    return (await this.batches.findById(id))!;
  }

  /** Drops an upload that was never committed, file and all. Committed batches stay on record. */
  async discard(user: AuthUser, id: string): Promise<void> {
    const batch = await this.visible(user, id);
    if (batch.status === 'committed') throw DomainError.conflict('A committed import cannot be discarded; roll it back instead');
    if (batch.status === 'rolled_back') throw DomainError.conflict('A rolled-back import stays on the list as a record');
    if (!(await this.batches.deleteIn(id, [...OPEN, 'failed']))) throw DomainError.conflict('This import is being committed');
    await this.uploads.drop(batch.id);
  }

  private async visible(user: AuthUser, id: string): Promise<ImportBatch> {
    const batch = await this.batches.findById(id);
    if (!batch || (user.role === 'registrar' && batch.createdById !== user.id)) throw DomainError.notFound('Import');
    return batch;
  }

  /** Opens the batch's file, checks the mapping against its columns, and runs one pass over its rows. */
  private async checkFile(
    batch: ImportBatch,
    user: AuthUser,
    mapping: ColumnMapping,
    defaultCountry: string | null,
    find: FindByContacts,
    onChunk: (rows: CheckedRow[]) => Promise<void>,
  ): Promise<Counts> {
    const sheet = await this.open(batch);
    try {
      const problems = checkMapping(mapping, sheet.columns, defaultCountry);
      if (Object.keys(problems).length) throw DomainError.validation(problems, 'Choose the columns to import');
      const checker = new RowChecker(user, rowMapper(mapping, sheet.columns, defaultCountry));
      return await checkRows(sheet, checker, find, this.rowsPerChunk, onChunk);
    } finally {
      await sheet.close();
    }
  }

  /** The batch's upload, read from a private local copy that closing the sheet removes. */
  private async open(batch: ImportBatch): Promise<Spreadsheet> {
    const upload = await this.uploads.local(batch.id);
    if (!upload) {
      throw DomainError.validation(
        { file: ['the file is no longer on the server'] },
        'The uploaded file is gone; upload it again',
      );
    }
    try {
      const sheet = await openSpreadsheet(upload.path);
      return { ...sheet, close: () => sheet.close().finally(() => upload.release()) };
    } catch (error) {
      await upload.release();
      throw error;
    }
  }

  /** Marks a batch failed and drops its file; never hides the error that caused it. */
  private async fail(batch: ImportBatch, reason: string): Promise<void> {
    try {
      // Only an open batch: a commit that got there first keeps its result.
      await this.batches.transition(batch.id, OPEN, 'failed', { failureReason: reason.slice(0, 500) });
      await this.uploads.drop(batch.id);
    } catch (error) {
      this.logger.error({ err: error }, `Could not mark import ${batch.id} as failed`);
    }
  }
}

function assertOpen(batch: ImportBatch): void {
  if (batch.status === 'committed') throw DomainError.conflict('This import is already committed');
  if (batch.status === 'rolled_back')
    throw DomainError.conflict('This import was rolled back; upload the file again to import it');
  if (batch.status === 'failed')
    throw DomainError.conflict(`This import failed: ${batch.failureReason ?? ''} Upload the file again.`);
}

/** Keeps known targets with a column; "" or null means "not imported". */
function cleanMapping(mapping: Partial<Record<MappingTarget, string | null>>): ColumnMapping {
  return Object.fromEntries(mappingTargets.flatMap((target) => (mapping[target] ? [[target, mapping[target]]] : [])));
}
