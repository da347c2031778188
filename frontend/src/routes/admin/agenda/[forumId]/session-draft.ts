import type { Schemas } from '$lib/api/client';

/** The session form's working copy: an existing session, or a new one started from a grid slot. */
export interface SessionDraft {
  id?: string;
  roomId: string;
  kind: Schemas['SessionKind'];
  title: string;
  abstract: string;
  day: string;
  start: string;
  end: string;
  presenterIds: string[];
  published: boolean;
}

export function draftFrom(session: Schemas['SessionDto']): SessionDraft {
  return { ...session, abstract: session.abstract ?? '', presenterIds: [...session.presenterIds] };
}

/** A new 30-minute panel starting at a slot. */
export function newDraft(roomId: string, day: string, start: string): SessionDraft {
  const [h, m] = start.split(':').map(Number);
  const end = h * 60 + m + 30;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    roomId,
    kind: 'panel',
    title: '',
    abstract: '',
    day,
    start,
    end: end >= 24 * 60 ? '23:59' : `${pad(Math.floor(end / 60))}:${pad(end % 60)}`,
    presenterIds: [],
    published: false,
  };
}
