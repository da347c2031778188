import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => ({
  nomination: await unwrap(api.GET('/api/v1/nominations/{id}', { fetch, params: { path: { id: params.id } } })),
});
