import type { Schemas } from '$lib/api/client';
import type { DoorForumSummary } from './door-api';

/** Who signed in on this device last, kept for working offline. */
type DoorUser = Pick<Schemas['AuthUserDto'], 'name' | 'role'>;

/** What this device remembers between visits (localStorage): its door name, last forum day, and the forums it saw. */
export interface DoorSettings {
  forumId: string | null;
  day: string | null;
  door: string;
}

const SETTINGS = 'door.settings';
const FORUMS = 'door.forums';
const USER = 'door.user';

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

export const doorSettings = {
  get: (): DoorSettings => read(SETTINGS, { forumId: null, day: null, door: '' }),
  set: (settings: DoorSettings) => localStorage.setItem(SETTINGS, JSON.stringify(settings)),
  forums: (): DoorForumSummary[] => read(FORUMS, []),
  setForums: (forums: DoorForumSummary[]) => localStorage.setItem(FORUMS, JSON.stringify(forums)),
  user: (): DoorUser | null => read(USER, null),
  setUser: (user: DoorUser) => localStorage.setItem(USER, JSON.stringify({ name: user.name, role: user.role })),
  /** Forgets everything the door kept in localStorage (a revoked device). */
  clear: () => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('door.')) localStorage.removeItem(key);
  },
};
