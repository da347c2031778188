export const nominationCategories = ['investment', 'trade', 'education', 'social', 'cultural', 'national_development'] as const;
export type NominationCategory = (typeof nominationCategories)[number];

export const nominationStatuses = ['submitted', 'under_review', 'shortlisted', 'accepted', 'declined', 'withdrawn'] as const;
export type NominationStatus = (typeof nominationStatuses)[number];

/** Who put the nominee forward: the nominee themself, another member (public form), or staff (console). */
export const nominatorKinds = ['self', 'member', 'registrar', 'organiser'] as const;
export type NominatorKind = (typeof nominatorKinds)[number];

/**
 * Where a nomination may go next. Staff move it along the board; the nominee withdraws through
 * their personal link; a declined one can be reopened; a withdrawn one is final.
 */
export const nominationTransitions: Record<NominationStatus, readonly NominationStatus[]> = {
  submitted: ['under_review', 'declined', 'withdrawn'],
  under_review: ['shortlisted', 'accepted', 'declined', 'withdrawn'],
  shortlisted: ['under_review', 'accepted', 'declined', 'withdrawn'],
  accepted: ['declined', 'withdrawn'],
  declined: ['under_review'],
  withdrawn: [],
};

/** The programme's targets: about ten contributors identified, five or six of them presenting. */
export const nominationTargets = { identified: 10, confirmed: 6 } as const;

/** Statuses that count a nominee as "identified" for the target counter. */
export const identifiedStatuses: readonly NominationStatus[] = ['shortlisted', 'accepted'];
