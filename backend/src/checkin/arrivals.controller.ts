import { Controller, Get, Header, type MessageEvent, Param, ParseUUIDPipe, Sse, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import slugify from 'slugify';
import type { AuthUser } from '../auth/auth-user';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import { Clock } from '../common/clock';
import { ArrivalsService } from './arrivals.service';
import { ArrivalsSummaryDto, ConflictDto } from './dto/arrivals.dto';

/** Organisers' views of the doors: live arrivals, the conflict report, the attendance export. */
@ApiTags('arrivals')
@Auth('organiser')
@Controller('forums/:forumId')
export class ArrivalsController {
  constructor(
    private readonly arrivals: ArrivalsService,
    private readonly clock: Clock,
  ) {}

  @Get('arrivals')
  @ApiOkResponse({ type: ArrivalsSummaryDto })
  summary(@Param('forumId', ParseUUIDPipe) forumId: string): Promise<ArrivalsSummaryDto> {
    return this.arrivals.summary(forumId);
  }

  @Sse('arrivals/stream')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'server-sent events named "summary", each carrying an ArrivalsSummary' })
  stream(@Param('forumId', ParseUUIDPipe) forumId: string): Promise<Observable<MessageEvent>> {
    return this.arrivals.stream(forumId);
  }

  @Get('check-ins/conflicts')
  @ApiOkResponse({ type: [ConflictDto] })
  async conflicts(@Param('forumId', ParseUUIDPipe) forumId: string): Promise<ConflictDto[]> {
    return (await this.arrivals.conflicts(forumId)).map((c) => ({
      kind: c.kind,
      day: c.day,
      attendee: c.attendee,
      admission: c.admission && { ...c.admission, scannedAt: c.admission.scannedAt.toISOString() },
      duplicate: {
        ...c.duplicate,
        scannedAt: c.duplicate.scannedAt.toISOString(),
        recordedAt: c.duplicate.recordedAt.toISOString(),
      },
    }));
  }

  @Get('attendance.csv')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'who attended: first admission per day (forum time) and door; UTF-8 CSV with BOM' })
  async attendance(@CurrentUser() user: AuthUser, @Param('forumId', ParseUUIDPipe) forumId: string): Promise<StreamableFile> {
    const { forum, csv } = await this.arrivals.attendanceCsv(forumId, user);
    const base = slugify(forum.name, { lower: true, strict: true }).slice(0, 60) || 'forum';
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${base}-attendance-${this.clock.now().toISOString().slice(0, 10)}.csv"`,
    });
  }
}
