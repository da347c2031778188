import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const path = { params: { path: { id: params.campaignId } } };
  const progress = await unwrap(api.GET('/api/v1/campaigns/{id}', { fetch, ...path }));
  const audience =
    progress.campaign.status === 'draft' ? await unwrap(api.GET('/api/v1/campaigns/{id}/audience', { fetch, ...path })) : null;
  return { progress, audience, forumId: params.id };
};
