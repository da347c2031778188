import { error } from '@sveltejs/kit';
import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const a = url.searchParams.get('a');
  const b = url.searchParams.get('b');
  if (!a || !b) error(400, 'Choose two records to compare');
  return {
    comparison: await unwrap(api.GET('/api/v1/register/duplicates/compare', { fetch, params: { query: { a, b } } })),
  };
};
