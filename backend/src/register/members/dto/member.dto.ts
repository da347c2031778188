import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
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
import { SegmentFilterDto } from '../../segments/dto/segment-filter.dto';
import { MAX_PAGE_SIZE } from '../../segments/segment-query.service';
import { type MemberSort, memberSorts, type SortDirection } from '../../segments/segment-query.repository';
import { maxPage, nullsValidated } from '../../../common/validation';

const atMost = { message: 'use at most $constraint1 characters' };
const text = { message: 'must be text' };
const oneOf = (list: readonly string[]) => ({ message: `must be one of: ${list.join(', ')}` });

/** A required text field with one message when it is missing and another when it is too long. */
function RequiredText(max: number, missing: string): PropertyDecorator {
  return ValidateBy({
    name: 'requiredText',
    constraints: [max],
    validator: {
      validate: (value) => typeof value === 'string' && value.length <= max,
      defaultMessage: (args) => (typeof args?.value === 'string' ? `use at most ${max} characters` : missing),
    },
  });
}

export class ConsentDto {
  @ApiProperty({ description: 'consents to be invited to forums' })
  @IsBoolean({ message: 'must be true or false' })
  invitations: boolean;

  @ApiProperty({ description: 'consents to receive news and updates' })
  @IsBoolean({ message: 'must be true or false' })
  updates: boolean;

  @ApiProperty({ enum: consentMethods, enumName: 'ConsentMethod', description: 'how the member gave (or withdrew) it' })
  @IsIn(consentMethods, oneOf(consentMethods))
  method: ConsentMethod;
}

// Shapes and sizes are checked here; the register's own rules (names, E.164 phones, provinces,
// "an email or a phone") run in RegisterService.normalise, with the same messages as imports.
export class MemberFieldsDto {
  @ApiProperty({ example: 'Palesa', maxLength: 80 })
  @RequiredText(80, 'enter a first name')
  firstName: string;

  @ApiProperty({ example: 'Ntšekhe', maxLength: 80 })
  @RequiredText(80, 'enter a surname')
  lastName: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'palesa@example.org' })
  @IsOptional()
  @IsString(text)
  @MaxLength(254, atMost)
  email?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'any common form; stored in E.164',
    example: '+27 82 123 4567',
  })
  @IsOptional()
  @IsString(text)
  @MaxLength(40, atMost)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString(text)
  @MaxLength(40, atMost)
  whatsapp?: string | null;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2 country of residence', example: 'ZA' })
  @RequiredText(8, 'enter the country of residence')
  countryCode: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'one of the nine provinces for ZA', example: 'Gauteng' })
  @IsOptional()
  @IsString(text)
  @MaxLength(80, atMost)
  region?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString(text)
  @MaxLength(80, atMost)
  city?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString(text)
  @MaxLength(120, atMost)
  occupation?: string | null;

  @ApiPropertyOptional({ enum: sectors, enumName: 'Sector', isArray: true })
  @IsOptional()
  @IsArray({ message: 'must be a list' })
  @ArrayMaxSize(sectors.length, { message: 'choose at most $constraint1' })
  @IsIn(sectors, { each: true, message: `each must be one of: ${sectors.join(', ')}` })
  sectors?: Sector[];

  @ApiPropertyOptional({ enum: channels, enumName: 'Channel', description: 'default: email if given, else WhatsApp or phone' })
  @IsOptional()
  @IsIn(channels, oneOf(channels))
  preferredChannel?: Channel;

  @ApiPropertyOptional({ enum: languages, enumName: 'Language', default: 'en' })
  @IsOptional()
  @IsIn(languages, oneOf(languages))
  preferredLanguage?: Language;
}

export class CreateMemberDto extends MemberFieldsDto {
  @ApiPropertyOptional({ type: ConsentDto, description: 'left out: no consent recorded' })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => ConsentDto)
  consent?: ConsentDto;
}

/** Only the fields sent change; null clears an optional field. */
export class UpdateMemberDto extends PartialType(MemberFieldsDto, nullsValidated) {}

export class ListMembersQueryDto extends SegmentFilterDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @maxPage()
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: 'must be at most $constraint1' })
  pageSize?: number;

  @ApiPropertyOptional({ enum: memberSorts, enumName: 'MemberSort', default: 'name' })
  @IsOptional()
  @IsIn(memberSorts, oneOf(memberSorts))
  sort?: MemberSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], enumName: 'SortDirection', default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'], oneOf(['asc', 'desc']))
  direction?: SortDirection;
}

export class MemberSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'E.164' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'E.164' }) whatsapp: string | null;
  @ApiProperty() countryCode: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: String, nullable: true }) occupation: string | null;
  @ApiProperty({ enum: sectors, enumName: 'Sector', isArray: true }) sectors: Sector[];
  @ApiProperty({ enum: channels, enumName: 'Channel' }) preferredChannel: Channel;
  @ApiProperty({ enum: languages, enumName: 'Language' }) preferredLanguage: Language;
  @ApiProperty() consentInvitations: boolean;
  @ApiProperty() consentUpdates: boolean;
  @ApiProperty({ enum: memberStatuses, enumName: 'MemberStatus' }) status: MemberStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MemberEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: memberEventKinds, enumName: 'MemberEventKind' }) kind: MemberEventKind;
  @ApiProperty({ description: '"staff:<userId>", "member" or "system"' }) actor: string;
  @ApiProperty({ type: String, nullable: true, description: 'the staff member’s name, when the actor is staff' })
  actorName: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) details: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class MemberDto extends MemberSummaryDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) consentAt: string | null;
  @ApiProperty({ enum: consentMethods, enumName: 'ConsentMethod', nullable: true }) consentMethod: ConsentMethod | null;
  @ApiProperty({ enum: memberSources, enumName: 'MemberSource' }) source: MemberSource;
  @ApiProperty({ type: String, nullable: true }) sourceBatchId: string | null;
  @ApiProperty({ type: String, nullable: true }) mergedIntoId: string | null;
  @ApiProperty({ type: String, nullable: true }) createdById: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [MemberEventDto], description: 'newest first' }) history: MemberEventDto[];
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberSummaryDto] }) items: MemberSummaryDto[];
  @ApiProperty({ description: 'members the whole filter holds' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
