import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../../auth/auth.decorators';
import type { AuthUser } from '../../auth/auth-user';
import { DuplicatesService } from './duplicates.service';
import { mapDuplicateGroup, mapMemberEvent, mapMergeCandidate } from './duplicates.mapper';
import {
  CompareQueryDto,
  DuplicatePageDto,
  DuplicatesQueryDto,
  MergedHistoryEventDto,
  MergeComparisonDto,
  MergeDto,
  MergeResultDto,
} from './dto/duplicates.dto';
import { mergeFields } from './merge-choices';

/** Registrars may find and merge duplicates within their own countries; organisers anywhere. */
@ApiTags('register duplicates')
@Auth('organiser', 'registrar')
@Controller('register/duplicates')
export class DuplicatesController {
  constructor(private readonly duplicates: DuplicatesService) {}

  @Get()
  @ApiOkResponse({ type: DuplicatePageDto })
  async list(@CurrentUser() user: AuthUser, @Query() query: DuplicatesQueryDto): Promise<DuplicatePageDto> {
    const page = await this.duplicates.groups(user, query.page, query.pageSize);
    return { ...page, groups: page.groups.map(mapDuplicateGroup) };
  }

  @Get('compare')
  @ApiOkResponse({ type: MergeComparisonDto })
  async compare(@CurrentUser() user: AuthUser, @Query() query: CompareQueryDto): Promise<MergeComparisonDto> {
    const result = await this.duplicates.compare(user, query.a, query.b);
    return { ...result, members: result.members.map(mapMergeCandidate), fields: [...mergeFields] };
  }

  @Post('merge')
  @HttpCode(200)
  @ApiOkResponse({ type: MergeResultDto })
  async merge(@CurrentUser() user: AuthUser, @Body() dto: MergeDto): Promise<MergeResultDto> {
    const result = await this.duplicates.merge(user, dto);
    return { kept: mapMergeCandidate(result.kept), history: result.history.map(mapMemberEvent) };
  }

  @Get('history/:memberId')
  @ApiOkResponse({ type: [MergedHistoryEventDto], description: 'the member’s history with that of every record merged into it' })
  async history(
    @CurrentUser() user: AuthUser,
    @Param('memberId', ParseUUIDPipe) memberId: string,
  ): Promise<MergedHistoryEventDto[]> {
    return (await this.duplicates.history(user, memberId)).map(mapMemberEvent);
  }
}
