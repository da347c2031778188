import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import {
  type Channel,
  channels,
  type ConsentMethod,
  consentMethods,
  type Language,
  languages,
  type MemberEventKind,
  memberEventKinds,
  type MemberSource,
  memberSources,
  type MemberStatus,
  memberStatuses,
  type Sector,
  sectors,
} from '../../register.constants';
import { type MergeField, mergeFields } from '../merge-choices';
import { maxPage } from '../../../common/validation';

export class DuplicatesQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @maxPage()
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100, { message: 'must be at most 100' })
  pageSize?: number;
}

export class CompareQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a member id' })
  a: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a member id' })
  b: string;
}

export class DuplicateMemberDto {
  @ApiProperty() id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) whatsapp: string | null;
  @ApiProperty() countryCode: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ enum: memberSources, enumName: 'MemberSource' }) source: MemberSource;
  @ApiProperty({ enum: memberStatuses, enumName: 'MemberStatus' }) status: MemberStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class DuplicateGroupDto {
  @ApiProperty({ type: [String] }) sharedEmails: string[];
  @ApiProperty({ type: [String] }) sharedPhones: string[];
  @ApiProperty({ type: [DuplicateMemberDto], description: 'oldest first' }) members: DuplicateMemberDto[];
}

export class DuplicatePageDto {
  @ApiProperty({ description: 'groups in all pages' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: [DuplicateGroupDto] }) groups: DuplicateGroupDto[];
}

/** Every field a merge decides, with everything the side-by-side chooser shows. */
export class MergeCandidateDto extends DuplicateMemberDto {
  @ApiProperty({ type: String, nullable: true }) occupation: string | null;
  @ApiProperty({ enum: sectors, enumName: 'Sector', isArray: true }) sectors: Sector[];
  @ApiProperty({ enum: channels, enumName: 'Channel' }) preferredChannel: Channel;
  @ApiProperty({ enum: languages, enumName: 'Language' }) preferredLanguage: Language;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) consentAt: string | null;
  @ApiProperty({ enum: consentMethods, enumName: 'ConsentMethod', nullable: true }) consentMethod: ConsentMethod | null;
  @ApiProperty() consentInvitations: boolean;
  @ApiProperty() consentUpdates: boolean;
}

/** Per field, the id of the member whose value is kept. */
export class MergeChoicesDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'must be a member id' }) firstName?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'must be a member id' }) lastName?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'must be a member id' }) email?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'must be a member id' }) phone?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'must be a member id' }) whatsapp?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'country, region and city together' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a member id' })
  location?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'must be a member id' }) occupation?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a member id' })
  preferredChannel?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a member id' })
  preferredLanguage?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'when, how and what for, together' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a member id' })
  consent?: string;
}

export class MergeComparisonDto {
  @ApiProperty({ type: [MergeCandidateDto] }) members: MergeCandidateDto[];
  @ApiProperty() suggestedKeepId: string;
  @ApiProperty({ type: MergeChoicesDto, description: 'the best value per field (every field set)' })
  suggested: MergeChoicesDto;
  @ApiProperty({ enum: mergeFields, enumName: 'MergeField', isArray: true }) fields: MergeField[];
}

export class MergeDto {
  @ApiProperty({ format: 'uuid', description: 'the record that stays' })
  @IsUUID('all', { message: 'must be a member id' })
  keepId: string;

  @ApiProperty({ format: 'uuid', description: 'the record merged into it (kept, marked merged)' })
  @IsUUID('all', { message: 'must be a member id' })
  mergeId: string;

  @ApiPropertyOptional({ type: MergeChoicesDto })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => MergeChoicesDto)
  fields?: MergeChoicesDto;
}

export class MergedHistoryEventDto {
  @ApiProperty() id: string;
  @ApiProperty() memberId: string;
  @ApiProperty({ enum: memberEventKinds, enumName: 'MemberEventKind' }) kind: MemberEventKind;
  @ApiProperty() actor: string;
  @ApiProperty({ type: Object, nullable: true, additionalProperties: true }) details: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class MergeResultDto {
  @ApiProperty({ type: MergeCandidateDto }) kept: MergeCandidateDto;
  @ApiProperty({ type: [MergedHistoryEventDto], description: 'the history of both records, newest first' })
  history: MergedHistoryEventDto[];
}
