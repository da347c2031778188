import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const forumId = params.id;
  const [forum, attendees, segments] = await Promise.all([
    unwrap(api.GET('/api/v1/forums/{id}', { fetch, params: { path: { id: forumId } } })),
    unwrap(api.GET('/api/v1/forums/{forumId}/attendees', { fetch, params: { path: { forumId } } })),
    unwrap(api.GET('/api/v1/segments', { fetch })),
  ]);
  return { forum, attendees, segments };
};
