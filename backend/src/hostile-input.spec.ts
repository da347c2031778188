import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { aMember, addMembers, anOpenForum, inviteMembers } from './test/fixtures';
import { createTestApp, type TestApp } from './test/test-app';

/** Inputs an attacker sends by hand, each once a 500: each is a 400 in the one error shape and changes nothing. */
describe('hostile input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
  });
  afterAll(() => t.close());

  const expectErrorShape = (res: Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual(
      expect.objectContaining({
        statusCode: status,
        error: expect.any(String),
        message: expect.any(String),
        correlationId: expect.any(String),
      }),
    );
  };

  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('refuses a body nested 3,000 levels deep with a 400 before anything reads it', async () => {
    const organiser = await t.signedIn('organiser');
    for (const [method, url] of [
      ['post', '/api/v1/auth/sign-in'],
      ['post', '/api/v1/forums'],
      ['post', '/api/v1/public/register'],
    ] as const) {
      const agent = url.startsWith('/api/v1/forums') ? organiser : t.anon();
      const res = await agent[method](url)
        .set('content-type', 'application/json')
        .send(`{"email":${nested(3000)}}`);
      expectErrorShape(res, 400);
      expect(res.body.message).toMatch(/nested/);
    }
    const objects = await t
      .anon()
      .post('/api/v1/auth/sign-in')
      .set('content-type', 'application/json')
      .send('{"a":'.repeat(100) + '1' + '}'.repeat(100));
    expectErrorShape(objects, 400);
  });

  it('refuses prototype keys and malformed JSON in the one error shape', async () => {
    for (const body of [
      '{"__proto__":{"admin":true},"email":"a@example.org"}',
      '{"constructor":{"prototype":{"x":1}}}',
      '{"email":',
    ]) {
      const res = await t.anon().post('/api/v1/auth/sign-in').set('content-type', 'application/json').send(body);
      expectErrorShape(res, 400);
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers 413 in the one error shape for a body over the limit', async () => {
    const res = await t
      .anon()
      .post('/api/v1/auth/sign-in')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(1100 * 1024) }));
    expectErrorShape(res, 413);
  });

  it('refuses a lone surrogate in an email field with a field message, on every public email route', async () => {
    const loneSurrogate = '"\\ud800@example.org"';
    const routes: [string, string][] = [
      ['/api/v1/auth/sign-in', `{"email":${loneSurrogate},"password":"whatever"}`],
      ['/api/v1/auth/setup', `{"email":${loneSurrogate},"password":"long enough password","name":"Palesa"}`],
      ['/api/v1/public/me/link', `{"email":${loneSurrogate}}`],
      [
        '/api/v1/public/register',
        `{"firstName":"Lineo","lastName":"M","email":${loneSurrogate},"countryCode":"ZA","preferredLanguage":"en","consentInvitations":true,"consentUpdates":true,"agree":true}`,
      ],
    ];
    for (const [url, body] of routes) {
      const res = await t.anon().post(url).set('content-type', 'application/json').send(body);
      expectErrorShape(res, 400);
      expect(res.body.fields.email).toEqual(['must be valid Unicode text']);
    }
    const nestedField = await t
      .anon()
      .post('/api/v1/auth/sign-in')
      .set('content-type', 'application/json')
      .send('{"email":"a@example.org","password":["\\udfff"]}');
    expect(nestedField.body.fields).toEqual({ 'password.0': ['must be valid Unicode text'] });
    const count = await t.dataSource.query('SELECT COUNT(*) AS n FROM members');
    expect(Number(count[0].n)).toBe(0);
  });

  it('refuses a lone surrogate in a query string and a path parameter, and a page number past any offset', async () => {
    const organiser = await t.signedIn('organiser');
    const query = await organiser.get('/api/v1/members?q=%ED%A0%80');
    expectErrorShape(query, 400);
    const hugePage = await organiser.get('/api/v1/members?page=1e%2B308');
    expectErrorShape(hugePage, 400);
    expect(hugePage.body.fields.page).toEqual(['must be at most 1000000']);
    const param = await t.anon().get('/api/v1/public/rsvp/%ED%A0%80');
    expect([400, 404]).toContain(param.status);
    expectErrorShape(param, param.status);
  });

  it('refuses null for a field that cannot be null on the member’s self-service PATCH, and changes nothing', async () => {
    const [member] = await addMembers(t, [aMember({ email: 'self.null@example.org' })]);
    const organiser = await t.signedIn('organiser');
    const forum = await anOpenForum(organiser);
    await inviteMembers(t, organiser, forum.id, [member]);
    const link = await t.anon().post('/api/v1/public/me/link').send({ email: 'self.null@example.org' }).expect(202);
    expect(link.body.message).toBeDefined();
    const [row] = await t.dataSource.query("SELECT data FROM messages WHERE template = 'manage-link' AND memberId = ?", [
      member.id,
    ]);
    const token = (JSON.parse(row.data).manageUrl as string).split('/').at(-1)!;
    for (const field of ['consentUpdates', 'consentInvitations', 'firstName', 'countryCode', 'preferredLanguage']) {
      const res = await t
        .anon()
        .patch(`/api/v1/public/me/${token}`)
        .send({ [field]: null });
      expectErrorShape(res, 400);
      expect(Object.keys(res.body.fields)).toEqual([field]);
    }
    const [after] = await t.dataSource.query('SELECT consentUpdates, firstName FROM members WHERE id = ?', [member.id]);
    expect(Boolean(after.consentUpdates)).toBe(true);
    expect(after.firstName).toBe(member.firstName);
  });

  it('refuses a nested object left out, null or given as an array (campaign audience, nominee, merge choices)', async () => {
    const organiser = await t.signedIn('organiser');
    const forum = await anOpenForum(organiser);
    for (const audience of [undefined, null, [], 'everyone']) {
      const res = await organiser.post(`/api/v1/forums/${forum.id}/campaigns`).send({ name: 'No audience', audience });
      expectErrorShape(res, 400);
      expect(res.body.fields.audience).toBeDefined();
    }
    const nomination = await t
      .anon()
      .post('/api/v1/public/nominations')
      .send({ forumId: forum.id, nominatorKind: 'self', locale: 'en' });
    expectErrorShape(nomination, 400);
    expect(nomination.body.fields.nominee).toBeDefined();
    const merge = await organiser
      .post('/api/v1/register/duplicates/merge')
      .send({ keepId: forum.id, mergeId: forum.id, fields: [] });
    expectErrorShape(merge, 400);
    const [campaigns] = await t.dataSource.query('SELECT COUNT(*) AS n FROM campaigns WHERE forumId = ?', [forum.id]);
    expect(Number(campaigns.n)).toBe(0);
  });
});
