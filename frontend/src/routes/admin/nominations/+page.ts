import { api, unwrap } from '$lib/api/client';
import { boardStateFrom } from './nomination-labels';
import type { PageLoad } from './$types';

/** The board follows the URL (?forum=&statuses=&categories=&countries=&view=): filters are navigations. */
export const load: PageLoad = async ({ fetch, url }) => {
  const state = boardStateFrom(url.searchParams);
  const forums = (await unwrap(api.GET('/api/v1/forums', { fetch }))).filter((f) => f.status !== 'archived');
  const forum = forums.find((f) => f.id === state.forumId) ?? forums.find((f) => f.status === 'open') ?? forums[0] ?? null;
  const board = forum
    ? await unwrap(
        api.GET('/api/v1/nominations', {
          fetch,
          params: {
            query: { forumId: forum.id, statuses: state.statuses, categories: state.categories, countries: state.countries },
          },
        }),
      )
    : null;
  return { state: { ...state, forumId: forum?.id ?? null }, forums, forum, board };
};
