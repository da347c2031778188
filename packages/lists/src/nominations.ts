export const nominationCategories = ['investment', 'trade', 'education', 'social', 'cultural', 'national_development'] as const;
export type NominationCategory = (typeof nominationCategories)[number];

/** The console's words for a category (the public form's are in its message files, in both languages). */
export const nominationCategoryLabels: Record<NominationCategory, string> = {
  investment: 'Investment',
  trade: 'Trade and business',
  education: 'Education',
  social: 'Social',
  cultural: 'Cultural',
  national_development: 'National development',
};

export const nominationStatuses = ['submitted', 'under_review', 'shortlisted', 'accepted', 'declined', 'withdrawn'] as const;
export type NominationStatus = (typeof nominationStatuses)[number];

export const nominationStatusLabels: Record<NominationStatus, string> = {
  submitted: 'Submitted',
  under_review: 'Under review',
  shortlisted: 'Shortlisted',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

/** Who put the nominee forward: the nominee themself, another member (public form), or staff (console). */
export const nominatorKinds = ['self', 'member', 'registrar', 'organiser'] as const;
export type NominatorKind = (typeof nominatorKinds)[number];

/**
 * Where a nomination may go next. Staff move it along the board; the nominee withdraws through
 * their personal link; a declined one can be reopened; a withdrawn one is final. The API enforces
 * it; the console offers only these buttons.
 */
export const nominationTransitions: Record<NominationStatus, readonly NominationStatus[]> = {
  submitted: ['under_review', 'declined', 'withdrawn'],
  under_review: ['shortlisted', 'accepted', 'declined', 'withdrawn'],
  shortlisted: ['under_review', 'accepted', 'declined', 'withdrawn'],
  accepted: ['declined', 'withdrawn'],
  declined: ['under_review'],
  withdrawn: [],
};
