/** Minutes since midnight for "HH:mm", and back: the grid works in forum-local clock times. */
export const toMinutes = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
};
export const fromMinutes = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const STEP = 15;
const DEFAULT_RANGE = { start: 8 * 60, end: 18 * 60 };

/** The hours the grid shows for a day: 08:00–18:00, stretched to whole hours around any session. */
export function dayRange(sessions: { start: string; end: string }[]): { start: number; end: number } {
  const starts = sessions.map((s) => toMinutes(s.start));
  const ends = sessions.map((s) => toMinutes(s.end));
  return {
    start: Math.floor(Math.min(DEFAULT_RANGE.start, ...starts) / 60) * 60,
    end: Math.min(24 * 60, Math.ceil(Math.max(DEFAULT_RANGE.end, ...ends) / 60) * 60),
  };
}

/** The start of every slot in the range. */
export function slots(range: { start: number; end: number }, step = STEP): number[] {
  const list: number[] = [];
  for (let m = range.start; m < range.end; m += step) list.push(m);
  return list;
}

/** Grid lines for a session: row 1 holds the room names, so the first slot is row 2. */
export function gridRows(session: { start: string; end: string }, range: { start: number }, step = STEP): string {
  const from = Math.floor((toMinutes(session.start) - range.start) / step) + 2;
  const to = Math.max(from + 1, Math.ceil((toMinutes(session.end) - range.start) / step) + 2);
  return `${from} / ${to}`;
}

/** A session moved by delta minutes (both ends) or resized (end only); null when it would leave the day. */
export function shifted(
  session: { start: string; end: string },
  delta: number,
  what: 'move' | 'resize',
): { start: string; end: string } | null {
  const start = toMinutes(session.start) + (what === 'move' ? delta : 0);
  const end = toMinutes(session.end) + delta;
  if (start < 0 || end > 24 * 60 - 1 || end <= start) return null;
  return { start: fromMinutes(start), end: fromMinutes(end) };
}

/** The new times when a session is dropped on a slot: same length, starting there. */
export function droppedAt(session: { start: string; end: string }, slotStart: number): { start: string; end: string } | null {
  const length = toMinutes(session.end) - toMinutes(session.start);
  const end = slotStart + length;
  if (end > 24 * 60 - 1) return null;
  return { start: fromMinutes(slotStart), end: fromMinutes(end) };
}
