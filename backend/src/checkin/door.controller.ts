import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import { toCheckInResults } from './check-in-results';
import { CheckInService } from './check-in.service';
import { DoorDataService } from './door-data.service';
import {
  CheckInBatchDto,
  CheckInResultsDto,
  DoorDataDto,
  DoorDayQueryDto,
  DoorForumDto,
  WalkInDto,
  WalkInResultDto,
} from './dto/door.dto';
import { WalkInService } from './walk-in.service';

/** The door app's API: the only routes door accounts reach. */
@ApiTags('door')
@Auth('door', 'organiser')
@Controller('door/forums')
export class DoorController {
  constructor(
    private readonly doorData: DoorDataService,
    private readonly checkIns: CheckInService,
    private readonly walkIns: WalkInService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [DoorForumDto] })
  forums(): Promise<DoorForumDto[]> {
    return this.doorData.forumsAtTheDoor();
  }

  /** Compressed (brotli or gzip) like every larger answer: 10,000 attendees are ~850 KB of JSON. */
  @Get(':forumId/data')
  @Header('Cache-Control', 'private, no-cache')
  @ApiOkResponse({ type: DoorDataDto })
  data(@Param('forumId', ParseUUIDPipe) forumId: string, @Query() query: DoorDayQueryDto): Promise<DoorDataDto> {
    return this.doorData.build(forumId, query.day);
  }

  @Post(':forumId/check-ins')
  @HttpCode(200)
  @ApiOkResponse({ type: CheckInResultsDto })
  async checkIn(
    @CurrentUser() user: AuthUser,
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Body() body: CheckInBatchDto,
  ): Promise<CheckInResultsDto> {
    return toCheckInResults(await this.checkIns.record(user, forumId, body.checkIns, body.sentAt));
  }

  @Post(':forumId/walk-ins')
  @ApiCreatedResponse({ type: WalkInResultDto })
  walkIn(
    @CurrentUser() user: AuthUser,
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Body() body: WalkInDto,
  ): Promise<WalkInResultDto> {
    return this.walkIns.registerAndAdmit(user, forumId, body);
  }
}
