import { api, ApiError, type Schemas, unwrap } from '$lib/api/client';
import type { CheckInItem } from './check-ins';
import type { DoorData } from './door-data';

/**
 * The door endpoints (`/api/v1/door/...`) through the generated client. The door must tell "offline"
 * (the request never reached the server: fetch's TypeError, which the client lets through) from
 * "signed out" (an ApiError with status 401) from a refusal (any other ApiError), and keep working
 * either way. Nothing is cached by the browser: the door keeps its own copy in IndexedDB.
 */
export { ApiError as DoorApiError };

export type DoorForumSummary = Schemas['DoorForumDto'];
export type WalkIn = Schemas['WalkInDto'];

/** The server signed this device out (an organiser revoked it): its local data must go. */
export function isDeviceRevoked(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.body.error === 'device_revoked';
}

/** A refusal that sending again will not change (bad input, not assigned): not a sign-in, rate limit or server fault. */
export function isPermanentRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status);
}

/** The paper door list for a forum (a day, or every day this account works). */
export const doorListUrl = (forumId: string, day?: string) =>
  `/api/v1/door/forums/${encodeURIComponent(forumId)}/door-list.pdf${day ? `?day=${encodeURIComponent(day)}` : ''}`;

/** True when the request never reached the server (offline, DNS, dropped Wi-Fi). */
export function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}

const fresh = { cache: 'no-store' } as const;

// openapi-fetch 0.17 reads every answer through Readable<T>, which widens tuples to plain arrays
// (openapi-ts/openapi-typescript#2632, fix not released): the door data and a walk-in are given back
// their generated schema types, tuple and all.
type WalkInResult = Schemas['WalkInResultDto'];
const forum = (forumId: string) => ({ path: { forumId } });

export const doorApi = {
  forums: () => unwrap(api.GET('/api/v1/door/forums', fresh)),
  data: async (forumId: string, day: string): Promise<DoorData> =>
    (await unwrap(
      api.GET('/api/v1/door/forums/{forumId}/data', { ...fresh, params: { ...forum(forumId), query: { day } } }),
    )) as DoorData,
  checkIns: (forumId: string, checkIns: CheckInItem[]) =>
    unwrap(
      api.POST('/api/v1/door/forums/{forumId}/check-ins', {
        ...fresh,
        params: forum(forumId),
        // sentAt lets the server correct the scan times of a phone whose clock is wrong.
        body: { sentAt: new Date().toISOString(), checkIns },
      }),
    ),
  walkIn: async (forumId: string, walkIn: WalkIn): Promise<WalkInResult> =>
    (await unwrap(
      api.POST('/api/v1/door/forums/{forumId}/walk-ins', { ...fresh, params: forum(forumId), body: walkIn }),
    )) as WalkInResult,
  me: () => unwrap(api.GET('/api/v1/auth/me', fresh)),
  reportDevice: (body: Schemas['DoorDeviceReportDto']) => unwrap(api.PUT('/api/v1/door/device', { ...fresh, body })),
};
