import { ApiProperty } from '@nestjs/swagger';
import { nominationCategories, nominationStatuses, nominatorKinds } from '../nomination.constants';

export class NomineeDto {
  @ApiProperty() id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty() countryCode: string;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: String, nullable: true }) occupation: string | null;
}

export class ReviewSummaryDto {
  @ApiProperty({ description: 'reviews with a score' }) count: number;
  @ApiProperty({ type: Number, nullable: true }) average: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'highest minus lowest score' }) spread: number | null;
  @ApiProperty({ description: 'reviewers who declared a conflict of interest' }) conflicts: number;
}

export class ReviewDtoOut {
  @ApiProperty() reviewerId: string;
  @ApiProperty() reviewerName: string;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty() conflictOfInterest: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class MyReviewDto {
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty() conflictOfInterest: boolean;
}

export class StatusChangeOutDto {
  @ApiProperty({ enum: nominationStatuses, enumName: 'NominationStatus', nullable: true }) fromStatus: string | null;
  @ApiProperty({ enum: nominationStatuses, enumName: 'NominationStatus' }) toStatus: string;
  @ApiProperty({ description: '"staff:<id>", "nominee" or "public"' }) actor: string;
  @ApiProperty() actorName: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class NominationItemDto {
  @ApiProperty() id: string;
  @ApiProperty() forumId: string;
  @ApiProperty({ type: NomineeDto }) nominee: NomineeDto;
  @ApiProperty({ enum: nominationCategories, enumName: 'NominationCategory' }) category: string;
  @ApiProperty() topic: string;
  @ApiProperty() summary: string;
  @ApiProperty({ enum: nominationStatuses, enumName: 'NominationStatus' }) status: string;
  @ApiProperty({ enum: nominatorKinds, enumName: 'NominatorKind' }) nominatorKind: string;
  @ApiProperty({ type: String, nullable: true }) nominatorName: string | null;
  @ApiProperty({ type: String, nullable: true }) nominatorEmail: string | null;
  @ApiProperty({ description: 'the nominee agreed to a public profile' }) publishConsent: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt: string | null;
  @ApiProperty({ type: ReviewSummaryDto }) reviews: ReviewSummaryDto;
  @ApiProperty({ type: MyReviewDto, nullable: true }) myReview: MyReviewDto | null;
  @ApiProperty({ description: 'other live nominations of the same person for this forum' }) otherNominations: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NominationDetailDto extends NominationItemDto {
  @ApiProperty({ type: [ReviewDtoOut], description: 'organisers only' }) reviewList: ReviewDtoOut[];
  @ApiProperty({ type: [StatusChangeOutDto] }) history: StatusChangeOutDto[];
  @ApiProperty({ type: String, nullable: true }) nomineeBio: string | null;
}

export class NominationTargetsDto {
  @ApiProperty() identified: number;
  @ApiProperty() confirmed: number;
}

export class NominationCountersDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'per status' })
  byStatus: Record<string, number>;
  @ApiProperty({ description: 'distinct nominees shortlisted or accepted' }) identified: number;
  @ApiProperty({ description: 'accepted nominees who confirmed' }) confirmed: number;
  @ApiProperty({ type: NominationTargetsDto }) targets: NominationTargetsDto;
}

export class NominationBoardDto {
  @ApiProperty({ type: [NominationItemDto] }) items: NominationItemDto[];
  @ApiProperty({ type: NominationCountersDto }) counters: NominationCountersDto;
}

export class OpenForumDto {
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty() venue: string;
  @ApiProperty() startDate: string;
  @ApiProperty() endDate: string;
}

export class NominationReceivedDto {
  @ApiProperty() message: string;
}

/** What an accepted nominee sees through their personal link. */
export class NomineeViewDto {
  @ApiProperty() firstName: string;
  @ApiProperty() topic: string;
  @ApiProperty({ type: OpenForumDto }) forum: OpenForumDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt: string | null;
  @ApiProperty() publishProfile: boolean;
  @ApiProperty({ type: String, nullable: true }) bio: string | null;
}
