import { Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { AuthUser } from '../../auth/auth-user';
import { AuditTrail } from '../../logging/audit/audit-trail';
import { memberCsvHeader, memberCsvLine, UTF8_BOM } from './member-csv';
import { compactFilter, type SegmentFilter } from './segment-filter';
import { SegmentQueryService } from './segment-query.service';

/** Exports a filter's members as CSV, a chunk at a time, so memory does not grow with the register. */
@Injectable()
export class MemberExportService {
  private readonly logger = new Logger('MemberExport');

  constructor(
    private readonly segments: SegmentQueryService,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * A readable stream of the CSV (UTF-8 with BOM, a header line, a line per member the user may
   * see). Nothing is read until the stream is consumed; checks that can refuse the request belong
   * before this call, because once streaming starts the status line has been sent.
   */
  csv(user: AuthUser, filter: SegmentFilter, label = 'filter'): Readable {
    return Readable.from(this.lines(user, filter, label), { objectMode: false });
  }

  private async *lines(user: AuthUser, filter: SegmentFilter, label: string): AsyncGenerator<string> {
    yield UTF8_BOM + memberCsvHeader;
    let rows = 0;
    for await (const chunk of this.segments.stream(user, filter)) {
      rows += chunk.length;
      yield chunk.map(memberCsvLine).join('');
    }
    // Who took which personal data out of the register: an audit line per export.
    this.logger.log({ userId: user.id, role: user.role, export: label, filter: compactFilter(filter), rows }, 'Members exported');
    // The audit line names the filter's fields, not their values (a search may be someone's name).
    const target = label.startsWith('segment ') ? { type: 'segment', id: label.slice('segment '.length) } : undefined;
    const fields = Object.keys(compactFilter(filter)).join(', ') || 'none';
    await this.audit.record({
      action: 'data.exported',
      actor: user,
      target,
      summary: `members CSV (${label}); ${rows} rows; filter fields: ${fields}`,
    });
  }
}
