import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Auth } from '../auth/auth.decorators';
import { type AttendeeRole, attendeeRoles } from './attendee.entity';
import { AttendeesService } from './attendees.service';

class AttendeeDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: attendeeRoles, enumName: 'AttendeeRole' }) role: AttendeeRole;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) countryCode: string | null;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty() badgeNumber: number;
  @ApiProperty() status: string;
  @ApiProperty({ type: [String], nullable: true }) needs: string[] | null;
}

@ApiTags('attendees')
@Auth('organiser')
@Controller('forums/:forumId/attendees')
export class AttendeesController {
  constructor(private readonly attendees: AttendeesService) {}

  @Get()
  @ApiOkResponse({ type: [AttendeeDto] })
  async list(@Param('forumId', ParseUUIDPipe) forumId: string): Promise<AttendeeDto[]> {
    return (await this.attendees.list(forumId)).map((a) => ({
      id: a.id,
      role: a.role,
      firstName: a.firstName,
      lastName: a.lastName,
      countryCode: a.countryCode,
      region: a.region,
      badgeNumber: a.badgeNumber,
      status: a.status,
      needs: a.needs,
    }));
  }
}
