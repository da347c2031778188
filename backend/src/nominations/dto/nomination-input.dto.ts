import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsObject,
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { toList } from '../../register/segments/dto/segment-filter.dto';
import { type Language, languages } from '../../register/register.constants';
import { nominationCategories, nominationStatuses } from '../nomination.constants';

const text = (max: number) => MaxLength(max, { message: 'use at most $constraint1 characters' });
const oneOf = (list: readonly string[]) => IsIn(list, { message: `must be one of: ${list.join(', ')}` });

/** The person nominated, as the nominator knows them. */
export class NomineeInputDto {
  @ApiProperty({ example: 'Palesa' }) @IsString() @MinLength(1, { message: 'enter a first name' }) @text(80) firstName: string;
  @ApiProperty({ example: 'Ntšekhe' }) @IsString() @MinLength(1, { message: 'enter a surname' }) @text(80) lastName: string;
  @ApiPropertyOptional({ example: 'palesa@example.org' })
  @IsOptional()
  @IsEmail({}, { message: 'enter a valid email address' })
  @text(254)
  email?: string;
  @ApiPropertyOptional({ example: '+27 82 555 0101' }) @IsOptional() @IsString() @text(40) phone?: string;
  @ApiProperty({ example: 'ZA', description: 'country of residence, ISO 3166-1 alpha-2' })
  @IsISO31661Alpha2({ message: 'choose a country' })
  countryCode: string;
  @ApiPropertyOptional({ description: 'one of the nine provinces for ZA; free text elsewhere' })
  @IsOptional()
  @IsString()
  @text(80)
  region?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @text(80) city?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @text(120) occupation?: string;
}

export class NominatorInputDto {
  @ApiProperty() @IsString() @MinLength(2, { message: 'enter your name' }) @text(160) name: string;
  @ApiProperty() @IsEmail({}, { message: 'enter a valid email address' }) @text(254) email: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @text(40) phone?: string;
}

class NominationContentDto {
  @ApiProperty({ enum: nominationCategories, enumName: 'NominationCategory' })
  @oneOf(nominationCategories)
  category: (typeof nominationCategories)[number];

  @ApiProperty({ example: 'Financing agro-processing in the Maluti highlands' })
  @IsString()
  @MinLength(3, { message: 'enter a proposed topic' })
  @text(200)
  topic: string;

  @ApiProperty({ description: 'how the nominee contributes to national development' })
  @IsString()
  @MinLength(20, { message: 'tell us a little more (at least 20 characters)' })
  @text(2000)
  summary: string;
}

/** The public nomination form. */
export class PublicNominationDto extends NominationContentDto {
  @ApiPropertyOptional({ description: 'the open forum when left out' }) @IsOptional() @IsString() @text(80) forumSlug?: string;

  @ApiProperty({ enum: ['self', 'member'], enumName: 'PublicNominatorKind', description: 'nominating yourself, or someone else' })
  @oneOf(['self', 'member'])
  nominatorKind: 'self' | 'member';

  @ApiProperty({ enum: languages, enumName: 'Language' }) @oneOf(languages) locale: Language;

  @ApiProperty({ type: NomineeInputDto })
  @IsObject({ message: 'tell us who you nominate' })
  @ValidateNested()
  @Type(() => NomineeInputDto)
  nominee: NomineeInputDto;

  @ApiPropertyOptional({ type: NominatorInputDto, description: 'required when nominating someone else' })
  @ValidateIf((o: PublicNominationDto) => o.nominatorKind === 'member')
  @IsObject({ message: 'tell us who you are' })
  @ValidateNested()
  @Type(() => NominatorInputDto)
  nominator?: NominatorInputDto;

  @ApiPropertyOptional({ description: 'self-nomination: the Directorate may contact me about it' })
  @IsOptional()
  @IsBoolean()
  consentToContact?: boolean;

  @ApiPropertyOptional({ description: 'self-nomination: my name and profile may be published if I present' })
  @IsOptional()
  @IsBoolean()
  consentToPublish?: boolean;

  @ApiPropertyOptional({ description: 'self-nomination: keep me in the diaspora register and invite me to forums' })
  @IsOptional()
  @IsBoolean()
  joinRegister?: boolean;

  @ApiPropertyOptional({ description: 'nominating someone else: they know and agree to be contacted' })
  @ValidateIf((o: PublicNominationDto) => o.nominatorKind === 'member')
  @Equals(true, { message: 'please tell the nominee first: we will contact them' })
  nomineeAware?: boolean;

  @ApiProperty({ description: 'agrees that the Directorate keeps these details to handle the nomination' })
  @Equals(true, { message: 'we can only take the nomination with your agreement' })
  agree: boolean;

  @ApiPropertyOptional({ description: 'leave empty' }) @IsOptional() @IsString() @text(200) website?: string;
}

/** A nomination from the console: an existing member (memberId) or new details (nominee). */
export class StaffNominationDto extends NominationContentDto {
  @ApiProperty() @IsUUID('all', { message: 'choose a forum' }) forumId: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'choose a member' }) memberId?: string;
  @ApiPropertyOptional({ type: NomineeInputDto })
  @IsOptional()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => NomineeInputDto)
  nominee?: NomineeInputDto;
}

export class BoardQueryDto {
  @ApiProperty() @IsUUID('all', { message: 'choose a forum' }) forumId: string;

  @ApiPropertyOptional({ enum: nominationStatuses, enumName: 'NominationStatus', isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(nominationStatuses, { each: true, message: 'unknown status' })
  statuses?: (typeof nominationStatuses)[number][];

  @ApiPropertyOptional({ enum: nominationCategories, enumName: 'NominationCategory', isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(nominationCategories, { each: true, message: 'unknown category' })
  categories?: (typeof nominationCategories)[number][];

  @ApiPropertyOptional({ type: [String], example: ['ZA'] })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(250)
  @IsISO31661Alpha2({ each: true, message: 'each country must be a two-letter code such as ZA' })
  countries?: string[];
}

export class ReviewDto {
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 5, description: 'empty with a conflict of interest' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: 'give a whole score from 1 to 5' })
  @Min(1, { message: 'give a score from 1 to 5' })
  @Max(5, { message: 'give a score from 1 to 5' })
  score?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @text(2000) comment?: string | null;

  @ApiPropertyOptional({ description: 'I know the nominee personally or professionally' })
  @IsOptional()
  @IsBoolean()
  conflictOfInterest?: boolean;
}

export class StatusChangeDto {
  @ApiProperty({ enum: nominationStatuses, enumName: 'NominationStatus' })
  @oneOf(nominationStatuses)
  status: (typeof nominationStatuses)[number];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'kept in the history; for acceptance and refusal also sent to the nominee',
  })
  @IsOptional()
  @IsString()
  @text(1000)
  note?: string | null;
}

export class ConfirmOnBehalfDto {
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @text(500) note?: string | null;
}

export class NomineeConfirmDto {
  @ApiProperty({ description: 'my name, topic and short bio may appear on the public agenda' })
  @IsBoolean()
  publishProfile: boolean;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @text(1000) bio?: string | null;
}

export class NomineeWithdrawDto {
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @text(500) reason?: string | null;
}
