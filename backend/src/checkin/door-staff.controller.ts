import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import type { AuthUser } from '../auth/auth-user';
import { Auth, CurrentUser } from '../auth/auth.decorators';
import { DoorAccess } from './door-access.service';

export class DoorAssignmentDto {
  @ApiProperty() @IsUUID('all', { message: 'must be a forum id' }) forumId: string;

  @ApiPropertyOptional({ type: [String], nullable: true, description: 'the forum days worked; empty or null: every day' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(14)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'use the form YYYY-MM-DD' })
  days?: string[] | null;
}

export class DoorAssignmentsDto {
  @ApiProperty({ type: [DoorAssignmentDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true, message: 'each assignment must be an object' })
  @ValidateNested({ each: true })
  @Type(() => DoorAssignmentDto)
  assignments: DoorAssignmentDto[];
}

export class DoorStaffDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [DoorAssignmentDto] }) assignments: DoorAssignmentDto[];
}

/** Organisers assign door accounts to forums (and optionally days): a door session reaches only those. */
@ApiTags('users')
@Auth('organiser')
@Controller('door-staff')
export class DoorStaffController {
  constructor(private readonly access: DoorAccess) {}

  @Get()
  @ApiOkResponse({ type: [DoorStaffDto] })
  list(): Promise<DoorStaffDto[]> {
    return this.access.doorStaff();
  }

  @Put(':userId/assignments')
  @ApiOkResponse({ type: DoorAssignmentsDto })
  async assign(
    @CurrentUser() actor: AuthUser,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: DoorAssignmentsDto,
  ): Promise<DoorAssignmentsDto> {
    return { assignments: await this.access.assign(actor, userId, body.assignments) };
  }
}
