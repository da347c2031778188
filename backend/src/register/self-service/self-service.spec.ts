import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { linkTokenOf } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { SelfRegistrationService } from './self-registration.service';

interface OutboxRow {
  id: string;
  template: string;
  recipient: string;
  locale: string;
  data: string;
  state: string;
}

describe(SelfRegistrationService.name, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
  });
  afterAll(() => t.close());

  const registration = (over: Record<string, unknown> = {}) => ({
    firstName: 'Lineo',
    lastName: 'Ntšekhe',
    email: 'lineo.ntsekhe@example.org',
    phone: '082 555 0101',
    countryCode: 'ZA',
    region: 'Gauteng',
    city: 'Johannesburg',
    sectors: ['health'],
    preferredLanguage: 'st',
    consentInvitations: true,
    consentUpdates: false,
    agree: true,
    ...over,
  });
  const outbox = async (recipient: string): Promise<OutboxRow[]> =>
    t.dataSource.query(
      'SELECT id, template, recipient, locale, data, state FROM messages WHERE recipient = ? ORDER BY createdAt',
      [recipient],
    );
  const linkIn = (row: OutboxRow, key: 'confirmUrl' | 'manageUrl') => linkTokenOf(t, row.id, key);
  const member = async (email: string) => (await t.dataSource.query('SELECT * FROM members WHERE email = ?', [email]))[0];

  it('registers a member only after they open the emailed link (double opt-in), in their language', async () => {
    const anon = t.anon();
    const res = await anon.post('/api/v1/public/register').send(registration()).expect(202);
    expect(res.body.message).toContain('Check your email');
    expect(await member('lineo.ntsekhe@example.org')).toMatchObject({
      status: 'pending_confirmation',
      source: 'self',
      consentMethod: 'web_form',
      phone: '+27825550101',
    });
    const [confirm] = await outbox('lineo.ntsekhe@example.org');
    expect(confirm).toMatchObject({ template: 'register-confirm', locale: 'st', state: 'held' });
    const token = await linkIn(confirm, 'confirmUrl');
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const stored: { tokenHash: string }[] = await t.dataSource.query('SELECT tokenHash FROM member_tokens');
    expect(stored.map((r) => r.tokenHash)).not.toContain(token);

    const confirmed = await anon.post('/api/v1/public/register/confirm').send({ token }).expect(200);
    expect(confirmed.body.firstName).toBe('Lineo');
    expect((await member('lineo.ntsekhe@example.org')).status).toBe('active');
    const welcome = (await outbox('lineo.ntsekhe@example.org'))[1];
    expect(welcome.template).toBe('register-welcome');
    expect(await linkIn(welcome, 'manageUrl')).toBe(confirmed.body.manageToken);

    // The link works once.
    await anon.post('/api/v1/public/register/confirm').send({ token }).expect(404);
  });

  it('refuses invalid input with field messages and stores nothing', async () => {
    const res = await t
      .anon()
      .post('/api/v1/public/register')
      .send(registration({ email: 'bad', region: 'Lesotho', agree: false, sectors: ['mining'] }))
      .expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['agree', 'email', 'sectors']);
    const semantic = await t
      .anon()
      .post('/api/v1/public/register')
      .send(registration({ email: 'thabo@example.org', region: 'Lesotho' }))
      .expect(400);
    expect(semantic.body.fields.region[0]).toContain('not a South African province');
    expect(await member('thabo@example.org')).toBeUndefined();
  });

  it('answers a bot that fills the hidden field like anyone, and keeps nothing', async () => {
    await t
      .anon()
      .post('/api/v1/public/register')
      .send(registration({ email: 'bot@example.org', website: 'http://spam.example.com' }))
      .expect(202);
    expect(await member('bot@example.org')).toBeUndefined();
    expect(await outbox('bot@example.org')).toEqual([]);
  });

  it('does not reveal that an email is registered: it sends that member their link instead', async () => {
    const first = await t
      .anon()
      .post('/api/v1/public/register')
      .send(registration({ email: 'palesa@example.org', phone: undefined }))
      .expect(202);
    const again = await t
      .anon()
      .post('/api/v1/public/register')
      .send(registration({ email: 'palesa@example.org', phone: undefined, firstName: 'Someone' }))
      .expect(202);
    expect(again.body).toEqual(first.body);
    expect(
      Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM members WHERE email = ?', ['palesa@example.org']))[0].n),
    ).toBe(1);
    // Not confirmed yet: the owner of the address gets a fresh confirmation link.
    expect((await outbox('palesa@example.org')).map((m) => m.template)).toEqual(['register-confirm', 'register-confirm']);
    await t
      .anon()
      .post('/api/v1/public/register/confirm')
      .send({ token: await linkIn((await outbox('palesa@example.org'))[1], 'confirmUrl') })
      .expect(200);
    const unknown = await t.anon().post('/api/v1/public/me/link').send({ email: 'nobody@example.org' }).expect(202);
    const known = await t.anon().post('/api/v1/public/me/link').send({ email: 'palesa@example.org' }).expect(202);
    expect(known.body).toEqual(unknown.body);
    expect((await outbox('palesa@example.org')).map((m) => m.template).at(-1)).toBe('manage-link');
    expect(await outbox('nobody@example.org')).toEqual([]);
  });

  it('lets a member see, correct (and withdraw consent), and download their data through their link', async () => {
    await t
      .anon()
      .post('/api/v1/public/register')
      .send(registration({ email: 'mpho@example.org', phone: undefined }))
      .expect(202);
    const confirmed = await t
      .anon()
      .post('/api/v1/public/register/confirm')
      .send({ token: await linkIn((await outbox('mpho@example.org'))[0], 'confirmUrl') })
      .expect(200);
    const link = `/api/v1/public/me/${confirmed.body.manageToken}`;
    const view = await t.anon().get(link).expect(200);
    expect(view.body).toMatchObject({
      firstName: 'Lineo',
      email: 'mpho@example.org',
      region: 'Gauteng',
      sectors: ['health'],
      consentInvitations: true,
    });

    const bad = await t.anon().patch(link).send({ region: 'Nowhere' }).expect(400);
    expect(bad.body.fields.region).toBeDefined();
    const corrected = await t
      .anon()
      .patch(link)
      .send({ firstName: 'Mpho', region: 'Free State', sectors: ['education', 'trade'], consentInvitations: false })
      .expect(200);
    expect(corrected.body).toMatchObject({
      firstName: 'Mpho',
      region: 'Free State',
      sectors: ['education', 'trade'],
      consentInvitations: false,
    });

    const exported = await t.anon().get(`${link}/export`).expect(200);
    expect(exported.body.profile).toMatchObject({ firstName: 'Mpho', email: 'mpho@example.org', source: 'self' });
    expect(exported.body.history.map((h: { kind: string }) => h.kind)).toEqual(
      expect.arrayContaining(['created', 'confirmed', 'updated']),
    );
    expect(exported.body.sections.emails.map((e: { template: string }) => e.template)).toEqual(
      expect.arrayContaining(['register-confirm', 'register-welcome']),
    );
    await t.anon().get('/api/v1/public/me/not-a-real-token').expect(404);
  });

  it('erases a member: the person disappears, the counts stay', async () => {
    await t
      .anon()
      .post('/api/v1/public/register')
      .send(registration({ email: 'erase.me@example.org', phone: '+27 82 555 0199' }))
      .expect(202);
    const confirmed = await t
      .anon()
      .post('/api/v1/public/register/confirm')
      .send({ token: await linkIn((await outbox('erase.me@example.org'))[0], 'confirmUrl') })
      .expect(200);
    const before = await member('erase.me@example.org');
    await t.anon().delete(`/api/v1/public/me/${confirmed.body.manageToken}`).expect(204);

    const after = (await t.dataSource.query('SELECT * FROM members WHERE id = ?', [before.id]))[0];
    expect(after).toMatchObject({
      firstName: 'Erased',
      lastName: 'member',
      email: null,
      phone: null,
      whatsapp: null,
      city: null,
      status: 'erased',
      countryCode: 'ZA',
      region: 'Gauteng',
    });
    expect(Number(after.consentInvitations)).toBe(0);
    const sectors = await t.dataSource.query('SELECT sector FROM member_sectors WHERE memberId = ?', [before.id]);
    expect(sectors).toEqual([{ sector: 'health' }]);
    const messages = await t.dataSource.query('SELECT recipient, data FROM messages WHERE memberId = ?', [before.id]);
    expect(messages.every((m: { recipient: string; data: string }) => m.recipient === 'erased' && m.data === '{}')).toBe(true);
    expect(await t.dataSource.query('SELECT id FROM member_tokens WHERE memberId = ?', [before.id])).toEqual([]);
    await t.anon().get(`/api/v1/public/me/${confirmed.body.manageToken}`).expect(404);
  });

  it('lets organisers export or erase a member on request, and nobody else', async () => {
    await t
      .anon()
      .post('/api/v1/public/register')
      .send(registration({ email: 'on.request@example.org', phone: undefined }))
      .expect(202);
    const { id } = await member('on.request@example.org');
    const registrar = await t.signedIn('registrar', { countries: ['ZA'] });
    await registrar.post(`/api/v1/privacy/members/${id}/erase`).expect(403);
    const organiser = await t.signedIn('organiser');
    const exported = await organiser.get(`/api/v1/privacy/members/${id}/export`).expect(200);
    expect(exported.body.profile.email).toBe('on.request@example.org');
    await organiser.post(`/api/v1/privacy/members/${id}/erase`).expect(204);
    await organiser.post(`/api/v1/privacy/members/${id}/erase`).expect(409);
    expect((await t.dataSource.query('SELECT status FROM members WHERE id = ?', [id]))[0].status).toBe('erased');
  });
});
