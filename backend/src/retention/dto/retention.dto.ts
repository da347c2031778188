import { ApiProperty } from '@nestjs/swagger';
import { PageQuery } from '../../common/dto/page-query.dto';
import { type ForumStatus, forumStatuses } from '../../forums/forum.constants';

export class ForumRetentionDto {
  @ApiProperty() forumId: string;
  @ApiProperty() forumName: string;
  @ApiProperty({ description: 'last day, YYYY-MM-DD' }) endDate: string;
  @ApiProperty({ enum: forumStatuses, enumName: 'ForumStatus' }) status: ForumStatus;
  @ApiProperty() months: number;
  @ApiProperty({ description: "false when the forum uses the installation's default (RETENTION_MONTHS)" }) ownSetting: boolean;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty() due: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description:
      'rows that still hold what the run removes: invitations (RSVP answers), attendees (needs), checkIns (door, staff), mail',
  })
  held: Record<string, number>;
}

export class RetentionPlanDto {
  @ApiProperty({ format: 'date-time' }) nextRunAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastRunAt: string | null;
  @ApiProperty() defaultMonths: number;
  @ApiProperty({ type: [ForumRetentionDto], description: 'soonest due first' }) forums: ForumRetentionDto[];
}

export class ReviewQuery extends PageQuery {}

export class ReviewMemberDto {
  @ApiProperty() id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() countryCode: string;
  @ApiProperty() source: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'the record last changed' }) updatedAt: string;
}

export class ReviewPageDto {
  @ApiProperty({ type: [ReviewMemberDto], description: 'longest untouched first' }) items: ReviewMemberDto[];
  @ApiProperty() total: number;
  @ApiProperty({ format: 'date-time', description: 'untouched since before this time' }) untouchedSince: string;
  @ApiProperty() reviewMonths: number;
}
