import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { TestApp } from '../test/test-app';
import { createTestApp } from '../test/test-app';

const PUBLIC_URL = 'http://forum.example.org';
const newOrganiser = { email: 'mallory@example.org', name: 'Mallory', password: 'mallory-password', role: 'organiser' };

describe('cross-site requests and body types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL });
  });
  afterAll(() => t.close());

  async function staffCount(): Promise<number> {
    const rows: { n: number | string }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM users');
    return Number(rows[0].n);
  }

  it('refuses a form-encoded POST with a staff cookie from a foreign origin, creating nobody', async () => {
    const organiser = await t.signedIn('organiser');
    const before = await staffCount();
    const res = await organiser
      .post('/api/v1/users')
      .set('Origin', 'http://forum.example.org.evil.test')
      .type('form')
      .send(newOrganiser)
      .expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'forbidden' });
    expect(res.body.correlationId).toBeTruthy();
    expect(await staffCount()).toBe(before);
  });

  it('refuses a JSON state change from a sibling site (same-site is not same-origin) or a foreign origin', async () => {
    const organiser = await t.signedIn('organiser');
    const before = await staffCount();
    await organiser.post('/api/v1/users').set('Sec-Fetch-Site', 'same-site').send(newOrganiser).expect(403);
    await organiser.post('/api/v1/users').set('Sec-Fetch-Site', 'cross-site').send(newOrganiser).expect(403);
    await organiser.post('/api/v1/users').set('Origin', 'http://localhost:5000').send(newOrganiser).expect(403);
    await organiser.post('/api/v1/users').set('Origin', 'null').send(newOrganiser).expect(403);
    const me = (await organiser.get('/api/v1/auth/me').expect(200)).body.id;
    await organiser.patch(`/api/v1/users/${me}`).set('Origin', 'http://evil.test').send({ name: 'Renamed' }).expect(403);
    // The public routes too: a foreign page cannot sign a browser out or in.
    await organiser.post('/api/v1/auth/sign-out').set('Origin', 'http://evil.test').expect(403);
    await organiser.get('/api/v1/auth/me').expect(200);
    expect(await staffCount()).toBe(before);
  });

  it("lets our own pages through: PUBLIC_URL's origin, the Host they were served from, or Sec-Fetch-Site same-origin", async () => {
    const organiser = await t.signedIn('organiser');
    await organiser
      .post('/api/v1/users')
      .set('Origin', PUBLIC_URL)
      .send({ ...newOrganiser, email: 'one@example.org' })
      .expect(201);
    await organiser
      .post('/api/v1/users')
      // A venue laptop reached at its LAN address: the page's origin is the Host the request is sent to.
      .set('Host', '192.168.8.20:3000')
      .set('Origin', 'http://192.168.8.20:3000')
      .send({ ...newOrganiser, email: 'two@example.org' })
      .expect(201);
    await organiser
      .post('/api/v1/users')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ ...newOrganiser, email: 'three@example.org' })
      .expect(201);
  });

  it('lets a client that is not a browser (no Origin, no Sec-Fetch-Site) through: no site can make it carry the cookie', async () => {
    const organiser = await t.signedIn('organiser');
    await organiser
      .post('/api/v1/users')
      .send({ ...newOrganiser, email: 'script@example.org' })
      .expect(201);
  });

  it('refuses form-encoded, text and multipart bodies on JSON routes with 415, changing nothing', async () => {
    const organiser = await t.signedIn('organiser');
    const before = await staffCount();
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await organiser.post('/api/v1/users').set('Content-Type', type).send(JSON.stringify(newOrganiser));
      expect([type, res.status, res.body.error]).toEqual([type, 415, 'unsupported_media_type']);
      expect(res.body.message).toBe('Send the body as application/json');
    }
    // Multipart built by a real client (a file field), on a JSON route.
    await organiser.post('/api/v1/users').field('email', 'x@example.org').attach('file', Buffer.from('a'), 'a.csv').expect(415);
    // An empty form post is what a cross-site <form> with no fields sends: refused as well.
    await organiser.post('/api/v1/auth/sign-out').type('form').send('').expect(415);
    // Public routes alike.
    await t.anon().post('/api/v1/auth/sign-in').type('form').send({ email: 'a@example.org', password: 'x' }).expect(415);
    expect(await staffCount()).toBe(before);
    await organiser.get('/api/v1/auth/me').expect(200);
  });

  it('takes multipart on the upload route, and JSON there is refused', async () => {
    const organiser = await t.signedIn('organiser');
    const csv = 'first_name,last_name,email,country\nLineo,Mokoena,lineo@example.org,ZA\n';
    await organiser.post('/api/v1/imports').attach('file', Buffer.from(csv), 'members.csv').expect(201);
    await organiser.post('/api/v1/imports').send({ file: csv }).expect(415);
  });

  it('still takes a POST with JSON announced and no body, and one with no body at all', async () => {
    const agent = await t.signedIn('door');
    await agent.post('/api/v1/auth/sign-out').set('Content-Type', 'application/json').expect(204);
    await request(t.app.getHttpServer()).post('/api/v1/auth/sign-out').expect(204);
  });
});
