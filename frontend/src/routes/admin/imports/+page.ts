import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({ batches: await unwrap(api.GET('/api/v1/imports', { fetch })) });
