import { redirect } from '@sveltejs/kit';
import { api, ApiError, unwrap } from '$lib/api/client';
import type { LayoutLoad } from './$types';

/** The one session check for the whole console: every /admin page loads below this. */
export const load: LayoutLoad = async ({ fetch, url }) => {
  try {
    const user = await unwrap(api.GET('/api/v1/auth/me', { fetch }));
    // Organisers are told on every page when mail is only being held, never silently dropped.
    const mailDelivering =
      user.role === 'organiser' ? (await unwrap(api.GET('/api/v1/mail/status', { fetch }))).delivering : undefined;
    return { user, mailDelivering };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      redirect(307, `/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
    }
    throw error;
  }
};
