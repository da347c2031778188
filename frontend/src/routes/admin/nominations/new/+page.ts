import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => {
  const forums = (await unwrap(api.GET('/api/v1/forums', { fetch }))).filter((f) => f.status !== 'archived');
  const chosen = url.searchParams.get('forum');
  return {
    forums,
    forumId: forums.find((f) => f.id === chosen)?.id ?? forums.find((f) => f.status === 'open')?.id ?? forums[0]?.id ?? '',
  };
};
