import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Auth, CurrentUser } from '../../auth/auth.decorators';
import type { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../common/clock';
import { csvDownload } from '../segments/csv-download';
import { SegmentFilterDto } from '../segments/dto/segment-filter.dto';
import { MemberExportService } from '../segments/member-export.service';
import { compactFilter } from '../segments/segment-filter';
import { ConsentDto, CreateMemberDto, ListMembersQueryDto, MemberDto, MemberPageDto, UpdateMemberDto } from './dto/member.dto';
import { mapMember, mapMemberSummary } from './member.mapper';
import { MembersService } from './members.service';

const DEFAULT_PAGE_SIZE = 50;

@ApiTags('members')
@Auth('organiser', 'registrar')
@Controller('members')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly exporter: MemberExportService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ type: MemberPageDto, description: 'a page of the filtered members and the total they make' })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListMembersQueryDto): Promise<MemberPageDto> {
    const { page = 1, pageSize = DEFAULT_PAGE_SIZE, sort, direction } = query;
    const result = await this.members.list(user, compactFilter(query), { page, pageSize, sort, direction });
    return { items: result.items.map(mapMemberSummary), total: result.total, page, pageSize };
  }

  // Declared before ':id' so "export.csv" is never read as an id.
  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'the filtered members (as the caller may see them), UTF-8 CSV with BOM' })
  export(@CurrentUser() user: AuthUser, @Query() filter: SegmentFilterDto): StreamableFile {
    return csvDownload(this.exporter.csv(user, filter), 'members', this.clock.now());
  }

  @Get(':id')
  @ApiOkResponse({ type: MemberDto })
  @ApiNotFoundResponse({ description: 'no such member, or outside the registrar’s countries' })
  async get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<MemberDto> {
    return mapMember(await this.members.get(user, id));
  }

  @Post()
  @ApiCreatedResponse({ type: MemberDto })
  @ApiConflictResponse({ description: 'already in the register: `fields.duplicateOf` lists the existing ids' })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateMemberDto): Promise<MemberDto> {
    const { consent, ...fields } = dto;
    return mapMember(await this.members.create(user, fields, consent));
  }

  @Patch(':id')
  @ApiOkResponse({ type: MemberDto })
  @ApiConflictResponse({ description: 'the new email or phone belongs to another member (`fields.duplicateOf`)' })
  async update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateMemberDto,
  ): Promise<MemberDto> {
    return mapMember(await this.members.update(user, id, dto));
  }

  @Put(':id/consent')
  @ApiOkResponse({ type: MemberDto })
  async setConsent(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ConsentDto,
  ): Promise<MemberDto> {
    return mapMember(await this.members.setConsent(user, id, dto));
  }
}
