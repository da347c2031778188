import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { StoredCheckIn } from './check-ins';
import type { DoorData } from './door-data';

export interface StoredDoorData {
  key: string;
  data: DoorData;
  /** When this device last downloaded it (the data's own `generatedAt` is the server's clock). */
  fetchedAt: string;
}

interface DoorDb extends DBSchema {
  data: { key: string; value: StoredDoorData };
  checkIns: { key: string; value: StoredCheckIn; indexes: { forumDay: [string, string] } };
}

let opened: Promise<IDBPDatabase<DoorDb>> | null = null;

/** The door's own database: the day's data and every check-in this device made (sent or not). */
function db(): Promise<IDBPDatabase<DoorDb>> {
  opened ??= openDB<DoorDb>('diaspora-door', 1, {
    upgrade(database) {
      database.createObjectStore('data', { keyPath: 'key' });
      database.createObjectStore('checkIns', { keyPath: 'nonce' }).createIndex('forumDay', ['forumId', 'day']);
    },
  });
  return opened;
}

export const dataKey = (forumId: string, day: string) => `${forumId}/${day}`;

export async function loadData(forumId: string, day: string): Promise<StoredDoorData | undefined> {
  return (await db()).get('data', dataKey(forumId, day));
}

export async function saveData(data: DoorData, fetchedAt: string): Promise<void> {
  await (await db()).put('data', { key: dataKey(data.forum.id, data.day), data, fetchedAt });
}

export async function loadCheckIns(forumId: string, day: string): Promise<StoredCheckIn[]> {
  return (await db()).getAllFromIndex('checkIns', 'forumDay', [forumId, day]);
}

export async function saveCheckIns(checkIns: readonly StoredCheckIn[]): Promise<void> {
  const tx = (await db()).transaction('checkIns', 'readwrite');
  await Promise.all([...checkIns.map((c) => tx.store.put(c)), tx.done]);
}

/** Removes everything this device holds for the door: the database (data and queue) is deleted. */
export async function wipe(): Promise<void> {
  if (opened) (await opened).close();
  opened = null;
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase('diaspora-door');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('could not delete the door database'));
    // Another tab still holds it open: it is deleted once that tab lets go.
    request.onblocked = () => resolve();
  });
}
