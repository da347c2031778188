import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import slugify from 'slugify';
import type { AuthUser } from '../auth/auth-user';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import { DoorDevicesService } from '../auth/door-devices.service';
import { pdfDownload } from '../badges/pdf-download';
import { toCheckInResults } from './check-in-results';
import { CheckInService } from './check-in.service';
import { DoorDataService } from './door-data.service';
import {
  CheckInBatchDto,
  CheckInResultsDto,
  DoorDataDto,
  DoorDayQueryDto,
  DoorDeviceReportDto,
  DoorForumDto,
  DoorListQueryDto,
  WalkInDto,
  WalkInResultDto,
} from './dto/door.dto';
import { WalkInService } from './walk-in.service';

/**
 * The door app's API: the only routes door accounts reach, and only for the forums (and days) they
 * are assigned to (organisers reach every forum).
 */
@ApiTags('door')
@Auth('door', 'organiser')
@Controller('door')
export class DoorController {
  constructor(
    private readonly doorData: DoorDataService,
    private readonly checkIns: CheckInService,
    private readonly walkIns: WalkInService,
    private readonly devices: DoorDevicesService,
  ) {}

  @Get('forums')
  @ApiOkResponse({ type: [DoorForumDto] })
  forums(@CurrentUser() user: AuthUser): Promise<DoorForumDto[]> {
    return this.doorData.forumsAtTheDoor(user);
  }

  /** Compressed (brotli or gzip) like every larger answer: 10,000 attendees are ~850 KB of JSON. */
  @Get('forums/:forumId/data')
  @Header('Cache-Control', 'private, no-cache')
  @ApiOkResponse({ type: DoorDataDto })
  data(
    @CurrentUser() user: AuthUser,
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Query() query: DoorDayQueryDto,
  ): Promise<DoorDataDto> {
    return this.doorData.build(user, forumId, query.day);
  }

  @Get('forums/:forumId/door-list.pdf')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the paper door list: everyone with a valid badge by surname, badge numbers, tick boxes' })
  async doorList(
    @CurrentUser() user: AuthUser,
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Query() query: DoorListQueryDto,
  ): Promise<StreamableFile> {
    const { forum, pdf } = await this.doorData.doorList(user, forumId, query.day);
    const base = slugify(forum.name, { lower: true, strict: true }).slice(0, 60) || 'forum';
    return pdfDownload(pdf, `${base}-door-list${query.day ? `-${query.day}` : ''}`);
  }

  /** The door app says which door this device works and what it still holds, at each sync. */
  @Put('device')
  @HttpCode(204)
  @ApiNoContentResponse()
  reportDevice(@CurrentUser() user: AuthUser, @Body() body: DoorDeviceReportDto): Promise<void> {
    return this.devices.report(user, body);
  }

  @Post('forums/:forumId/check-ins')
  @HttpCode(200)
  @ApiOkResponse({ type: CheckInResultsDto })
  async checkIn(
    @CurrentUser() user: AuthUser,
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Body() body: CheckInBatchDto,
  ): Promise<CheckInResultsDto> {
    return toCheckInResults(await this.checkIns.record(user, forumId, body.checkIns, body.sentAt));
  }

  @Post('forums/:forumId/walk-ins')
  @ApiCreatedResponse({ type: WalkInResultDto })
  walkIn(
    @CurrentUser() user: AuthUser,
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Body() body: WalkInDto,
  ): Promise<WalkInResultDto> {
    return this.walkIns.registerAndAdmit(user, forumId, body);
  }
}
