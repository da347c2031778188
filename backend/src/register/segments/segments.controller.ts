import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../../auth/auth.decorators';
import type { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../common/clock';
import { csvDownload } from './csv-download';
import { CreateSegmentDto, SegmentDto, UpdateSegmentDto } from './dto/segment.dto';
import { MemberExportService } from './member-export.service';
import { mapSegment } from './segment.mapper';
import { SegmentsService } from './segments.service';

@ApiTags('segments')
@Auth('organiser', 'registrar')
@Controller('segments')
export class SegmentsController {
  constructor(
    private readonly segments: SegmentsService,
    private readonly exporter: MemberExportService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ type: [SegmentDto], description: 'every saved segment, with its live count for the caller' })
  async list(@CurrentUser() user: AuthUser): Promise<SegmentDto[]> {
    return (await this.segments.list(user)).map((s) => mapSegment(user, s));
  }

  @Post()
  @ApiCreatedResponse({ type: SegmentDto })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateSegmentDto): Promise<SegmentDto> {
    return mapSegment(user, await this.segments.create(user, dto));
  }

  @Get(':id')
  @ApiOkResponse({ type: SegmentDto })
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SegmentDto> {
    return mapSegment(user, await this.segments.get(user, id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: SegmentDto })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSegmentDto,
  ): Promise<SegmentDto> {
    return mapSegment(user, await this.segments.update(user, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.segments.remove(user, id);
  }

  @Get(':id/export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: "the segment's members (as the caller may see them), UTF-8 CSV with BOM" })
  async export(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { segment, filter } = await this.segments.filterOf(id);
    return csvDownload(this.exporter.csv(user, filter, `segment ${segment.id}`), segment.name, this.clock.now());
  }
}
