import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import { Clock } from '../common/clock';
import { AuditLogService, toPlain } from './audit-log.service';
import { AuditExportQuery, AuditListQuery, AuditPageDto } from './dto/audit.dto';

@ApiTags('audit')
@Auth('organiser')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditLogService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Query() query: AuditListQuery): Promise<AuditPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { items, total } = await this.audit.page(query, page, pageSize);
    return { items: items.map(toPlain), total, page, pageSize };
  }

  @Get('export')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'the filtered log, newest first: UTF-8 CSV with BOM (formulas neutralised), or a JSON array' })
  export(@CurrentUser() user: AuthUser, @Query() query: AuditExportQuery): StreamableFile {
    const format = query.format ?? 'csv';
    const day = this.clock.now().toISOString().slice(0, 10);
    return new StreamableFile(this.audit.export(user, query, format), {
      type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      disposition: `attachment; filename="audit-log-${day}.${format}"`,
    });
  }
}
