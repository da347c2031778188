import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, parent }) => {
  const { user } = await parent();
  const [dashboard, targets] = await Promise.all([
    unwrap(api.GET('/api/v1/register/dashboard', { fetch, params: { query: { weeks: 26 } } })),
    user.role === 'organiser' ? unwrap(api.GET('/api/v1/register/targets', { fetch })) : Promise.resolve([]),
  ]);
  return { dashboard, targets };
};
