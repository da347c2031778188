import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One piece of an uploaded spreadsheet, kept in the database so that every app process can read
 * the upload (preview and commit may reach another replica than the upload did).
 */
@Entity('import_file_chunks')
export class ImportFileChunk {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  batchId: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  /** At most UPLOAD_CHUNK_BYTES (a MySQL BLOB holds 64 KB). */
  @Column({ type: 'blob' })
  data: Buffer;
}
