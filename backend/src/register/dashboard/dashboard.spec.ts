import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { memberRow } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { Member } from '../member.entity';
import { MemberRepository, type NewMember } from '../member.repository';
import { DashboardService } from './dashboard.service';
import { mondayOf, weeklyGrowth } from './weekly-growth';

describe(DashboardService.name, () => {
  let t: TestApp;
  let organiser: Agent;
  const now = new Date('2027-03-17T10:00:00Z'); // a Wednesday, in the future so session cookies stay valid

  const member = (over: Partial<NewMember> = {}): NewMember => memberRow({ preferredChannel: 'phone', source: 'seed', ...over });

  /** Inserts members added at a given time (createdAt is set by the database, so it is moved after). */
  async function seed(createdAt: string, members: NewMember[]): Promise<void> {
    const inserted = await t.app.get(MemberRepository).insert(members);
    await t.dataSource
      .getRepository(Member)
      .createQueryBuilder()
      .update()
      .set({ createdAt: new Date(createdAt) })
      .whereInIds(inserted.map((m) => m.id))
      .execute();
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.setNow(now);
    organiser = await t.signedIn('organiser');
    await seed('2027-03-15T08:00:00Z', [
      member({
        email: 'a@example.org',
        consentAt: now,
        consentMethod: 'web_form',
        consentInvitations: true,
        consentUpdates: true,
      }),
      member({ phone: '+27821234567', consentAt: now, consentMethod: 'phone_call', consentInvitations: true }),
      member({ region: 'KwaZulu-Natal', whatsapp: '+27821234568' }),
      member({ countryCode: 'GB', region: 'London', email: 'b@example.org', phone: '+447700900123' }),
      member({ status: 'pending_confirmation', email: 'pending@example.org' }),
    ]);
    await seed('2027-03-01T23:59:00Z', [
      member({ region: 'Free State', email: 'c@example.org' }),
      member({ countryCode: 'US', region: 'Texas', email: 'd@example.org' }),
    ]);
    await seed('2026-06-01T12:00:00Z', [member({ region: 'Gauteng', email: 'old@example.org' })]);
    // Not members any more: counted apart, never in the figures.
    await seed('2027-03-16T12:00:00Z', [
      member({ status: 'merged', email: 'merged@example.org' }),
      member({ status: 'erased', region: 'Limpopo' }),
      member({ status: 'erased', countryCode: 'GB', region: null }),
    ]);
  });
  afterAll(() => t.close());

  it('counts live members per country and SA province, and apart the merged and erased', async () => {
    const res = await organiser.get('/api/v1/register/dashboard').expect(200);
    expect(res.body.countries).toBeNull();
    expect(res.body.totals).toEqual({ members: 8, target: null, pendingConfirmation: 1, merged: 1, erased: 2 });
    expect(res.body.byCountry).toEqual([
      { countryCode: 'ZA', members: 6, target: null },
      { countryCode: 'GB', members: 1, target: null },
      { countryCode: 'US', members: 1, target: null },
    ]);
    const provinces = Object.fromEntries(
      res.body.byProvince.map((p: { province: string; members: number }) => [p.province, p.members]),
    );
    expect(provinces).toEqual({
      'Eastern Cape': 0,
      'Free State': 1,
      Gauteng: 4,
      'KwaZulu-Natal': 1,
      Limpopo: 0,
      Mpumalanga: 0,
      'North West': 0,
      'Northern Cape': 0,
      'Western Cape': 0,
    });
    expect(res.body.provinceUnknown).toBe(0);
  });

  it('measures consent and contact coverage over live members only', async () => {
    const res = await organiser.get('/api/v1/register/dashboard').expect(200);
    expect(res.body.consent).toEqual({ invitations: 2, updates: 1, withEmail: 6, withPhone: 3 });
  });

  it('shows members added per week with a running total that includes earlier weeks', async () => {
    const res = await organiser.get('/api/v1/register/dashboard?weeks=4').expect(200);
    expect(res.body.growth.weeks).toEqual([
      { weekStart: '2027-02-22', added: 0, cumulative: 1 },
      { weekStart: '2027-03-01', added: 2, cumulative: 3 },
      { weekStart: '2027-03-08', added: 0, cumulative: 3 },
      { weekStart: '2027-03-15', added: 5, cumulative: 8 },
    ]);
    await organiser.get('/api/v1/register/dashboard?weeks=2').expect(400);
    await organiser.get('/api/v1/register/dashboard?weeks=lots').expect(400);
  });

  it('sets and clears targets, and shows each figure against its target', async () => {
    await organiser.put('/api/v1/register/targets/total').send({ target: 150000 }).expect(200);
    await organiser
      .put(`/api/v1/register/targets/${encodeURIComponent('country:za')}`)
      .send({ target: 135000 })
      .expect(200, { key: 'country:ZA', target: 135000 });
    await organiser.put('/api/v1/register/targets/country:LS').send({ target: 10 }).expect(200);
    await organiser
      .put(`/api/v1/register/targets/${encodeURIComponent('province:kzn')}`)
      .send({ target: 20000 })
      .expect(200, { key: 'province:KwaZulu-Natal', target: 20000 });
    await organiser.put('/api/v1/register/targets/province:Gauteng').send({ target: 60000 }).expect(200);
    await organiser.put('/api/v1/register/targets/province:Gauteng').send({ target: 65000 }).expect(200);

    const targets = await organiser.get('/api/v1/register/targets').expect(200);
    expect(targets.body).toEqual([
      { key: 'country:LS', target: 10 },
      { key: 'country:ZA', target: 135000 },
      { key: 'province:Gauteng', target: 65000 },
      { key: 'province:KwaZulu-Natal', target: 20000 },
      { key: 'total', target: 150000 },
    ]);
    const res = await organiser.get('/api/v1/register/dashboard').expect(200);
    expect(res.body.totals.target).toBe(150000);
    expect(res.body.growth.target).toBe(150000);
    // A country with a target and no members yet is listed, so the gap shows.
    expect(res.body.byCountry).toContainEqual({ countryCode: 'LS', members: 0, target: 10 });
    expect(res.body.byCountry[0]).toEqual({ countryCode: 'ZA', members: 6, target: 135000 });
    expect(res.body.byProvince).toContainEqual({ province: 'Gauteng', members: 4, target: 65000 });

    await organiser.delete('/api/v1/register/targets/country:LS').expect(204);
    await organiser.delete('/api/v1/register/targets/country:LS').expect(204);
    const after = await organiser.get('/api/v1/register/dashboard').expect(200);
    expect(after.body.byCountry.map((c: { countryCode: string }) => c.countryCode)).not.toContain('LS');
  });

  it('refuses bad targets with a message per field and changes nothing', async () => {
    const before = (await organiser.get('/api/v1/register/targets')).body;
    for (const key of ['everything', 'country:XX', 'country:', 'province:Maseru', 'region:Gauteng', 'province:']) {
      const res = await organiser
        .put(`/api/v1/register/targets/${encodeURIComponent(key)}`)
        .send({ target: 10 })
        .expect(400);
      expect(res.body.fields.key).toBeDefined();
    }
    for (const target of [0, -5, 1.5, '100', null, 10_000_001]) {
      const res = await organiser.put('/api/v1/register/targets/total').send({ target }).expect(400);
      expect(res.body.fields.target).toBeDefined();
    }
    await organiser.put('/api/v1/register/targets/total').send({ target: 5, extra: 1 }).expect(400);
    await organiser.delete(`/api/v1/register/targets/${encodeURIComponent('country:XX')}`).expect(400);
    expect((await organiser.get('/api/v1/register/targets')).body).toEqual(before);
  });

  it('shows registrars their countries only, and lets only organisers set targets', async () => {
    const registrar = await t.signedIn('registrar', { countries: ['GB', 'US'] });
    const res = await registrar.get('/api/v1/register/dashboard').expect(200);
    expect(res.body.countries).toEqual(['GB', 'US']);
    expect(res.body.totals).toEqual({ members: 2, target: null, pendingConfirmation: 0, merged: 0, erased: 1 });
    expect(res.body.byCountry).toEqual([
      { countryCode: 'GB', members: 1, target: null },
      { countryCode: 'US', members: 1, target: null },
    ]);
    expect(res.body.byProvince).toEqual([]);
    expect(res.body.consent).toEqual({ invitations: 0, updates: 0, withEmail: 2, withPhone: 1 });
    expect(res.body.growth.weeks.at(-1)).toMatchObject({ cumulative: 2 });

    await registrar.put('/api/v1/register/targets/country:GB').send({ target: 100 }).expect(403);
    await registrar.delete('/api/v1/register/targets/total').expect(403);
    await registrar.get('/api/v1/register/targets').expect(403);
    const door = await t.signedIn('door');
    await door.get('/api/v1/register/dashboard').expect(403);
    await t.anon().get('/api/v1/register/dashboard').expect(401);

    // With a target for each of their countries, a registrar sees their sum as their total target.
    await organiser.put('/api/v1/register/targets/country:GB').send({ target: 500 }).expect(200);
    expect((await registrar.get('/api/v1/register/dashboard')).body.totals.target).toBeNull();
    await organiser.put('/api/v1/register/targets/country:US').send({ target: 300 }).expect(200);
    expect((await registrar.get('/api/v1/register/dashboard')).body.totals.target).toBe(800);

    const za = await t.signedIn('registrar', { countries: ['ZA'] });
    const zaView = (await za.get('/api/v1/register/dashboard').expect(200)).body;
    expect(zaView.totals.members).toBe(6);
    expect(zaView.byProvince).toHaveLength(9);
  });
});

describe('weeklyGrowth', () => {
  it('starts weeks on Monday and fills empty weeks', () => {
    expect(mondayOf('2026-03-22')).toBe('2026-03-16');
    expect(mondayOf('2026-03-16')).toBe('2026-03-16');
    expect(
      weeklyGrowth(
        [
          { day: '2025-12-31', added: 3 },
          { day: '2026-01-05', added: 1 },
        ],
        new Date('2026-01-13T00:00:00Z'),
        4,
      ),
    ).toEqual([
      { weekStart: '2025-12-22', added: 0, cumulative: 0 },
      { weekStart: '2025-12-29', added: 3, cumulative: 3 },
      { weekStart: '2026-01-05', added: 1, cumulative: 4 },
      { weekStart: '2026-01-12', added: 0, cumulative: 4 },
    ]);
  });
});
