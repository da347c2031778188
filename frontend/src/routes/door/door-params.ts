import { goto } from '$app/navigation';
import { doorSettings } from '$lib/door/settings';

/** The forum day a door page works on: from its address, else the one this device used last; none → set up. */
export function doorParams(url: URL): { forumId: string; day: string; door: string; query: string } | null {
  const saved = doorSettings.get();
  const forumId = url.searchParams.get('forum') ?? saved.forumId;
  const day = url.searchParams.get('day') ?? saved.day;
  if (!forumId || !day || !saved.door) {
    void goto('/door', { replaceState: true });
    return null;
  }
  return { forumId, day, door: saved.door, query: `?forum=${encodeURIComponent(forumId)}&day=${encodeURIComponent(day)}` };
}
