import { redirect } from '@sveltejs/kit';
import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
  const status = await unwrap(api.GET('/api/v1/auth/setup', { fetch }));
  if (status.needsSetup) redirect(307, '/setup');
};
