import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  type Channel,
  channels,
  type Language,
  languages,
  type MemberStatus,
  memberStatuses,
  type OutreachOutcome,
  outreachOutcomes,
} from '../../register/register.constants';
import { OUTREACH_NOTE_MAX, type OutreachChannel, outreachChannels } from '../outreach.constants';

export class CreateOutreachDto {
  @ApiProperty({ enum: outreachChannels, enumName: 'OutreachChannel' })
  @IsIn(outreachChannels, { message: `must be one of: ${outreachChannels.join(', ')}` })
  channel: OutreachChannel;

  @ApiProperty({ enum: outreachOutcomes, enumName: 'OutreachOutcome' })
  @IsIn(outreachOutcomes, { message: `must be one of: ${outreachOutcomes.join(', ')}` })
  outcome: OutreachOutcome;

  @ApiPropertyOptional({ type: String, maxLength: OUTREACH_NOTE_MAX, nullable: true })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(OUTREACH_NOTE_MAX, { message: 'use at most $constraint1 characters' })
  note?: string | null;

  @ApiPropertyOptional({ format: 'date-time', description: 'when the contact happened; now when left out' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'use an ISO 8601 date and time' })
  contactedAt?: string;
}

export class OutreachAttemptDto {
  @ApiProperty() id: string;
  @ApiProperty() memberId: string;
  @ApiProperty({ enum: outreachChannels, enumName: 'OutreachChannel' }) channel: OutreachChannel;
  @ApiProperty({ enum: outreachOutcomes, enumName: 'OutreachOutcome' }) outcome: OutreachOutcome;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) contactedAt: string;
  @ApiProperty() staffUserId: string;
  @ApiProperty({ type: String, nullable: true, description: 'the staff member, when the account still exists' })
  staffName: string | null;
}

/** What a consultant needs to reach the member: names, contacts, where they live, consent. */
export class OutreachContactDto {
  @ApiProperty() id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) whatsapp: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the phone as people read it, e.g. +27 82 123 4567' })
  phoneDisplay: string | null;
  @ApiProperty({ type: String, nullable: true }) whatsappDisplay: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'https://wa.me/… click-to-chat link' })
  whatsappLink: string | null;
  @ApiProperty() countryCode: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ enum: channels, enumName: 'Channel' }) preferredChannel: Channel;
  @ApiProperty({ enum: languages, enumName: 'Language' }) preferredLanguage: Language;
  @ApiProperty() consentInvitations: boolean;
  @ApiProperty() consentUpdates: boolean;
  @ApiProperty({ enum: memberStatuses, enumName: 'MemberStatus' }) status: MemberStatus;
}

export class MemberOutreachDto {
  @ApiProperty({ type: OutreachContactDto }) member: OutreachContactDto;
  @ApiProperty({ type: [OutreachAttemptDto], description: 'newest first' }) attempts: OutreachAttemptDto[];
}
