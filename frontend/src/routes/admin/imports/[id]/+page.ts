import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => ({
  detail: await unwrap(api.GET('/api/v1/imports/{id}', { fetch, params: { path: { id: params.id } } })),
});
