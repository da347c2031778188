import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, Equals, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  type Channel,
  channels,
  type Language,
  languages,
  type MemberStatus,
  memberStatuses,
  type Sector,
  sectors,
} from '../../register.constants';
import { nullsValidated } from '../../../common/validation';

const text = (max: number) => MaxLength(max, { message: 'use at most $constraint1 characters' });

/** What a member types on the public registration page. */
export class SelfRegistrationDto {
  @ApiProperty() @IsString() @text(80) firstName: string;
  @ApiProperty() @IsString() @text(80) lastName: string;
  @ApiProperty() @IsEmail({}, { message: 'enter a valid email address' }) @text(254) email: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @text(40) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @text(40) whatsapp?: string;
  @ApiProperty({ example: 'ZA' }) @IsString() @text(2) countryCode: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @text(80) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @text(80) city?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @text(120) occupation?: string;
  @ApiPropertyOptional({ enum: sectors, enumName: 'Sector', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsIn(sectors, { each: true, message: 'unknown sector' })
  sectors?: Sector[];
  @ApiPropertyOptional({ enum: channels, enumName: 'Channel' })
  @IsOptional()
  @IsIn(channels, { message: `must be one of: ${channels.join(', ')}` })
  preferredChannel?: Channel;
  @ApiProperty({ enum: languages, enumName: 'Language' })
  @IsIn(languages, { message: 'must be en or st' })
  preferredLanguage: Language;
  @ApiProperty({ description: 'may the Directorate invite you to forums?' }) @IsBoolean() consentInvitations: boolean;
  @ApiProperty({ description: 'may the Directorate send you news and information?' }) @IsBoolean() consentUpdates: boolean;
  @ApiProperty({ description: 'agrees that the Directorate keeps these details in the diaspora register' })
  @Equals(true, { message: 'we can only register you with your agreement' })
  agree: boolean;
  /** Left empty by people; bots fill every field they see. */
  @ApiPropertyOptional({ description: 'leave empty' }) @IsOptional() @IsString() @text(200) website?: string;
}

/** What a member may change through their personal link (consent included: it can be withdrawn). */
export class SelfUpdateDto extends PartialType(OmitType(SelfRegistrationDto, ['agree', 'website'] as const), nullsValidated) {}

export class ConfirmDto {
  @ApiProperty() @IsString() @text(100) token: string;
}

export class LinkRequestDto {
  @ApiProperty() @IsEmail({}, { message: 'enter a valid email address' }) @text(254) email: string;
}

export class AcceptedDto {
  @ApiProperty({ description: 'the same answer whatever happened, so the register cannot be probed' }) message: string;
}

export class ConfirmedDto {
  @ApiProperty() firstName: string;
  @ApiProperty({ description: 'token of the member’s personal link to their details' }) manageToken: string;
}

export class MemberSelfDto {
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) whatsapp: string | null;
  @ApiProperty() countryCode: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: String, nullable: true }) occupation: string | null;
  @ApiProperty({ enum: sectors, enumName: 'Sector', isArray: true }) sectors: Sector[];
  @ApiProperty({ enum: channels, enumName: 'Channel' }) preferredChannel: Channel;
  @ApiProperty({ enum: languages, enumName: 'Language' }) preferredLanguage: Language;
  @ApiProperty() consentInvitations: boolean;
  @ApiProperty() consentUpdates: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) consentAt: string | null;
  @ApiProperty({ enum: memberStatuses, enumName: 'MemberStatus' }) status: MemberStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
