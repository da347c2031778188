import type { components } from '$lib/api/schema';
import { buildSearchList, type SearchEntry } from './search';

type Schemas = components['schemas'];

/** `GET /api/v1/door/forums/:id/data?day=`: everything a door needs to decide offline. */
export type DoorData = Schemas['DoorDataDto'];
export type DoorForum = DoorData['forum'];

/**
 * One attendee as the door data sends it (a tuple keeps 10,000 of them small on the wire). Data saved
 * on the device by older versions may lack the last element, comesThisDay: fromTuple reads that as 1.
 */
export type AttendeeTuple = DoorData['attendees'][number];

/** The day's first admission of a person: the server's (with who let them in) or this device's own. */
export type Admission = Pick<Schemas['AdmissionDto'], 'scannedAt' | 'door'> & { staffName?: string | null };

/** An attendee decoded from the tuple, for the door's screens and rules. */
export interface DoorAttendee {
  badgeNumber: number;
  badgeVersion: number;
  role: Schemas['AttendeeRole'];
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
