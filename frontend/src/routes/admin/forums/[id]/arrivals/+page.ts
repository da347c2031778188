import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const forumId = params.id;
  const [forum, summary, conflicts] = await Promise.all([
    unwrap(api.GET('/api/v1/forums/{id}', { fetch, params: { path: { id: forumId } } })),
    unwrap(api.GET('/api/v1/forums/{forumId}/arrivals', { fetch, params: { path: { forumId } } })),
    unwrap(api.GET('/api/v1/forums/{forumId}/check-ins/conflicts', { fetch, params: { path: { forumId } } })),
  ]);
  return { forum, summary, conflicts };
};
