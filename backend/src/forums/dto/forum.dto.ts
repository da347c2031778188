import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { type ForumStatus, forumStatuses } from '../forum.entity';
import { nullsValidated } from '../../common/validation';

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

export class CreateForumDto {
  @ApiProperty({ example: 'Basotho Diaspora Forum 2027' })
  @IsString()
  @MinLength(3, { message: 'use at least 3 characters' })
  @MaxLength(160, { message: 'use at most $constraint1 characters' })
  name: string;

  @ApiPropertyOptional({ description: 'URL name; made from the name when left out', example: 'diaspora-forum-2027' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'use lowercase letters, digits and single dashes' })
  @MaxLength(80, { message: 'use at most $constraint1 characters' })
  slug?: string;

  @ApiProperty({ example: 'Manthabiseng Convention Centre, Maseru' })
  @IsString()
  @MinLength(2, { message: 'enter the venue' })
  @MaxLength(200, { message: 'use at most $constraint1 characters' })
  venue: string;

  @ApiPropertyOptional({ default: 'Africa/Maseru' })
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: 'use at most $constraint1 characters' })
  timezone?: string;

  @ApiProperty({ example: '2027-04-08', description: 'first day (YYYY-MM-DD, forum timezone)' })
  @Matches(calendarDate, { message: 'use the form YYYY-MM-DD' })
  startDate: string;

  @ApiProperty({ example: '2027-04-09', description: 'last day (YYYY-MM-DD, forum timezone)' })
  @Matches(calendarDate, { message: 'use the form YYYY-MM-DD' })
  endDate: string;

  @ApiProperty({ example: 300 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(100000, { message: 'must be at most 100000' })
  capacity: number;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsDateString({ strict: true }, { message: 'use an ISO 8601 date and time' })
  rsvpDeadline?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 120,
    description: 'months after the last day before RSVP answers, door details and mail are de-identified; null for the default',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt({ message: 'must be a whole number of months' })
  @Min(1, { message: 'must be at least 1 month' })
  @Max(120, { message: 'must be at most 120 months' })
  retentionMonths?: number | null;

  @ApiPropertyOptional({ enum: forumStatuses, enumName: 'ForumStatus', default: 'draft' })
  @IsOptional()
  @IsIn(forumStatuses, { message: `must be one of: ${forumStatuses.join(', ')}` })
  status?: ForumStatus;

  @ApiPropertyOptional({ default: false, description: "door devices get the last 4 digits of attendees' phones to search by" })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  doorPhoneSearch?: boolean;
}

export class UpdateForumDto extends PartialType(CreateForumDto, nullsValidated) {}

export class ForumDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() venue: string;
  @ApiProperty() timezone: string;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
  @ApiProperty({ type: [String], description: 'every forum day, YYYY-MM-DD' }) days: string[];
  @ApiProperty() capacity: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) rsvpDeadline: string | null;
  @ApiProperty({ enum: forumStatuses, enumName: 'ForumStatus' }) status: ForumStatus;
  @ApiProperty() doorPhoneSearch: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'null: the default retention' }) retentionMonths: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
