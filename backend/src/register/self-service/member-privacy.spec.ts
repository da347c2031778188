import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addMembers, aMember } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { MemberRepository } from '../member.repository';
import { MemberPrivacyService } from './member-privacy.service';

describe(MemberPrivacyService.name, () => {
  let t: TestApp;
  let organiser: Awaited<ReturnType<TestApp['signedIn']>>;

  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    organiser = await t.signedIn('organiser');
  });
  afterAll(() => t.close());

  const audit = (action: string, id: string) =>
    t.dataSource.query('SELECT actorId, actorRole, summary FROM audit_entries WHERE action = ? AND targetId = ?', [action, id]);
  const row = async (id: string) => (await t.dataSource.query('SELECT * FROM members WHERE id = ?', [id]))[0];

  it('previews what an erasure removes, per section, with the version to erase against', async () => {
    const [m] = await addMembers(t, [aMember()]);
    await organiser
      .post(`/api/v1/members/${m.id}/outreach`)
      .send({ channel: 'phone', outcome: 'reached', note: 'Prefers calls after six' })
      .expect(201);
    const preview = await organiser.get(`/api/v1/privacy/members/${m.id}/erasure-preview`).expect(200);
    expect(preview.body.version).toMatch(/^[0-9a-f]{16}$/);
    const counts = Object.fromEntries(preview.body.sections.map((s: { key: string; count: number }) => [s.key, s.count]));
    expect(counts).toMatchObject({ profile: 1, outreach: 1, invitations: 0, attendance: 0, nominations: 0, emails: 0 });
    expect(preview.body.sections.find((s: { key: string }) => s.key === 'outreach').title).toBe(
      'Contact attempts (outreach log)',
    );

    // Taking a copy does not change the version: an erasure based on it still goes through.
    const copy = await organiser.get(`/api/v1/privacy/members/${m.id}/export`).expect(200);
    expect(copy.body.version).toBe(preview.body.version);
    expect(copy.body.sections.outreach[0].note).toBe('Prefers calls after six');
    await organiser.post(`/api/v1/privacy/members/${m.id}/erase`).send({ basedOn: copy.body.version }).expect(204);
    expect((await row(m.id)).status).toBe('erased');
  });

  it('refuses an erasure based on an export when the record changed since, and erases once asked again', async () => {
    const [m] = await addMembers(t, [aMember({ city: 'Durban' })]);
    const copy = await organiser.get(`/api/v1/privacy/members/${m.id}/export`).expect(200);
    await organiser
      .post(`/api/v1/members/${m.id}/outreach`)
      .send({ channel: 'email', outcome: 'no_answer', note: 'Later' })
      .expect(201);

    const refused = await organiser
      .post(`/api/v1/privacy/members/${m.id}/erase`)
      .send({ basedOn: copy.body.version })
      .expect(409);
    expect(refused.body.message).toMatch(/changed after the export/);
    expect(refused.body.fields).toEqual({ basedOn: ['the record changed since this version'] });
    expect(await row(m.id)).toMatchObject({ status: 'active', city: 'Durban', email: m.email });
    expect(await audit('member.erased', m.id)).toEqual([]);

    const again = await organiser.get(`/api/v1/privacy/members/${m.id}/erasure-preview`).expect(200);
    expect(again.body.version).not.toBe(copy.body.version);
    await organiser.post(`/api/v1/privacy/members/${m.id}/erase`).send({ basedOn: again.body.version }).expect(204);
    expect(await row(m.id)).toMatchObject({ status: 'erased', city: null, email: null });
  });

  it('records exports and erasures in the audit log, with ids and counts only', async () => {
    const [m] = await addMembers(t, [aMember({ firstName: 'Lineo', lastName: 'Audited' })]);
    await organiser.get(`/api/v1/privacy/members/${m.id}/export`).expect(200);
    await organiser
      .get(`/api/v1/privacy/members/${m.id}/export.html`)
      .expect(200)
      .expect('content-type', /text\/html/);
    const exports = await audit('data.exported', m.id);
    expect(exports).toHaveLength(2);
    // Order-free: both may carry the same time.
    expect(exports.map((e: { summary: string }) => e.summary).sort()).toEqual([
      expect.stringMatching(/^subject-access export \(html\), version [0-9a-f]{16}: \d+ rows$/),
      expect.stringMatching(/^subject-access export \(json\), version [0-9a-f]{16}: \d+ rows$/),
    ]);
    for (const e of exports) expect(e).toMatchObject({ actorId: organiser.userId, actorRole: 'organiser' });
    await organiser.post(`/api/v1/privacy/members/${m.id}/erase`).send({}).expect(204);
    const [erased] = await audit('member.erased', m.id);
    expect(erased).toMatchObject({ actorId: organiser.userId, actorRole: 'organiser' });
    expect(erased.summary).toMatch(/outreach: 0/);
    expect(JSON.stringify([...exports, erased])).not.toMatch(/Lineo|Audited|@example/);
  });

  it('answers bad requests with a clear 4xx and changes nothing', async () => {
    const [m] = await addMembers(t, [aMember()]);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await organiser.post(`/api/v1/privacy/members/${unknown}/erase`).send({}).expect(404)).body.message).toBe(
      'Member not found',
    );
    await organiser.get(`/api/v1/privacy/members/${unknown}/export`).expect(404);
    await organiser.get(`/api/v1/privacy/members/not-a-uuid/erasure-preview`).expect(400);
    const malformed = await organiser.post(`/api/v1/privacy/members/${m.id}/erase`).send({ basedOn: 'yesterday' }).expect(400);
    expect(malformed.body.fields.basedOn).toBeDefined();
    expect((await row(m.id)).status).toBe('active');

    await organiser.post(`/api/v1/privacy/members/${m.id}/erase`).send({}).expect(204);
    const before = await row(m.id);
    const twice = await organiser.post(`/api/v1/privacy/members/${m.id}/erase`).send({}).expect(409);
    expect(twice.body.message).toMatch(/already erased/);
    expect((await organiser.get(`/api/v1/privacy/members/${m.id}/export`).expect(409)).body.message).toMatch(/already erased/);
    await organiser.get(`/api/v1/privacy/members/${m.id}/erasure-preview`).expect(409);
    expect(await row(m.id)).toEqual(before);
    expect(await audit('member.erased', m.id)).toHaveLength(1);
    expect(await audit('data.exported', m.id)).toHaveLength(0);
  });

  it('records a member acting through their own link as the member', async () => {
    const [added] = await addMembers(t, [aMember()]);
    const m = (await t.app.get(MemberRepository).findById(added.id))!;
    const copy = await t.app.get(MemberPrivacyService).export(m, 'member');
    expect(copy.profile.email).toBe(m.email);
    await t.app.get(MemberPrivacyService).erase(m, 'member');
    expect(await audit('data.exported', m.id)).toEqual([expect.objectContaining({ actorId: null, actorRole: 'member' })]);
    expect(await audit('member.erased', m.id)).toEqual([expect.objectContaining({ actorId: null, actorRole: 'member' })]);
  });

  it('runs SQLite with secure_delete, so erased values are zeroed in the file', async () => {
    if (t.dataSource.options.type !== 'better-sqlite3') return;
    expect(await t.dataSource.query('PRAGMA secure_delete')).toEqual([{ secure_delete: 1 }]);
  });
});
