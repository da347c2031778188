import type { NominationStatus } from '@diaspora-forum/lists';

// The categories, statuses and moves the console shows too live in @diaspora-forum/lists.
export {
  type NominationCategory,
  type NominationStatus,
  type NominatorKind,
  nominationCategories,
  nominationStatuses,
  nominationTransitions,
  nominatorKinds,
} from '@diaspora-forum/lists';
/** The programme's targets: about ten contributors identified, five or six of them presenting. */
export const nominationTargets = { identified: 10, confirmed: 6 } as const;

/** Statuses that count a nominee as "identified" for the target counter. */
export const identifiedStatuses: readonly NominationStatus[] = ['shortlisted', 'accepted'];
