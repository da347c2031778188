import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => ({
  message: await unwrap(api.GET('/api/v1/mail/messages/{id}', { fetch, params: { path: { id: params.id } } })),
});
