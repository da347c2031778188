import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, type TransformFnParams } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsISO31661Alpha2, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  type Channel,
  channels,
  type Language,
  languages,
  type MemberSource,
  memberSources,
  type Sector,
  sectors,
} from '../../register.constants';
import { type ListableStatus, listableStatuses, type SegmentFilter } from '../segment-filter';

// The same DTO reads a filter from a query string (?countries=ZA&countries=GB&hasEmail=true) and
// from a JSON body (a saved segment): a lone query value becomes a one-item list, "true"/"false"
// become booleans, blanks mean "not set". Anything else is left for the validators to refuse.
const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && !value.trim());

export const toList = ({ value }: TransformFnParams): unknown => {
  if (blank(value)) return undefined;
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'string' ? item.trim() : item)).filter((item) => !blank(item));
};
const toUpperList = (params: TransformFnParams): unknown => {
  const list = toList(params);
  return Array.isArray(list) ? list.map((item) => (typeof item === 'string' ? item.toUpperCase() : item)) : list;
};
export const toBoolean = ({ value }: TransformFnParams): unknown =>
  value === 'true' ? true : value === 'false' ? false : blank(value) ? undefined : value;
const toText = ({ value }: TransformFnParams): unknown => (typeof value === 'string' ? value.trim() || undefined : value);

const oneOf = (list: readonly string[]) => ({ each: true, message: `each must be one of: ${list.join(', ')}` });
const list = { message: 'must be a list' };
const yesNo = { message: 'must be true or false' };

/** A member filter (see segment-filter.ts); unknown keys are refused by the global validation pipe. */
export class SegmentFilterDto implements SegmentFilter {
  @ApiPropertyOptional({ type: [String], description: 'ISO 3166-1 alpha-2 codes', example: ['ZA'] })
  @IsOptional()
  @Transform(toUpperList)
  @IsArray(list)
  @ArrayMaxSize(250, { message: 'choose at most $constraint1' })
  @IsISO31661Alpha2({ each: true, message: 'each country must be a two-letter code such as ZA' })
  countries?: string[];

  @ApiPropertyOptional({ type: [String], description: 'SA provinces, or regions elsewhere (exact match)', example: ['Gauteng'] })
  @IsOptional()
  @Transform(toList)
  @IsArray(list)
  @ArrayMaxSize(50, { message: 'choose at most $constraint1' })
  @IsString({ each: true, message: 'each region must be text' })
  @MaxLength(80, { each: true, message: 'each region has at most $constraint1 characters' })
  regions?: string[];

  @ApiPropertyOptional({ enum: sectors, enumName: 'Sector', isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsArray(list)
  @IsIn(sectors, oneOf(sectors))
  sectors?: Sector[];

  @ApiPropertyOptional({ enum: channels, enumName: 'Channel', isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsArray(list)
  @IsIn(channels, oneOf(channels))
  channels?: Channel[];

  @ApiPropertyOptional({ enum: languages, enumName: 'Language', isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsArray(list)
  @IsIn(languages, oneOf(languages))
  languages?: Language[];

  @ApiPropertyOptional({ enum: memberSources, enumName: 'MemberSource', isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsArray(list)
  @IsIn(memberSources, oneOf(memberSources))
  sources?: MemberSource[];

  @ApiPropertyOptional({ description: 'true: consented to forum invitations; false: has not' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean(yesNo)
  consentInvitations?: boolean;

  @ApiPropertyOptional({ description: 'true: consented to news and updates; false: has not' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean(yesNo)
  consentUpdates?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean(yesNo)
  hasEmail?: boolean;

  @ApiPropertyOptional({ description: 'has a phone or a WhatsApp number' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean(yesNo)
  hasPhone?: boolean;

  @ApiPropertyOptional({ description: 'words found in names, email, phone, city or occupation', maxLength: 100 })
  @IsOptional()
  @Transform(toText)
  @IsString({ message: 'must be text' })
  @MaxLength(100, { message: 'use at most $constraint1 characters' })
  text?: string;

  @ApiPropertyOptional({
    enum: listableStatuses,
    enumName: 'ListableMemberStatus',
    isArray: true,
    description: 'default: active and pending_confirmation',
  })
  @IsOptional()
  @Transform(toList)
  @IsArray(list)
  @IsIn(listableStatuses, oneOf(listableStatuses))
  statuses?: ListableStatus[];
}
