import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { AuthUser } from '../auth/auth-user';
import { UsersService } from '../auth/users.service';
import type { AuditEntry } from '../logging/audit/audit-entry.entity';
import { AuditTrail } from '../logging/audit/audit-trail';
import { csvLine, UTF8_BOM } from '../register/segments/member-csv';
import { type AuditFilter, AuditLogRepository } from './audit-log.repository';
import { type AuditFilterInput, toAuditFilter } from './audit-filter';

/** An entry with the acting staff member's name (null for the scheduler, a member, a deleted account). */
export interface AuditRow {
  entry: AuditEntry;
  actorName: string | null;
}

export type AuditExportFormat = 'csv' | 'json';

const csvColumns = ['Time (UTC)', 'Action', 'Actor', 'Actor ID', 'Role', 'Target type', 'Target ID', 'Summary'];

/** The organisers' view of the audit log: filtered pages, and exports that are themselves audited. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly entries: AuditLogRepository,
    private readonly users: UsersService,
    private readonly audit: AuditTrail,
  ) {}

  async page(input: AuditFilterInput, page: number, pageSize: number): Promise<{ items: AuditRow[]; total: number }> {
    const { items, total } = await this.entries.page(toAuditFilter(input), page, pageSize);
    return { items: await this.named(items), total };
  }

  /**
   * The filtered log as a stream (CSV safe to open in a spreadsheet, or a JSON array). Nothing is
   * read until it is consumed; once it has been, the export itself is recorded with its row count.
   */
  export(user: AuthUser, input: AuditFilterInput, format: AuditExportFormat): Readable {
    const filter = toAuditFilter(input);
    return Readable.from(format === 'csv' ? this.csvLines(user, filter) : this.jsonChunks(user, filter), { objectMode: false });
  }

  private async *csvLines(user: AuthUser, filter: AuditFilter): AsyncGenerator<string> {
    yield UTF8_BOM + csvLine(csvColumns);
    let rows = 0;
    for await (const chunk of this.entries.stream(filter)) {
      rows += chunk.length;
      yield (await this.named(chunk))
        .map(({ entry: e, actorName }) =>
          csvLine([e.at, e.action, actorName ?? e.actorRole, e.actorId, e.actorRole, e.targetType, e.targetId, e.summary]),
        )
        .join('');
    }
    await this.recordExport(user, 'CSV', rows);
  }

  private async *jsonChunks(user: AuthUser, filter: AuditFilter): AsyncGenerator<string> {
    yield '[';
    let rows = 0;
    for await (const chunk of this.entries.stream(filter)) {
      const lines = (await this.named(chunk)).map((row) => JSON.stringify(toPlain(row)));
      yield (rows ? ',\n' : '\n') + lines.join(',\n');
      rows += chunk.length;
    }
    yield '\n]\n';
    await this.recordExport(user, 'JSON', rows);
  }

  private recordExport(user: AuthUser, format: string, rows: number): Promise<void> {
    return this.audit.record({
      action: 'data.exported',
      actor: user,
      target: { type: 'audit_log', id: 'audit' },
      summary: `audit log ${format}; ${rows} rows`,
    });
  }

  private async named(entries: AuditEntry[]): Promise<AuditRow[]> {
    const names = await this.users.namesByIds(entries.flatMap((e) => (e.actorId ? [e.actorId] : [])));
    return entries.map((entry) => ({ entry, actorName: entry.actorId ? (names.get(entry.actorId) ?? null) : null }));
  }
}

export function toPlain({ entry: e, actorName }: AuditRow) {
  return {
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    actorId: e.actorId,
    actorName,
    actorRole: e.actorRole,
    targetType: e.targetType,
    targetId: e.targetId,
    summary: e.summary,
  };
}
