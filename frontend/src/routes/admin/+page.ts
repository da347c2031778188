import { redirect } from '@sveltejs/kit';
import type { PageLoad } from './$types';

/** Where signing in lands: door staff go straight to the door app, everyone else to the console. */
export const load: PageLoad = async ({ parent }) => {
  const { user } = await parent();
  redirect(307, user.role === 'door' ? '/door' : '/admin/forums');
};
