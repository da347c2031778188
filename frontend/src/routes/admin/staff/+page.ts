import { api, unwrap } from '$lib/api/client';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
  const [users, doorStaff, devices, forums] = await Promise.all([
    unwrap(api.GET('/api/v1/users', { fetch })),
    unwrap(api.GET('/api/v1/door-staff', { fetch })),
    unwrap(api.GET('/api/v1/door-devices', { fetch })),
    unwrap(api.GET('/api/v1/forums', { fetch })),
  ]);
  return { users, doorStaff, devices, forums: forums.filter((f) => f.status === 'open' || f.status === 'closed') };
};
