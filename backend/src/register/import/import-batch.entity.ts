import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity } from 'typeorm';
import { UuidPrimaryColumn } from '../../database/uuid-primary-column';

export const importStatuses = ['uploaded', 'previewed', 'committed', 'rolled_back', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const importFormats = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** One uploaded spreadsheet: its mapping, what the dry run found, and what was committed. */
@Entity('import_batches')
export class ImportBatch {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 8 })
  format: ImportFormat;

  @Column({ type: 'varchar', length: 16, default: 'uploaded' })
  status: ImportStatus;

  /** Target field → spreadsheet column header. */
  @Column({ type: 'simple-json', nullable: true })
  mapping: Record<string, string> | null;

  /** Country used to read phone numbers written without a +code, when a row has no country. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  defaultCountry: string | null;

  @Column({ type: 'int', default: 0 })
  rowCount: number;

  @Column({ type: 'int', default: 0 })
  validCount: number;

  @Column({ type: 'int', default: 0 })
  errorCount: number;

  @Column({ type: 'int', default: 0 })
  duplicateCount: number;

  @Column({ type: 'int', default: 0 })
  importedCount: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  failureReason: string | null;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  committedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  rolledBackAt: Date | null;
}
