import { api, ApiError, unwrap } from '$lib/api/client';
import { listStateFromParams } from './member-filter';
import type { PageLoad } from './$types';

/** The list follows the URL: every filter, page or sort change is a navigation that reloads this. */
export const load: PageLoad = async ({ fetch, url }) => {
  const state = listStateFromParams(url.searchParams);
  try {
    const result = await unwrap(
      api.GET('/api/v1/members', {
        fetch,
        params: {
          query: { ...state.filter, page: state.page, pageSize: state.pageSize, sort: state.sort, direction: state.direction },
        },
      }),
    );
    return { state, result, problem: null };
  } catch (error) {
    // A filter typed or edited by hand into the URL: say what is wrong instead of an error page.
    if (error instanceof ApiError && error.status === 400) {
      const details = Object.entries(error.fields).map(([field, messages]) => `${field}: ${messages.join('; ')}`);
      return { state, result: null, problem: [error.message, ...details].join('. ') };
    }
    throw error;
  }
};
