import { Injectable, Logger } from '@nestjs/common';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { compactFilter, type SegmentFilter } from '../../register/segments/segment-filter';
import { SegmentQueryService } from '../../register/segments/segment-query.service';
import { SegmentsService } from '../../register/segments/segments.service';
import { OutreachService } from '../outreach.service';
import { callSheetCsvHeader, callSheetCsvLine } from './call-sheet-csv';
import { CallSheetPdf } from './call-sheet-pdf';
import { type CallSheetRow, toCallSheetRow } from './call-sheet-row';

export interface CallSheetRequest {
  segmentId?: string;
  filter?: SegmentFilter;
}

/** What a call sheet covers, resolved before any byte is sent (so refusals are still proper 4xx). */
export interface CallSheet {
  title: string;
  filter: SegmentFilter;
  members: number;
}

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * Call sheets: the members of a segment that outreach consultants must phone or message, because
 * they have no email address but do have a number. Streamed a chunk at a time as CSV or PDF.
 */
@Injectable()
export class CallSheetService {
  private readonly logger = new Logger('CallSheet');

  constructor(
    private readonly savedSegments: SegmentsService,
    private readonly segments: SegmentQueryService,
    private readonly outreach: OutreachService,
    private readonly clock: Clock,
  ) {}

  async prepare(user: AuthUser, request: CallSheetRequest): Promise<CallSheet> {
    const given = compactFilter(request.filter ?? {});
    if (request.segmentId && Object.keys(given).length) {
      throw DomainError.validation({ segmentId: ['choose a saved segment or a filter, not both'] });
    }
    let title = describeFilter(given);
    let base = given;
    if (request.segmentId) {
      const { segment, filter } = await this.savedSegments.filterOf(request.segmentId);
      title = segment.name;
      base = compactFilter(filter);
    }
    // Whatever the segment says: live members without an email who can be phoned or messaged.
    const { statuses: _statuses, ...rest } = base;
    const filter: SegmentFilter = { ...rest, hasEmail: false, hasPhone: true };
    return { title, filter, members: await this.segments.count(user, filter) };
  }

  csv(user: AuthUser, sheet: CallSheet): Readable {
    return Readable.from(this.csvLines(user, sheet));
  }

  pdf(user: AuthUser, sheet: CallSheet): Readable {
    const printed = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Africa/Maseru' }).format(this.clock.now());
    const plural = sheet.members === 1 ? 'member' : 'members';
    const pdf = new CallSheetPdf(sheet.title, `${printed} · ${sheet.members} ${plural} without email, with a phone number`);
    const out = new PassThrough();
    pdf.doc.pipe(out);
    void (async () => {
      try {
        for await (const rows of this.rows(user, sheet, 'pdf')) {
          for (const row of rows) pdf.addRow(row);
          // Back-pressure: let a slow download catch up before drawing more pages; stop if it went away.
          if (out.writableNeedDrain) await Promise.race([once(out, 'drain'), once(out, 'close')]);
          if (out.destroyed) return;
        }
        pdf.end();
      } catch (error) {
        this.logger.error({ err: error }, 'Call sheet PDF failed');
        out.destroy(error as Error);
      }
    })();
    return out;
  }

  private async *csvLines(user: AuthUser, sheet: CallSheet): AsyncGenerator<string> {
    yield callSheetCsvHeader;
    for await (const rows of this.rows(user, sheet, 'csv')) yield rows.map(callSheetCsvLine).join('');
  }

  private async *rows(user: AuthUser, sheet: CallSheet, format: string): AsyncGenerator<CallSheetRow[]> {
    let count = 0;
    for await (const chunk of this.segments.stream(user, sheet.filter)) {
      const last = await this.outreach.lastOutcomes(chunk.map((m) => m.id));
      count += chunk.length;
      yield chunk.map((m) => toCallSheetRow(m, last.get(m.id)));
    }
    // Who took which personal data out of the register: an audit line per sheet.
    this.logger.log(
      { userId: user.id, role: user.role, callSheet: sheet.title, format, filter: sheet.filter, rows: count },
      'Call sheet exported',
    );
  }
}

/** A title for an unsaved filter: "South Africa: Gauteng", "Lesotho, United Kingdom", "All countries". */
export function describeFilter(filter: SegmentFilter): string {
  const countries = (filter.countries ?? []).map((c) => countryNames.of(c) ?? c).join(', ');
  const regions = (filter.regions ?? []).join(', ');
  const place = [countries, regions].filter(Boolean).join(': ') || 'All countries';
  const { countries: _c, regions: _r, hasEmail: _e, hasPhone: _p, statuses: _s, ...others } = filter;
  return Object.keys(others).length ? `${place} (filtered)` : place;
}
