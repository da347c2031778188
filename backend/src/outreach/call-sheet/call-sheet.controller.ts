import { Body, Controller, Get, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import slugify from 'slugify';
import { Auth, CurrentUser } from '../../auth/auth.decorators';
import type { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../common/clock';
import { CallSheetService, type CallSheetRequest } from './call-sheet.service';
import { CallSheetBodyDto, CallSheetQueryDto } from './dto/call-sheet.dto';

const csvDescription = 'members without email, with a phone (UTF-8 CSV with BOM, formulas neutralised)';
const pdfDescription = 'the same as a printable A4 landscape PDF';

/** Call sheets for outreach consultants. Registrars get the members of their own countries only. */
@ApiTags('outreach')
@Auth('organiser', 'registrar')
@Controller('outreach/call-sheet')
export class CallSheetController {
  constructor(
    private readonly sheets: CallSheetService,
    private readonly clock: Clock,
  ) {}

  @Get('csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: csvDescription })
  csvFromQuery(@CurrentUser() user: AuthUser, @Query() query: CallSheetQueryDto): Promise<StreamableFile> {
    return this.csv(user, fromQuery(query));
  }

  @Post('csv')
  @HttpCode(200)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: csvDescription })
  csvFromBody(@CurrentUser() user: AuthUser, @Body() body: CallSheetBodyDto): Promise<StreamableFile> {
    return this.csv(user, body);
  }

  @Get('pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: pdfDescription })
  pdfFromQuery(@CurrentUser() user: AuthUser, @Query() query: CallSheetQueryDto): Promise<StreamableFile> {
    return this.pdf(user, fromQuery(query));
  }

  @Post('pdf')
  @HttpCode(200)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: pdfDescription })
  pdfFromBody(@CurrentUser() user: AuthUser, @Body() body: CallSheetBodyDto): Promise<StreamableFile> {
    return this.pdf(user, body);
  }

  private async csv(user: AuthUser, request: CallSheetRequest): Promise<StreamableFile> {
    const sheet = await this.sheets.prepare(user, request);
    return new StreamableFile(this.sheets.csv(user, sheet), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${this.fileName(sheet.title)}.csv"`,
    });
  }

  private async pdf(user: AuthUser, request: CallSheetRequest): Promise<StreamableFile> {
    const sheet = await this.sheets.prepare(user, request);
    return new StreamableFile(this.sheets.pdf(user, sheet), {
      type: 'application/pdf',
      disposition: `attachment; filename="${this.fileName(sheet.title)}.pdf"`,
    });
  }

  private fileName(title: string): string {
    const base = slugify(title, { lower: true, strict: true }).slice(0, 60) || 'members';
    return `call-sheet-${base}-${this.clock.now().toISOString().slice(0, 10)}`;
  }
}

function fromQuery({ segmentId, ...filter }: CallSheetQueryDto): CallSheetRequest {
  return { segmentId, filter };
}
