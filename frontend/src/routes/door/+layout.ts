import { error, redirect } from '@sveltejs/kit';
import { DoorApiError, doorApi, isDeviceRevoked, isNetworkError } from '$lib/door/door-api';
import { doorSession } from '$lib/door/door-session.svelte';
import { doorSettings } from '$lib/door/settings';
import type { LayoutLoad } from './$types';

/**
 * The door's one session check. Offline the door keeps working from what this device stored, so a
 * network failure is not a reason to stop; only the server saying "signed out" sends staff to sign in.
 */
export const load: LayoutLoad = async ({ url }) => {
  try {
    const user = await doorApi.me();
    if (user.role !== 'door' && user.role !== 'organiser') error(403, 'The door app is for door staff and organisers.');
    doorSettings.setUser(user);
    doorSession.revoked = false;
    if (doorSession.needsSignIn) doorSession.resume();
    return { user: { name: user.name, role: user.role } };
  } catch (failure) {
    // An organiser signed this device out: it clears what it holds and says so (no redirect: staff must see why).
    if (isDeviceRevoked(failure)) {
      await doorSession.wipe();
      return { user: null };
    }
    if (failure instanceof DoorApiError && failure.status === 401) {
      redirect(307, `/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
    }
    if (isNetworkError(failure)) return { user: doorSettings.user() };
    throw failure;
  }
};
