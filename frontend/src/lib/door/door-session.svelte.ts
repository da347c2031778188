import { SvelteDate } from 'svelte/reactivity';
import { forumTag, fromBase64Url } from './badge-code';
import {
  applyResults,
  type CheckInMethod,
  isConflict,
  localAdmissions,
  mergeCheckIns,
  pendingBatches,
  refusedItems,
  type StoredCheckIn,
  toItem,
} from './check-ins';
import { isoNow } from './day';
import * as store from './db';
import { DoorApiError, doorApi, isDeviceRevoked, isNetworkError, isPermanentRefusal, type WalkIn } from './door-api';
import { forgetStoredApp } from './offline-app';
import { doorSettings } from './settings';
import { type Admission, AttendeeIndex, type DoorAttendee, type DoorData, fromTuple } from './door-data';
import type { SearchEntry } from './search';
import { type DoorContext, type Verdict, decideAttendee, decideBadge } from './verdict';

const REFRESH_MS = 30_000;

/**
 * One door on one forum day: its data (from IndexedDB, refreshed from the server while online), the
 * check-ins it made, and their sending. One instance lives for the whole app, across the door pages.
 */
export class DoorSession {
  forumId = $state<string | null>(null);
  day = $state<string | null>(null);
  door = $state('');
  /** Raw (not deeply reactive): 10,000 tuples would be slow to proxy. */
  data = $state.raw<DoorData | null>(null);
  fetchedAt = $state<string | null>(null);
  checkIns = $state.raw<StoredCheckIn[]>([]);
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  needsSignIn = $state(false);
  /** An organiser signed this device out: its data is gone (see wipe). */
  revoked = $state(false);
  /** The server refused the waiting check-ins (not a network failure): they stay queued, staff are told why. */
  sendError = $state<string | null>(null);
  loading = $state(false);
  loadError = $state<string | null>(null);
  /** Whether the service worker has stored the app on this device (null: not known yet). */
  appStored = $state<boolean | null>(null);
  /** Ticks every 15 s so "data from 2 min ago" stays true. */
  readonly now = new SvelteDate();

  pending = $derived(this.checkIns.filter((c) => c.state === 'pending').length);
  conflicts = $derived(this.checkIns.filter(isConflict));
  /** Check-ins the server refused for good: kept here, shown, reported; the rest of the queue went on. */
  setAside = $derived(this.checkIns.filter((c) => c.state === 'refused'));

  private index = new AttendeeIndex();
  private admissions: Map<number, Admission> = localAdmissions([]);
  private publicKey: Uint8Array = new Uint8Array();
  private syncing: Promise<void> | null = null;
  private syncAgain = false;
  private stopTimers: (() => void) | null = null;
  private reported = { key: '', at: 0 };

  /** Opens a forum day: local data at once, then fresh data and sending when online. Idempotent. */
  async open(forumId: string, day: string, door: string): Promise<void> {
    this.door = door;
    if (this.forumId === forumId && this.day === day) return;
    this.forumId = forumId;
    this.day = day;
    this.data = null;
    this.fetchedAt = null;
    this.loadError = null;
    this.setIndex(null);
    this.startTimers();
    const [stored, checkIns] = await Promise.all([store.loadData(forumId, day), store.loadCheckIns(forumId, day)]);
    if (this.forumId !== forumId || this.day !== day) return;
    this.checkIns = checkIns;
    this.admissions = localAdmissions(checkIns);
    if (stored) this.setData(stored.data, stored.fetchedAt);
    if (this.online) {
      await this.refresh();
      void this.sync();
    }
  }

  /** Everyone, ready for manual search (built on first use after each download). */
  get searchList(): readonly SearchEntry[] {
    return this.index.searchList;
  }

  /** Downloads the day's data again; offline or failing, the door keeps what it has. */
  async refresh(): Promise<void> {
    const { forumId, day } = this;
    if (!forumId || !day) return;
    this.loading = !this.data;
    try {
      const data = await doorApi.data(forumId, day);
      const fetchedAt = isoNow();
      if (this.forumId !== forumId || this.day !== day) return;
      this.setData(data, fetchedAt);
      this.loadError = null;
      await store.saveData(data, fetchedAt);
    } catch (error) {
      this.noteFailure(error);
      if (!this.data) this.loadError = error instanceof Error ? error.message : String(error);
    } finally {
      this.loading = false;
    }
  }

  /** The verdict on a scanned (or typed) badge code, decided on this device alone. */
  decide(text: string): Promise<Verdict> {
    return decideBadge(text, this.context());
  }

  /** The verdict for a person found by search (no badge to check). */
  decideManual(attendee: DoorAttendee): Verdict {
    return decideAttendee(attendee, this.context(), null);
  }

  /**
   * Keeps an admission, applies it at once (a second scan here says "already checked in"), and sends
   * it. Other verdicts are not sent (see StoredCheckIn).
   */
  async record(verdict: Verdict, method: CheckInMethod, overrideReason?: string): Promise<void> {
    if (!this.forumId || !this.day) return;
    const overridable = verdict.kind === 'already' || verdict.kind === 'wrong-day';
    if (verdict.kind !== 'admitted' && !(overridable && overrideReason)) return;
    const { attendee } = verdict;
    const version = verdict.kind === 'wrong-day' ? attendee.badgeVersion : verdict.badgeVersion;
    const checkIn: StoredCheckIn = {
      nonce: crypto.randomUUID(),
      badgeNumber: attendee.badgeNumber,
      badgeVersion: method === 'scan' ? version : null,
      day: this.day,
      scannedAt: isoNow(),
      door: this.door,
      method,
      offline: !this.online,
      forumId: this.forumId,
      name: `${attendee.firstName} ${attendee.lastName}`,
      state: 'pending',
      result: null,
      admission: null,
      ...(overrideReason ? { overrideReason: overrideReason.trim() } : {}),
    };
    this.putCheckIns([checkIn]);
    await store.saveCheckIns([checkIn]);
    if (this.online) await this.sync();
  }

  /** Sends what waits, in batches; one run at a time, and another right after for what arrived meanwhile. */
  sync(): Promise<void> {
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      let delivered = true;
      do {
        this.syncAgain = false;
        delivered = await this.sendPending();
      } while (delivered && this.syncAgain);
    })().finally(() => (this.syncing = null));
    return this.syncing;
  }

  /** Registers a walk-in (online only): they join the register, get a badge number and are admitted by the server. */
  async walkIn(form: Omit<WalkIn, 'nonce' | 'day' | 'door'>): Promise<DoorAttendee> {
    const { forumId, day } = this;
    if (!forumId || !day) throw new Error('no forum day open');
    const nonce = crypto.randomUUID();
    const { attendee: tuple } = await doorApi.walkIn(forumId, { ...form, nonce, day, door: this.door });
    const attendee = fromTuple(tuple);
    this.index.add(attendee);
    const checkIn: StoredCheckIn = {
      nonce,
      badgeNumber: attendee.badgeNumber,
      badgeVersion: null,
      day,
      scannedAt: tuple[10]?.[0] ?? isoNow(),
      door: this.door,
      method: 'manual',
      offline: false,
      forumId,
      name: `${attendee.firstName} ${attendee.lastName}`,
      state: 'sent',
      result: 'admitted',
      admission: null,
    };
    this.putCheckIns([checkIn]);
    await store.saveCheckIns([checkIn]);
    if (this.data) {
      this.data = { ...this.data, attendees: [...this.data.attendees, tuple] };
      await store.saveData(this.data, this.fetchedAt ?? isoNow());
    }
    return attendee;
  }

  /**
   * False when a batch could not be delivered (offline, signed out, server trouble): the rest waits for
   * the next try. A batch the server refuses for good never blocks the queue: the check-ins it names
   * are set aside and the rest sent again at once; a refusal naming none is halved until it does.
   */
  private async sendPending(): Promise<boolean> {
    if (!this.forumId || this.needsSignIn || this.revoked) return false;
    const forumId = this.forumId;
    const queue = pendingBatches(this.checkIns);
    while (queue.length > 0) {
      const batch = queue.shift()!;
      try {
        const { results } = await doorApi.checkIns(forumId, batch.map(toItem));
        const answered = applyResults(batch, results);
        this.sendError = null;
        this.putCheckIns(answered);
        await store.saveCheckIns(answered);
        // Another door admitted someone first: fetch the day's admissions as the server has them.
        if (answered.some(isConflict)) void this.refresh();
      } catch (error) {
        if (isPermanentRefusal(error)) {
          queue.unshift(...(await this.setAsideRefused(batch, error)));
          continue;
        }
        this.noteFailure(error);
        if (error instanceof DoorApiError && error.status !== 401) this.sendError = error.message;
        // Not delivered at once: the server records these as decided offline.
        if (isNetworkError(error)) await this.markOffline(batch);
        await this.report();
        return false;
      }
    }
    await this.report();
    return true;
  }

  /** Sets aside what a refusal names (or a lone check-in); gives back what is to be sent again, halved when none was named. */
  private async setAsideRefused(batch: StoredCheckIn[], error: InstanceType<typeof DoorApiError>): Promise<StoredCheckIn[][]> {
    const named = refusedItems(error.fields);
    if (named.size === 0 && batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      return [batch.slice(0, half), batch.slice(half)];
    }
    const refused = batch
      .map((c, n) => ({ c, why: named.get(n) ?? (batch.length === 1 ? error.message : null) }))
      .filter((x) => x.why !== null)
      .map(({ c, why }) => ({ ...c, state: 'refused' as const, refusal: why }));
    this.putCheckIns(refused);
    await store.saveCheckIns(refused);
    const rest = batch.filter((c) => !refused.some((r) => r.nonce === c.nonce));
    return rest.length ? [rest] : [];
  }

  /** Tells the server which door this device works and what it holds (when that changed, or each minute). */
  private async report(): Promise<void> {
    const key = `${this.door}|${this.pending}|${this.setAside.length}`;
    const now = Date.now();
    if (!this.door || (key === this.reported.key && now - this.reported.at < 60_000)) return;
    this.reported = { key, at: now };
    try {
      await doorApi.reportDevice({ deviceName: this.door, waitingCount: this.pending, setAsideCount: this.setAside.length });
    } catch (error) {
      this.reported.key = '';
      this.noteFailure(error);
    }
  }

  /**
   * An organiser signed this device out: everything it holds for the door goes (the database with its
   * data and queue, the saved settings, the stored app), and it stops.
   */
  async wipe(): Promise<void> {
    this.revoked = true;
    this.stopTimers?.();
    this.stopTimers = null;
    this.forumId = null;
    this.day = null;
    this.door = '';
    this.data = null;
    this.checkIns = [];
    this.setIndex(null);
    this.admissions = localAdmissions([]);
    doorSettings.clear();
    await Promise.all([store.wipe(), forgetStoredApp()]).catch((error: unknown) => console.error(error));
  }

  private async markOffline(batch: readonly StoredCheckIn[]): Promise<void> {
    const changed = batch.filter((c) => !c.offline).map((c) => ({ ...c, offline: true }));
    if (changed.length === 0) return;
    this.putCheckIns(changed);
    await store.saveCheckIns(changed);
  }

  private noteFailure(error: unknown): void {
    if (isDeviceRevoked(error)) void this.wipe();
    else if (error instanceof DoorApiError && error.status === 401) this.needsSignIn = true;
    else if (!isNetworkError(error)) console.error(error);
  }

  private putCheckIns(changed: readonly StoredCheckIn[]): void {
    this.checkIns = mergeCheckIns(this.checkIns, changed);
    this.admissions = localAdmissions(this.checkIns);
  }

  private setData(data: DoorData, fetchedAt: string): void {
    this.data = data;
    this.fetchedAt = fetchedAt;
    this.setIndex(data);
  }

  private setIndex(data: DoorData | null): void {
    this.index = new AttendeeIndex(data?.attendees ?? []);
    this.publicKey = data ? fromBase64Url(data.publicKey) : new Uint8Array();
  }

  private context(): DoorContext {
    return {
      forumTag: this.data?.forum.tag ?? (this.forumId ? forumTag(this.forumId) : ''),
      publicKey: this.publicKey,
      attendee: (n) => this.index.byNumber.get(n),
      admission: (n) => this.index.byNumber.get(n)?.checkedIn ?? this.admissions.get(n) ?? null,
    };
  }

  private startTimers(): void {
    if (this.stopTimers) return;
    const back = () => {
      this.online = true;
      void this.refresh().then(() => this.sync());
    };
    const gone = () => (this.online = false);
    window.addEventListener('online', back);
    window.addEventListener('offline', gone);
    const refresher = setInterval(() => {
      if (!this.online) return;
      void this.refresh();
      void this.sync();
    }, REFRESH_MS);
    const clock = setInterval(() => this.now.setTime(Date.now()), 15_000);
    this.stopTimers = () => {
      window.removeEventListener('online', back);
      window.removeEventListener('offline', gone);
      clearInterval(refresher);
      clearInterval(clock);
    };
  }

  /** After signing in again: send what waited. */
  resume(): void {
    this.needsSignIn = false;
    void this.sync();
  }
}

export const doorSession = new DoorSession();
