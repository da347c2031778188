import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { type CampaignStatus, campaignStatuses, type Campaign } from '../campaign.entity';
import { type Language, languages } from '../../register/register.constants';
import { type RsvpResponse, rsvpResponses } from '../invitation.entity';
import { type InviteeState, inviteeStates, type InviteeRow } from '../invitation.repository';
import { maxPage } from '../../common/validation';

export class CampaignAudienceDto {
  @ApiPropertyOptional({ description: 'a saved segment' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a segment id' })
  segmentId?: string;
  @ApiPropertyOptional({
    description: 'a member filter, as the member list takes it',
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  filter?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [String], description: 'members picked by hand' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, message: 'each must be a member id' })
  memberIds?: string[];
}

export class CreateCampaignDto {
  @ApiProperty({ example: 'First invitations — South Africa' })
  @IsString()
  @MinLength(2, { message: 'enter a name' })
  @MaxLength(120, { message: 'use at most $constraint1 characters' })
  name: string;
  @ApiProperty({ type: CampaignAudienceDto })
  @IsObject({ message: 'choose who to invite' })
  @ValidateNested()
  @Type(() => CampaignAudienceDto)
  audience: CampaignAudienceDto;
  @ApiPropertyOptional({ description: 'default 72' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'must be at least 1 hour' })
  @Max(24 * 60)
  reminderIntervalHours?: number;
}

export class SendCampaignDto {
  @ApiPropertyOptional({ description: 'send later, at this time; leave out to send now', format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'use an ISO 8601 date and time' })
  scheduledAt?: string;
}

export class InviteesQuery {
  @ApiPropertyOptional({ enum: inviteeStates, enumName: 'InviteeState' })
  @IsOptional()
  @IsIn(inviteeStates, { message: `must be one of: ${inviteeStates.join(', ')}` })
  state?: InviteeState;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @maxPage() page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

export class PreviewLocaleQuery {
  @ApiPropertyOptional({ enum: languages, enumName: 'Language' })
  @IsOptional()
  @IsIn(languages, { message: 'must be en or st' })
  locale?: Language;
}

export class CampaignDto {
  @ApiProperty() id: string;
  @ApiProperty() forumId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: CampaignAudienceDto }) audience: CampaignAudienceDto;
  @ApiProperty({ enum: campaignStatuses, enumName: 'CampaignStatus' }) status: CampaignStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) scheduledAt: string | null;
  @ApiProperty() invitedCount: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, nullable: true }) skipped: Record<
    string,
    number
  > | null;
  @ApiProperty() reminderIntervalHours: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
}

export class AudienceDto {
  @ApiProperty() willReceive: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) skipped: Record<string, number>;
  @ApiProperty({
    description: 'a few members per reason',
    type: 'object',
    additionalProperties: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id', 'name'] },
    },
  })
  examples: Record<string, { id: string; name: string }[]>;
}

export class ProgressDto {
  @ApiProperty({ type: CampaignDto }) campaign: CampaignDto;
  @ApiProperty({
    description: 'invitations by the state of their email',
    type: 'object',
    additionalProperties: { type: 'number' },
  })
  delivery: Record<string, number>;
  @ApiProperty({
    description: 'answers: accepted, waitlisted, declined, tentative, none',
    type: 'object',
    additionalProperties: { type: 'number' },
  })
  responses: Record<string, number>;
}

export class InviteeDto {
  @ApiProperty() invitationId: string;
  @ApiProperty() memberId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty() countryCode: string;
  @ApiProperty({ enum: inviteeStates, enumName: 'InviteeState' }) state: InviteeState;
  @ApiProperty({ type: String, nullable: true }) delivery: string | null;
  @ApiProperty({ type: String, nullable: true }) deliveryError: string | null;
  @ApiProperty({ enum: rsvpResponses, enumName: 'RsvpResponse', nullable: true }) response: RsvpResponse | null;
  @ApiProperty() waitlisted: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) openedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondedAt: string | null;
}

export class InviteePageDto {
  @ApiProperty({ type: [InviteeDto] }) items: InviteeDto[];
  @ApiProperty() total: number;
}

export class CountDto {
  @ApiProperty() count: number;
}

export function mapCampaign(c: Campaign): CampaignDto {
  return {
    id: c.id,
    forumId: c.forumId,
    name: c.name,
    audience: c.audience,
    status: c.status,
    scheduledAt: c.scheduledAt?.toISOString() ?? null,
    invitedCount: c.invitedCount,
    skipped: c.skipped,
    reminderIntervalHours: c.reminderIntervalHours,
    createdAt: c.createdAt.toISOString(),
    sentAt: c.sentAt?.toISOString() ?? null,
  };
}

export function mapInvitee(row: InviteeRow): InviteeDto {
  const i = row.invitation;
  const state: InviteeState = i.revokedAt
    ? 'revoked'
    : i.response
      ? 'responded'
      : i.openedAt
        ? 'opened'
        : row.messageState === 'failed'
          ? 'failed'
          : row.messageState === 'sent'
            ? 'delivered'
            : 'invited';
  return {
    invitationId: i.id,
    memberId: i.memberId,
    name: `${row.firstName} ${row.lastName}`,
    email: row.email,
    countryCode: row.countryCode,
    state,
    delivery: row.messageState,
    deliveryError: row.messageError,
    response: i.response,
    waitlisted: !!i.waitlistedAt,
    openedAt: i.openedAt?.toISOString() ?? null,
    respondedAt: i.respondedAt?.toISOString() ?? null,
  };
}
