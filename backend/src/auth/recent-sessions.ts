import type { CheckedSession } from './session.repository';

/** How long a checked session is trusted without asking the database again. */
export const SESSION_RECHECK_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Sessions this process checked in the last few seconds, so a door scanning a badge a second does not
 * read its session each time. Sign-out and revocation in this process take effect at once; made in
 * another process, within SESSION_RECHECK_MS.
 */
export class RecentSessions {
  private readonly entries = new Map<string, { session: CheckedSession; checkedAt: number }>();

  get(tokenHash: string, now: number): CheckedSession | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (now - entry.checkedAt < SESSION_RECHECK_MS && now >= entry.checkedAt) return entry.session;
    this.entries.delete(tokenHash);
    return undefined;
  }

  set(tokenHash: string, session: CheckedSession, now: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { session, checkedAt: now });
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: string): void {
    for (const [hash, { session }] of this.entries) if (session.user.id === userId) this.entries.delete(hash);
  }
}
