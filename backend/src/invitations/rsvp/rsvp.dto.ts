import { type AccessibilityNeed, accessibilityNeeds, type DietaryNeed, dietaryNeeds } from '@diaspora-forum/lists';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsISO31661Alpha2, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { type Language, languages } from '../../register/register.constants';
import { type RsvpResponse, rsvpResponses } from '../invitation.entity';

const note = MaxLength(500, { message: 'use at most $constraint1 characters' });

export class RsvpAnswerDto {
  @ApiProperty({ enum: rsvpResponses, enumName: 'RsvpResponse' })
  @IsIn(rsvpResponses, { message: 'choose yes, no or maybe' })
  response: RsvpResponse;
  @ApiPropertyOptional({ type: [String], description: 'forum days (YYYY-MM-DD); all days when left out' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(14)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each day must be YYYY-MM-DD' })
  days?: string[];
  @ApiPropertyOptional({ enum: dietaryNeeds, enumName: 'DietaryNeed', isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(dietaryNeeds, { each: true, message: 'unknown dietary need' })
  dietary?: DietaryNeed[];
  @ApiPropertyOptional() @IsOptional() @IsString() @note dietaryNote?: string;
  @ApiPropertyOptional({ enum: accessibilityNeeds, enumName: 'AccessibilityNeed', isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(accessibilityNeeds, { each: true, message: 'unknown accessibility need' })
  accessibility?: AccessibilityNeed[];
  @ApiPropertyOptional() @IsOptional() @IsString() @note accessibilityNote?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO31661Alpha2({ message: 'choose a country' }) arrivalCountry?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(80, { message: 'use at most $constraint1 characters' })
  arrivalCity?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @note declineReason?: string;
}

export class RsvpForumDto {
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() venue: string;
  @ApiProperty() timezone: string;
  @ApiProperty({ type: [String] }) days: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) rsvpDeadline: string | null;
}

export class RsvpDto {
  @ApiProperty({ type: RsvpForumDto }) forum: RsvpForumDto;
  @ApiProperty() firstName: string;
  @ApiProperty({ enum: languages, enumName: 'Language' }) locale: Language;
  @ApiProperty({ description: 'answers can still be given or changed' }) open: boolean;
  @ApiProperty({ enum: rsvpResponses, enumName: 'RsvpResponse', nullable: true }) response: RsvpResponse | null;
  @ApiProperty({ description: 'holds a confirmed place' }) confirmed: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'place on the waiting list, when waiting' }) waitingPosition:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) badgeNumber: number | null;
  @ApiProperty({ type: [String] }) days: string[];
  @ApiProperty({ enum: dietaryNeeds, enumName: 'DietaryNeed', isArray: true }) dietary: DietaryNeed[];
  @ApiProperty({ type: String, nullable: true }) dietaryNote: string | null;
  @ApiProperty({ enum: accessibilityNeeds, enumName: 'AccessibilityNeed', isArray: true }) accessibility: AccessibilityNeed[];
  @ApiProperty({ type: String, nullable: true }) accessibilityNote: string | null;
  @ApiProperty({ type: String, nullable: true }) arrivalCountry: string | null;
  @ApiProperty({ type: String, nullable: true }) arrivalCity: string | null;
  @ApiProperty({ type: String, nullable: true }) declineReason: string | null;
}
