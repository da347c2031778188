import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { type AttendeeRole, attendeeRoles } from '../../attendees/attendee.constants';

export class BadgeSelectionQuery {
  @ApiPropertyOptional({ enum: attendeeRoles, enumName: 'AttendeeRole', description: 'only this role' })
  @IsOptional()
  @IsIn(attendeeRoles, { message: `must be one of: ${attendeeRoles.join(', ')}` })
  role?: AttendeeRole;

  @ApiPropertyOptional({ description: 'only attendees who are members of this saved segment' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a segment id' })
  segmentId?: string;
}

export class BadgeCountDto {
  @ApiProperty({ description: 'badges the selection prints (confirmed attendees, badge not revoked)' })
  count: number;
}
