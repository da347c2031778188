import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => ({
  outreach: await unwrap(api.GET('/api/v1/members/{memberId}/outreach', { fetch, params: { path: { memberId: params.id } } })),
});
