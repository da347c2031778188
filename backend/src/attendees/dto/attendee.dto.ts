import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { type Attendee, type AttendeeRole, attendeeRoles } from '../attendee.entity';

const oneOf = { message: `must be one of: ${attendeeRoles.join(', ')}` };
const atMost = { message: 'use at most $constraint1 characters' };
const text = { message: 'must be text' };

export class AttendeeDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: attendeeRoles, enumName: 'AttendeeRole' }) role: AttendeeRole;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) countryCode: string | null;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) memberId: string | null;
  @ApiProperty() badgeNumber: number;
  @ApiProperty({ description: 'bumped by each re-issue; older printed badges are refused at the door' }) badgeVersion: number;
  @ApiProperty() badgeRevoked: boolean;
  @ApiProperty({ enum: ['confirmed', 'cancelled'], enumName: 'AttendeeStatus' }) status: 'confirmed' | 'cancelled';
  @ApiProperty({ type: [String], nullable: true }) needs: string[] | null;
}

export function mapAttendee(a: Attendee): AttendeeDto {
  return {
    id: a.id,
    role: a.role,
    firstName: a.firstName,
    lastName: a.lastName,
    countryCode: a.countryCode,
    region: a.region,
    memberId: a.memberId,
    badgeNumber: a.badgeNumber,
    badgeVersion: a.badgeVersion,
    badgeRevoked: a.badgeRevoked,
    status: a.status,
    needs: a.needs,
  };
}

export class AttendeeListQuery {
  @ApiPropertyOptional({ enum: attendeeRoles, enumName: 'AttendeeRole' })
  @IsOptional()
  @IsIn(attendeeRoles, oneOf)
  role?: AttendeeRole;
}

export class CreateAttendeeDto {
  @ApiProperty({ enum: attendeeRoles, enumName: 'AttendeeRole' })
  @IsIn(attendeeRoles, oneOf)
  role: AttendeeRole;

  @ApiProperty({ example: 'Zoë' })
  @IsString(text)
  @Matches(/\S/, { message: 'enter the first name' })
  @MaxLength(80, atMost)
  firstName: string;

  @ApiProperty({ example: 'Ntšekhe' })
  @IsString(text)
  @Matches(/\S/, { message: 'enter the surname' })
  @MaxLength(80, atMost)
  lastName: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2', example: 'LS' })
  @IsOptional()
  @IsString(text)
  @Matches(/^[A-Za-z]{2}$/, { message: 'use the two-letter country code, e.g. LS or ZA' })
  countryCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'province (ZA) or region', example: 'Gauteng' })
  @IsOptional()
  @IsString(text)
  @MaxLength(80, atMost)
  region?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'the register member this person is, if any' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a member id' })
  memberId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'what door staff should know, e.g. wheelchair' })
  @IsOptional()
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(10, { message: 'at most 10 entries' })
  @IsString({ each: true, ...text })
  @MinLength(1, { each: true, message: 'entries must not be empty' })
  @MaxLength(60, { each: true, message: 'entries: use at most 60 characters' })
  needs?: string[];
}

export class UpdateAttendeeDto {
  @ApiProperty({ enum: attendeeRoles, enumName: 'AttendeeRole' })
  @IsIn(attendeeRoles, oneOf)
  role: AttendeeRole;
}
