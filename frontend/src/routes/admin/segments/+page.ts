import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({ segments: await unwrap(api.GET('/api/v1/segments', { fetch })) });
