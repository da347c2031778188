import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const path = { params: { path: { id: params.id } } };
  const [forum, campaigns, segments] = await Promise.all([
    unwrap(api.GET('/api/v1/forums/{id}', { fetch, ...path })),
    unwrap(api.GET('/api/v1/forums/{forumId}/campaigns', { fetch, params: { path: { forumId: params.id } } })),
    unwrap(api.GET('/api/v1/segments', { fetch })),
  ]);
  return { forum, campaigns, segments };
};
