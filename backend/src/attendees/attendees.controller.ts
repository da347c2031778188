import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import { AttendeesService } from './attendees.service';
import { AttendeeDto, AttendeeListQuery, CreateAttendeeDto, mapAttendee, UpdateAttendeeDto } from './dto/attendee.dto';

@ApiTags('attendees')
@Auth('organiser')
@Controller('forums/:forumId/attendees')
export class AttendeesController {
  constructor(private readonly attendees: AttendeesService) {}

  @Get()
  @ApiOkResponse({ type: [AttendeeDto], description: 'in surname order' })
  async list(@Param('forumId', ParseUUIDPipe) forumId: string, @Query() query: AttendeeListQuery): Promise<AttendeeDto[]> {
    return (await this.attendees.list(forumId, query.role)).map(mapAttendee);
  }

  @Post()
  @ApiCreatedResponse({ type: AttendeeDto, description: 'added with the forum’s next badge number' })
  async add(
    @CurrentUser() user: AuthUser,
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Body() dto: CreateAttendeeDto,
  ): Promise<AttendeeDto> {
    return mapAttendee(await this.attendees.add(user, forumId, dto));
  }

  @Patch(':id')
  @ApiOkResponse({ type: AttendeeDto })
  async update(
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAttendeeDto,
  ): Promise<AttendeeDto> {
    return mapAttendee(await this.attendees.setRole(forumId, id, dto.role));
  }

  @Post(':id/badge/reissue')
  @HttpCode(200)
  @ApiOkResponse({ type: AttendeeDto, description: 'a new badge version; badges printed before are refused at the door' })
  async reissue(
    @CurrentUser() user: AuthUser,
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AttendeeDto> {
    return mapAttendee(await this.attendees.reissue(forumId, id, user));
  }

  @Post(':id/badge/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: AttendeeDto, description: 'the badge is refused at the door until re-issued' })
  async revoke(
    @CurrentUser() user: AuthUser,
    @Param('forumId', ParseUUIDPipe) forumId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AttendeeDto> {
    return mapAttendee(await this.attendees.revoke(forumId, id, user));
  }
}
