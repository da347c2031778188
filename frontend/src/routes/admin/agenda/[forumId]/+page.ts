import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const path = { params: { path: { forumId: params.forumId } } };
  const [editor, candidates] = await Promise.all([
    unwrap(api.GET('/api/v1/agenda/forums/{forumId}', { fetch, ...path })),
    unwrap(api.GET('/api/v1/agenda/forums/{forumId}/presenter-candidates', { fetch, ...path })),
  ]);
  return { editor, candidates };
};
