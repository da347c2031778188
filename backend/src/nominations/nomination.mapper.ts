import type { Forum } from '../forums/forums.service';
import type { NominationDetail, BoardItem } from './nomination-board.service';
import type { NomineeView } from './nomination-response.service';
import type { NominationDetailDto, NominationItemDto, NomineeViewDto, OpenForumDto } from './dto/nomination.dto';

export function mapNominationItem(item: BoardItem): NominationItemDto {
  const { nomination: n, nominee } = item;
  return {
    id: n.id,
    forumId: n.forumId,
    nominee: {
      id: nominee.id,
      firstName: nominee.firstName,
      lastName: nominee.lastName,
      email: nominee.email,
      phone: nominee.phone,
      countryCode: nominee.countryCode,
      city: nominee.city,
      occupation: nominee.occupation,
    },
    category: n.category,
    topic: n.topic,
    summary: n.summary,
    status: n.status,
    nominatorKind: n.nominatorKind,
    nominatorName: n.nominatorName,
    nominatorEmail: n.nominatorEmail,
    publishConsent: !!n.nomineePublishConsentAt,
    confirmedAt: n.confirmedAt?.toISOString() ?? null,
    reviews: item.summary,
    myReview: item.myReview
      ? { score: item.myReview.score, comment: item.myReview.comment, conflictOfInterest: item.myReview.conflictOfInterest }
      : null,
    otherNominations: item.otherNominations,
    createdAt: n.createdAt.toISOString(),
  };
}

export function mapNominationDetail(detail: NominationDetail): NominationDetailDto {
  return {
    ...mapNominationItem(detail),
    reviewList: detail.reviews.map((r) => ({
      reviewerId: r.reviewerId,
      reviewerName: r.reviewerName,
      score: r.score,
      comment: r.comment,
      conflictOfInterest: r.conflictOfInterest,
      updatedAt: r.updatedAt.toISOString(),
    })),
    history: detail.history.map((h) => ({
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      actor: h.actor,
      actorName: h.actorName,
      note: h.note,
      at: h.at.toISOString(),
    })),
    nomineeBio: detail.nomination.nomineeBio,
  };
}

export function mapOpenForum(forum: Forum): OpenForumDto {
  return { name: forum.name, slug: forum.slug, venue: forum.venue, startDate: forum.startDate, endDate: forum.endDate };
}

export function mapNomineeView(view: NomineeView): NomineeViewDto {
  return {
    firstName: view.nominee.firstName,
    topic: view.nomination.topic,
    forum: mapOpenForum(view.forum),
    confirmedAt: view.nomination.confirmedAt?.toISOString() ?? null,
    publishProfile: !!view.nomination.nomineePublishConsentAt,
    bio: view.nomination.nomineeBio,
  };
}
