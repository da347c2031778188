import { api, unwrap } from '$lib/api/client';
import { PAGE_SIZE } from './duplicate-format';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
  return {
    duplicates: await unwrap(api.GET('/api/v1/register/duplicates', { fetch, params: { query: { page, pageSize: PAGE_SIZE } } })),
  };
};
