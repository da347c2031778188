import {
  nominationCategoryLabels as categoryLabels,
  nominationStatuses as statuses,
  nominationStatusLabels as statusLabels,
  nominationTransitions as transitions,
} from '@diaspora-forum/lists';
import type { Schemas } from '$lib/api/client';

export type NominationStatus = Schemas['NominationStatus'];
export type NominationCategory = Schemas['NominationCategory'];
export type NominationItem = Schemas['NominationItemDto'];

// The statuses, their words and the moves between them are the API's own (one copy, shared).
export { categoryLabels, statuses, statusLabels, transitions };

/** Moves that email the nominee: worth a confirmation click. */
export const emailsNominee = (status: NominationStatus) => status === 'accepted' || status === 'declined';

/** "3.7 (spread 2, 3 reviews)" or "no scores yet". */
export function scoreText(r: Schemas['ReviewSummaryDto']): string {
  if (r.average === null) return r.conflicts ? `no scores yet (${r.conflicts} conflict of interest)` : 'no scores yet';
  const conflicts = r.conflicts ? `, ${r.conflicts} conflict${r.conflicts > 1 ? 's' : ''} of interest` : '';
  return `${r.average.toFixed(1)} (spread ${r.spread}, ${r.count} review${r.count > 1 ? 's' : ''}${conflicts})`;
}

/** Board URL state: the forum, the filters and the view live in the query string. */
export interface BoardState {
  forumId: string | null;
  statuses: NominationStatus[];
  categories: NominationCategory[];
  countries: string[];
  view: 'kanban' | 'list';
}

export function boardStateFrom(params: URLSearchParams): BoardState {
  const list = (key: string) =>
    params
      .getAll(key)
      .flatMap((v) => v.split(','))
      .filter(Boolean);
  return {
    forumId: params.get('forum'),
    statuses: list('statuses').filter((s): s is NominationStatus => statuses.includes(s as NominationStatus)),
    categories: list('categories').filter((c): c is NominationCategory => c in categoryLabels),
    countries: list('countries').map((c) => c.toUpperCase()),
    view: params.get('view') === 'list' ? 'list' : 'kanban',
  };
}

export function boardQuery(state: BoardState): string {
  const params = new URLSearchParams();
  if (state.forumId) params.set('forum', state.forumId);
  for (const s of state.statuses) params.append('statuses', s);
  for (const c of state.categories) params.append('categories', c);
  for (const c of state.countries) params.append('countries', c);
  if (state.view === 'list') params.set('view', 'list');
  return params.toString();
}
