import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, type EntityTarget } from 'typeorm';
import type { Tx } from '../../database/transactions';
import { MemberEvent } from '../member-event.entity';
import { MemberSector } from '../member-sector.entity';
import { Member } from '../member.entity';
import type { NewMember } from '../member.repository';

const placeholders = (n: number) => Array(n).fill('?').join(', ');

/** What a duplicate check needs to know about a member already in the register. */
export type ContactMatch = Pick<Member, 'id' | 'email' | 'phone' | 'whatsapp' | 'countryCode'>;

/** Live members, as MemberRepository.findByContacts counts them: merged and erased records are history. */
const liveStatuses = ['active', 'pending_confirmation'];
const LOOKUP_SLICE = 1000;
/**
 * Rows per INSERT. A statement's SQL text and parameter list stay under V8's large-object size
 * (~128 KB) at this size, so they die young instead of filling the old generation: 1,000-row
 * statements made a 100,000-row import peak some 50 MB higher, for no gain in speed.
 */
const ROWS_PER_STATEMENT = 250;

/**
 * The register's bulk reads and writes for imports. Same rules as MemberRepository.findByContacts
 * and insert, written as plain multi-row statements: TypeORM's query builder spends ~100 µs a row
 * naming and escaping parameters, which is most of an import's time at 100,000 rows. Columns and
 * value conversions still come from the entities' metadata, so both dialects and new columns work.
 */
@Injectable()
export class ImportedMembersRepository {
  constructor(@InjectDataSource() private readonly manager: DataSource | EntityManager) {}

  withTx(tx: Tx): ImportedMembersRepository {
    return new ImportedMembersRepository(tx.manager);
  }

  /**
   * A duplicate lookup for one pass over a file: live members sharing an email or phone number.
   * Email and phone are indexed and asked per chunk. WhatsApp is not indexed, and scanning the
   * register once per chunk made a 100,000-row import quadratic, so the few members reachable only
   * by their WhatsApp number (none or a different phone) are read once here; memory grows with
   * those members, not with the file.
   */
  async duplicateFinder(): Promise<(emails: string[], phones: string[]) => Promise<ContactMatch[]>> {
    const byWhatsapp = new Map<string, ContactMatch>();
    const [whatsapp, phone] = [this.column('whatsapp'), this.column('phone')];
    const onlyByWhatsapp = await this.select(`${whatsapp} IS NOT NULL AND (${phone} IS NULL OR ${phone} <> ${whatsapp})`, []);
    for (const m of onlyByWhatsapp) byWhatsapp.set(m.whatsapp!, m);
    return async (emails, phones) => {
      const found = new Map<string, ContactMatch>();
      for (let i = 0; i < Math.max(emails.length, phones.length); i += LOOKUP_SLICE) {
        for (const [property, values] of [
          ['email', emails.slice(i, i + LOOKUP_SLICE)],
          ['phone', phones.slice(i, i + LOOKUP_SLICE)],
        ] as const) {
          if (!values.length) continue;
          for (const m of await this.select(`${this.column(property)} IN (${placeholders(values.length)})`, values))
            found.set(m.id, m);
        }
      }
      for (const p of phones) {
        const m = byWhatsapp.get(p);
        if (m) found.set(m.id, m);
      }
      return [...found.values()];
    };
  }

  /**
   * Inserts members with their sectors. No history event per member: the member's source, batch,
   * creator and creation time already record the import, and a second row per member would add a
   * third to the cost of a large import.
   */
  async insert(members: NewMember[]): Promise<number> {
    if (!members.length) return 0;
    // The columns the members carry; any others (creation and update times) take their defaults.
    const properties = ['id', 'mergedIntoId', ...Object.keys(members[0]).filter((p) => p !== 'sectors')];
    const rows: unknown[][] = [];
    const sectors: unknown[][] = [];
    for (const member of members) {
      const id = randomUUID();
      const values = member as unknown as Record<string, unknown>;
      rows.push(properties.map((p) => (p === 'id' ? id : p === 'mergedIntoId' ? null : values[p])));
      for (const sector of member.sectors) sectors.push([id, sector]);
    }
    await this.insertRows(Member, properties, rows);
    await this.insertRows(MemberSector, ['memberId', 'sector'], sectors);
    return rows.length;
  }

  /** Deletes the members a batch imported, with their sectors and history; returns how many members went. */
  async deleteBatch(batchId: string): Promise<number> {
    const ofBatch = this.manager
      .createQueryBuilder()
      .subQuery()
      .select('m.id')
      .from(Member, 'm')
      .where('m.sourceBatchId = :batchId')
      .getQuery();
    for (const table of [MemberSector, MemberEvent]) {
      await this.manager.createQueryBuilder().delete().from(table).where(`memberId IN ${ofBatch}`, { batchId }).execute();
    }
    const result = await this.manager
      .createQueryBuilder()
      .delete()
      .from(Member)
      .where('sourceBatchId = :batchId', { batchId })
      .execute();
    return result.affected ?? 0;
  }

  private async select(condition: string, params: unknown[]): Promise<ContactMatch[]> {
    const selected = (['id', 'email', 'phone', 'whatsapp', 'countryCode'] as const).map(
      (p) => `${this.column(p)} AS ${this.escape(p)}`,
    );
    const sql =
      `SELECT ${selected.join(', ')} FROM ${this.escape(this.metadata(Member).tableName)} ` +
      `WHERE ${this.column('status')} IN (${placeholders(liveStatuses.length)}) AND ${condition}`;
    return (await this.manager.query(sql, [...liveStatuses, ...params])) as ContactMatch[];
  }

  private column(property: keyof Member): string {
    return this.escape(this.metadata(Member).findColumnWithPropertyName(property)!.databaseName);
  }

  /** Multi-row INSERTs: one value tuple per row, in the order of `properties`. */
  private async insertRows(target: EntityTarget<object>, properties: string[], rows: unknown[][]): Promise<void> {
    if (!rows.length) return;
    const metadata = this.metadata(target);
    const driver = this.dataSource.driver;
    const columns = properties.map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.name} has no column ${property}`);
      return column;
    });
    const head = `INSERT INTO ${this.escape(metadata.tableName)} (${columns.map((c) => this.escape(c.databaseName)).join(', ')}) VALUES `;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const slice = rows.slice(i, i + ROWS_PER_STATEMENT);
      const params: unknown[] = [];
      for (const row of slice)
        for (let c = 0; c < columns.length; c++) params.push(driver.preparePersistentValue(row[c], columns[c]));
      await this.manager.query(head + Array(slice.length).fill(tuple).join(', '), params);
    }
  }

  private metadata(target: EntityTarget<object>) {
    return this.dataSource.getMetadata(target);
  }

  private get dataSource(): DataSource {
    return this.manager instanceof EntityManager ? this.manager.connection : this.manager;
  }

  private escape(name: string): string {
    return this.dataSource.driver.escape(name);
  }
}
