import { randomUUID } from 'node:crypto';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Attendee } from '../attendees/attendee.entity';
import { DoorAccess } from '../checkin/door-access.service';
import { anOpenForum } from './fixtures';
import { TEST_PASSWORD, type TestApp } from './test-app';

export const DAY1 = '2027-04-08';
export const DAY2 = '2027-04-09';

let nonceCount = 0;
export const aNonce = (): string => `n-${Date.now().toString(36)}-${++nonceCount}-${randomUUID().slice(0, 8)}`;

/** Attendees written straight to the table (badge numbers from `from`), as the RSVP flow would leave them. */
export async function addAttendees(t: TestApp, forumId: string, rows: Partial<Attendee>[], from = 1): Promise<Attendee[]> {
  const repo = t.dataSource.getRepository(Attendee);
  const attendees = rows.map((row, i) =>
    repo.create({
      forumId,
      memberId: null,
      invitationId: null,
      role: 'attendee',
      firstName: `First${from + i}`,
      lastName: `Last${from + i}`,
      countryCode: 'ZA',
      region: 'Gauteng',
      badgeNumber: from + i,
      badgeVersion: 1,
      badgeRevoked: false,
      status: 'confirmed',
      needs: null,
      ...row,
    }),
  );
  await repo.insert(attendees);
  return attendees;
}

export function scan(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nonce: aNonce(),
    badgeNumber: 1,
    badgeVersion: 1,
    day: DAY1,
    scannedAt: new Date(Date.now() - 1000).toISOString(),
    door: 'Main gate',
    method: 'scan',
    offline: false,
    ...over,
  };
}

/** The session cookie of a new staff user of that role (for raw HTTP requests). */
export async function sessionCookie(t: TestApp, role: 'door' | 'organiser'): Promise<string> {
  const email = `${role}.raw.${aNonce()}@example.org`;
  await t.signedIn(role, { email });
  const res = await t.anon().post('/api/v1/auth/sign-in').send({ email, password: TEST_PASSWORD });
  const cookies = res.headers['set-cookie'] as unknown as string[];
  return cookies.map((c) => c.split(';')[0]).join('; ');
}

/** Starts the app's HTTP server on a free port (for requests supertest would decode for us). */
export async function listen(t: TestApp): Promise<number> {
  const server = t.app.getHttpServer() as Server;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A GET whose body is kept exactly as it came over the wire. */
export function rawGet(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** Assigns every door account that exists now to the forum (door sessions reach only assigned forums). */
/** An open forum (anOpenForum) that every door account of the app is assigned to. */
export async function forumAtDoor(
  t: TestApp,
  ...args: Parameters<typeof anOpenForum>
): Promise<Awaited<ReturnType<typeof anOpenForum>>> {
  const forum = await anOpenForum(...args);
  await assignDoors(t, forum.id);
  return forum;
}

export async function assignDoors(t: TestApp, forumId: string): Promise<void> {
  const users = (await t.dataSource.query(
    `SELECT id FROM users u WHERE role = 'door' AND NOT EXISTS (SELECT 1 FROM door_assignments d WHERE d.userId = u.id AND d.forumId = ?)`,
    [forumId],
  )) as { id: string }[];
  for (const { id } of users) {
    await t.dataSource.query('INSERT INTO door_assignments (id, userId, forumId, days, createdAt) VALUES (?, ?, ?, NULL, ?)', [
      randomUUID(),
      id,
      forumId,
      new Date().toISOString().slice(0, 19).replace('T', ' '),
    ]);
  }
  t.app.get(DoorAccess).forget();
}
