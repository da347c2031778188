import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => ({
  forum: await unwrap(api.GET('/api/v1/forums/{id}', { fetch, params: { path: { id: params.id } } })),
});
