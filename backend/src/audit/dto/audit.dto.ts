import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  type AuditAction,
  auditActions,
  type AuditActorRole,
  auditActorRoles,
  type AuditArea,
  auditAreas,
} from '@diaspora-forum/lists';
import { Transform } from 'class-transformer';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

import { PageQuery } from '../../common/dto/page-query.dto';

const dateOrTime = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/** A query value given once or repeated (?action=a&action=b), or comma-separated. */
const asList = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter(Boolean);

export class AuditFilterQuery {
  @ApiPropertyOptional({ type: [String], enum: auditActions, enumName: 'AuditAction', description: 'one or more actions' })
  @IsOptional()
  @Transform(asList)
  @IsIn(auditActions, { each: true, message: 'each action must be one of the audit actions' })
  action?: AuditAction[];

  @ApiPropertyOptional({ enum: auditAreas, enumName: 'AuditArea', description: "every action of an area, e.g. 'staff'" })
  @IsOptional()
  @IsIn(auditAreas, { message: `must be one of: ${auditAreas.join(', ')}` })
  area?: AuditArea;

  @ApiPropertyOptional({ description: 'the staff account that acted' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a staff account id' })
  actorId?: string;

  @ApiPropertyOptional({ description: "what was acted on: 'member', 'user', 'forum', 'campaign', 'attendee', 'import'…" })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,24}$/, { message: 'use a target type such as member or campaign' })
  targetType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: 'use at most $constraint1 characters' })
  targetId?: string;

  @ApiPropertyOptional({ description: 'from this day (UTC, YYYY-MM-DD) or time, inclusive' })
  @IsOptional()
  @Matches(dateOrTime, { message: 'use a date (YYYY-MM-DD) or an ISO 8601 time' })
  @IsDateString({}, { message: 'use a real date' })
  from?: string;

  @ApiPropertyOptional({ description: 'up to and including this day (UTC, YYYY-MM-DD), or before this time' })
  @IsOptional()
  @Matches(dateOrTime, { message: 'use a date (YYYY-MM-DD) or an ISO 8601 time' })
  @IsDateString({}, { message: 'use a real date' })
  to?: string;
}

export class AuditListQuery extends IntersectionType(AuditFilterQuery, PageQuery) {}

export class AuditExportQuery extends AuditFilterQuery {
  @ApiPropertyOptional({ enum: ['csv', 'json'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'json'], { message: 'must be csv or json' })
  format?: 'csv' | 'json';
}

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: auditActions, enumName: 'AuditAction' }) action: AuditAction;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the staff member, when the account still exists' })
  actorName: string | null;
  @ApiProperty({ enum: auditActorRoles, enumName: 'AuditActorRole' }) actorRole: AuditActorRole;
  @ApiProperty({ type: String, nullable: true }) targetType: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ description: 'ids and counts only' }) summary: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto], description: 'newest first' }) items: AuditEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
