import { buildSearchList, type SearchEntry } from './search';

/** One attendee as the door data sends it (a tuple keeps 10,000 of them small on the wire). */
export type AttendeeTuple = [
  badgeNumber: number,
  badgeVersion: number,
  role: string,
  firstName: string,
  lastName: string,
  countryCode: string | null,
  region: string | null,
  needs: string[] | null,
  revoked: 0 | 1,
  phoneTail: string | null,
  checkedIn: [scannedAt: string, door: string] | null,
  /** 0 when the invitee said they come on other days only (absent in data saved by older versions). */
  comesThisDay?: 0 | 1,
];

export interface DoorForum {
  id: string;
  name: string;
  tag: string;
  timezone: string;
  days: string[];
}

/** `GET /api/v1/door/forums/:id/data?day=`: everything a door needs to decide offline. */
export interface DoorData {
  forum: DoorForum;
  day: string;
  publicKey: string;
  generatedAt: string;
  attendees: AttendeeTuple[];
}

export interface Admission {
  scannedAt: string;
  door: string;
  staffName?: string | null;
}

export interface DoorAttendee {
  badgeNumber: number;
  badgeVersion: number;
  role: string;
  firstName: string;
  lastName: string;
  countryCode: string | null;
  region: string | null;
  needs: string[];
  revoked: boolean;
  phoneTail: string | null;
  /** That day's admission known to the server when the data was made. */
  checkedIn: Admission | null;
  comesThisDay: boolean;
}

export function fromTuple(t: AttendeeTuple): DoorAttendee {
  return {
    badgeNumber: t[0],
    badgeVersion: t[1],
    role: t[2],
    firstName: t[3],
    lastName: t[4],
    countryCode: t[5],
    region: t[6],
    needs: t[7] ?? [],
    revoked: t[8] === 1,
    phoneTail: t[9],
    checkedIn: t[10] ? { scannedAt: t[10][0], door: t[10][1] } : null,
    comesThisDay: t[11] !== 0,
  };
}

/**
 * The attendees by badge number, rebuilt at each download (every 30 s): cheap, since a scan may come
 * at any moment. The search list (normalised names, sorted) costs more and is built only when someone
 * searches.
 */
export class AttendeeIndex {
  readonly byNumber = new Map<number, DoorAttendee>();
  private list: SearchEntry[] | null = null;

  constructor(tuples: readonly AttendeeTuple[] = []) {
    for (const t of tuples) this.byNumber.set(t[0], fromTuple(t));
  }

  get searchList(): SearchEntry[] {
    this.list ??= buildSearchList(this.byNumber.values());
    return this.list;
  }

  /** Adds (or replaces) one attendee, e.g. a walk-in registered at this door. */
  add(attendee: DoorAttendee): void {
    this.byNumber.set(attendee.badgeNumber, attendee);
    this.list = null;
  }
}
