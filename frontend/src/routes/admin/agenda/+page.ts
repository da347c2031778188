import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({
  forums: (await unwrap(api.GET('/api/v1/forums', { fetch }))).filter((f) => f.status !== 'archived'),
});
