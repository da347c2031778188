import type { components } from '$lib/api/schema';
import type { CheckInItem } from './check-ins';
import type { AttendeeTuple, DoorData } from './door-data';

/**
 * The door endpoints (`/api/v1/door/...`). Plain fetch rather than the generated client: the door must
 * tell "offline" (a network error) from "signed out" (401) from a refusal, and keep working either way.
 */
export class DoorApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

type Schemas = components['schemas'];
export type DoorForumSummary = Schemas['DoorForumDto'];
export type WalkIn = Schemas['WalkInDto'];

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) throw new DoorApiError(response.status, json.message ?? response.statusText, json.fields);
  return json as T;
}

/** True when the request never reached the server (offline, DNS, dropped Wi-Fi). */
export function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}

export const doorApi = {
  forums: () => call<DoorForumSummary[]>('GET', '/door/forums'),
  data: (forumId: string, day: string) =>
    call<DoorData>('GET', `/door/forums/${encodeURIComponent(forumId)}/data?day=${encodeURIComponent(day)}`),
  checkIns: (forumId: string, checkIns: CheckInItem[]) =>
    // sentAt lets the server correct the scan times of a phone whose clock is wrong.
    call<Schemas['CheckInResultsDto']>('POST', `/door/forums/${encodeURIComponent(forumId)}/check-ins`, {
      sentAt: new Date().toISOString(),
      checkIns,
    }),
  walkIn: (forumId: string, walkIn: WalkIn) =>
    call<Omit<Schemas['WalkInResultDto'], 'attendee'> & { attendee: AttendeeTuple }>(
      'POST',
      `/door/forums/${encodeURIComponent(forumId)}/walk-ins`,
      walkIn,
    ),
  me: () => call<{ id: string; name: string; role: string; email: string }>('GET', '/auth/me'),
};
