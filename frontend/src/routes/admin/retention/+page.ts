import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
  const [plan, review] = await Promise.all([
    unwrap(api.GET('/api/v1/retention', { fetch })),
    unwrap(api.GET('/api/v1/retention/review', { fetch, params: { query: { page, pageSize: 50 } } })),
  ]);
  return { plan, review, page };
};
