import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import type { AuthUser } from '../../auth/auth-user';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertMembers, type MemberFixture } from '../../test/fixtures';
import type { Member } from '../member.entity';
import type { SegmentFilter } from './segment-filter';
import { SegmentQueryService } from './segment-query.service';

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 9));

// A small register where each filter picks a known set of people (by first name).
const people: MemberFixture[] = [
  {
    firstName: 'Thabo',
    lastName: 'Mokoena',
    email: 'thabo.mokoena@example.org',
    phone: '+27821112222',
    whatsapp: '+27821112222',
    region: 'Gauteng',
    city: 'Johannesburg',
    occupation: 'Nurse',
    sectors: ['health'],
    consentInvitations: true,
    source: 'import',
    createdAt: day(1),
  },
  {
    firstName: 'Palesa',
    lastName: 'Ntšekhe',
    phone: '+27731234567',
    region: 'Free State',
    city: 'Bloemfontein',
    occupation: 'Teacher',
    sectors: ['education', 'social'],
    preferredChannel: 'whatsapp',
    preferredLanguage: 'st',
    consentInvitations: true,
    consentUpdates: true,
    source: 'self',
    createdAt: day(2),
  },
  {
    firstName: 'Lineo',
    lastName: 'Letsie',
    email: 'lineo@example.net',
    countryCode: 'GB',
    region: 'England',
    city: 'London',
    occupation: 'Software developer',
    sectors: ['investment'],
    source: 'registrar',
    createdAt: day(3),
  },
  {
    firstName: 'Mpho',
    lastName: 'Mahao',
    email: 'mpho@example.com',
    phone: '+12125550142',
    countryCode: 'US',
    region: 'New York',
    city: 'New York',
    occupation: 'Engineer',
    sectors: ['trade'],
    consentInvitations: true,
    consentUpdates: true,
    createdAt: day(4),
  },
  {
    firstName: 'Zoë',
    lastName: 'Tau',
    email: 'zoe.tau@example.org',
    phone: '+27845550199',
    region: 'Gauteng',
    city: 'Pretoria',
    occupation: 'Medical doctor',
    sectors: ['health', 'investment'],
    preferredChannel: 'sms',
    preferredLanguage: 'st',
    consentUpdates: true,
    source: 'seed',
    createdAt: day(5),
  },
  { firstName: 'Merged', lastName: 'Mokoena', email: 'old@example.org', status: 'merged', createdAt: day(6) },
  { firstName: 'Erased', lastName: 'Member', status: 'erased', region: 'Gauteng', createdAt: day(7) },
  {
    firstName: 'Pending',
    lastName: 'Sello',
    email: 'pending@example.org',
    region: 'Western Cape',
    status: 'pending_confirmation',
    source: 'self',
    createdAt: day(8),
  },
];

// 60 people in Namibia for paging: "Pager 01".."Pager 60" with surnames in reverse order.
const pagers: MemberFixture[] = Array.from({ length: 60 }, (_, i) => ({
  firstName: `Pager ${String(i + 1).padStart(2, '0')}`,
  lastName: `Kamati ${String(60 - i).padStart(2, '0')}`,
  email: `pager${i + 1}@example.org`,
  countryCode: 'NA',
  region: 'Khomas',
  createdAt: day(10 + (i % 20)),
}));

describe(SegmentQueryService.name, () => {
  let t: TestApp;
  let organiser: Agent;
  let registrar: Agent;
  let members: Member[];

  beforeAll(async () => {
    t = await createTestApp();
    organiser = await t.signedIn('organiser');
    registrar = await t.signedIn('registrar', { countries: ['ZA', 'US'] });
    members = await insertMembers(t.app, [...people, ...pagers]);
  });
  afterAll(() => t.close());

  const list = async (agent: Agent, query: Record<string, unknown>) => {
    const res = await agent.get('/api/v1/members').query(query).expect(200);
    return res.body as { items: { id: string; firstName: string; lastName: string; sectors: string[] }[]; total: number };
  };
  /** First names the filter finds, sorted, leaving the Namibian paging crowd out unless asked for. */
  const names = async (query: Record<string, unknown>, agent = organiser) => {
    const body = await list(agent, { pageSize: 200, ...query });
    expect(body.total).toBe(body.items.length);
    return body.items
      .map((m) => m.firstName)
      .filter((n) => !n.startsWith('Pager'))
      .sort();
  };

  it('leaves erased and merged members out unless merged ones are asked for', async () => {
    expect(await names({ countries: ['ZA', 'GB', 'US'] })).toEqual(['Lineo', 'Mpho', 'Palesa', 'Pending', 'Thabo', 'Zoë']);
    expect((await list(organiser, {})).total).toBe(66);
    expect(await names({ statuses: 'merged' })).toEqual(['Merged']);
    expect(await names({ statuses: ['active', 'merged'], text: 'mokoena' })).toEqual(['Merged', 'Thabo']);
    expect(await names({ statuses: 'pending_confirmation' })).toEqual(['Pending']);
  });

  it('filters on each field, lists matching any value and fields all together', async () => {
    expect(await names({ countries: 'GB' })).toEqual(['Lineo']);
    expect(await names({ countries: ['gb', 'us'] })).toEqual(['Lineo', 'Mpho']);
    expect(await names({ regions: 'Gauteng' })).toEqual(['Thabo', 'Zoë']);
    expect(await names({ regions: ['Free State', 'Western Cape'] })).toEqual(['Palesa', 'Pending']);
    expect(await names({ sectors: 'health' })).toEqual(['Thabo', 'Zoë']);
    expect(await names({ sectors: ['investment', 'social'] })).toEqual(['Lineo', 'Palesa', 'Zoë']);
    expect(await names({ channels: ['whatsapp', 'sms'] })).toEqual(['Palesa', 'Zoë']);
    expect(await names({ languages: 'st' })).toEqual(['Palesa', 'Zoë']);
    expect(await names({ sources: ['self', 'seed'] })).toEqual(['Palesa', 'Pending', 'Zoë']);
    expect(await names({ consentInvitations: true })).toEqual(['Mpho', 'Palesa', 'Thabo']);
    expect((await names({ consentInvitations: false })).length).toBe(3);
    expect(await names({ consentUpdates: 'true' })).toEqual(['Mpho', 'Palesa', 'Zoë']);
    expect(await names({ hasEmail: false })).toEqual(['Palesa']);
    expect(await names({ hasPhone: true })).toEqual(['Mpho', 'Palesa', 'Thabo', 'Zoë']);
    expect(await names({ hasPhone: false, countries: ['ZA', 'GB'] })).toEqual(['Lineo', 'Pending']);
    expect(
      await names({ countries: 'ZA', regions: 'Gauteng', sectors: 'health', consentInvitations: true, languages: 'en' }),
    ).toEqual(['Thabo']);
  });

  it('finds free text in names, email, phone, city and occupation, every word counting', async () => {
    expect(await names({ text: 'MOKOENA' })).toEqual(['Thabo']);
    expect(await names({ text: 'thabo mokoena' })).toEqual(['Thabo']);
    expect(await names({ text: 'thabo tau' })).toEqual([]);
    expect(await names({ text: 'Ntšekhe' })).toEqual(['Palesa']);
    expect(await names({ text: 'example.net' })).toEqual(['Lineo']);
    expect(await names({ text: 'pretoria' })).toEqual(['Zoë']);
    expect(await names({ text: 'doctor' })).toEqual(['Zoë']);
    expect(await names({ text: 'nurse johannesburg' })).toEqual(['Thabo']);
    expect(await names({ text: '082 111 2222' })).toEqual(['Thabo']);
    expect(await names({ text: '+27 73 123-4567' })).toEqual(['Palesa']);
    expect(await names({ text: '555 0142' })).toEqual(['Mpho']);
    // LIKE wildcards are searched for as themselves.
    expect(await names({ text: '%' })).toEqual([]);
    expect(await names({ text: 'T_u' })).toEqual([]);
  });

  it('pages and sorts on the server, with the total of the whole filter', async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const body = await list(organiser, { countries: 'NA', pageSize: 25, page });
      expect(body.total).toBe(60);
      expect(body.items.length).toBe(page < 3 ? 25 : 10);
      seen.push(...body.items.map((m) => m.lastName));
    }
    expect(new Set(seen).size).toBe(60);
    expect(seen).toEqual([...seen].sort());
    expect(seen[0]).toBe('Kamati 01');
    expect((await list(organiser, { countries: 'NA', pageSize: 25, page: 4 })).items).toEqual([]);

    const desc = await list(organiser, { countries: 'NA', pageSize: 3, direction: 'desc' });
    expect(desc.items.map((m) => m.lastName)).toEqual(['Kamati 60', 'Kamati 59', 'Kamati 58']);
    const newest = await list(organiser, { pageSize: 2, sort: 'createdAt', direction: 'desc', countries: ['ZA', 'GB', 'US'] });
    expect(newest.items.map((m) => m.firstName)).toEqual(['Pending', 'Zoë']);
    const byCountry = await list(organiser, { pageSize: 4, sort: 'country', countries: ['ZA', 'GB', 'US'] });
    expect(byCountry.items.map((m) => m.firstName)).toEqual(['Lineo', 'Mpho', 'Palesa', 'Thabo']);
    const byRegion = await list(organiser, { sort: 'region', direction: 'desc', countries: 'ZA', pageSize: 2 });
    expect(byRegion.items.map((m) => m.firstName)).toEqual(['Pending', 'Zoë']);
    expect(byCountry.items[2].sectors).toEqual(['education', 'social']);
  });

  it('counts what the list totals', async () => {
    const segments = t.app.get(SegmentQueryService);
    const everyone: AuthUser = { id: 'x', email: 'x@example.org', name: 'X', role: 'organiser', countries: [] };
    const filters: SegmentFilter[] = [
      {},
      { countries: ['NA'] },
      { sectors: ['health'], consentInvitations: true },
      { text: 'zz' },
    ];
    for (const filter of filters) {
      const page = await segments.page(everyone, filter, { page: 1, pageSize: 5 });
      expect(await segments.count(everyone, filter)).toBe(page.total);
    }
  });

  it('keeps registrars to their countries: other countries hold nobody', async () => {
    expect(await names({}, registrar)).toEqual(['Mpho', 'Palesa', 'Pending', 'Thabo', 'Zoë']);
    expect((await list(registrar, {})).total).toBe(5);
    expect(await names({ countries: 'GB' }, registrar)).toEqual([]);
    expect((await list(registrar, { countries: ['GB', 'NA'] })).total).toBe(0);
    expect(await names({ countries: ['GB', 'US'] }, registrar)).toEqual(['Mpho']);
    expect(await names({ text: 'lineo' }, registrar)).toEqual([]);
    const lineo = members.find((m) => m.firstName === 'Lineo')!;
    await registrar.get(`/api/v1/members/${lineo.id}`).expect(404);
  });

  it('refuses filters it does not understand with 400 and a message per field', async () => {
    const bad = await organiser
      .get('/api/v1/members')
      .query({ sectors: 'golf', countries: 'XX', hasEmail: 'maybe', pageSize: 1000, sort: 'age' })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['countries', 'hasEmail', 'pageSize', 'sectors', 'sort']);
    const unknown = await organiser.get('/api/v1/members').query({ colour: 'blue' }).expect(400);
    expect(Object.keys(unknown.body.fields)).toEqual(['colour']);
    await organiser.get('/api/v1/members').query({ statuses: 'erased' }).expect(400);
    await organiser.get('/api/v1/members').query({ page: 0 }).expect(400);
    await organiser
      .get('/api/v1/members')
      .query({ text: 'x'.repeat(101) })
      .expect(400);
  });

  it('streams every member of a filter in keyset chunks, sectors loaded, scoped like the list', async () => {
    const segments = t.app.get(SegmentQueryService);
    const organiserUser: AuthUser = { id: 'o', email: 'o@example.org', name: 'O', role: 'organiser', countries: [] };
    const chunks: Member[][] = [];
    for await (const chunk of segments.stream(organiserUser, { countries: ['NA'] }, { chunkSize: 7 })) chunks.push(chunk);
    expect(chunks.map((c) => c.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 4]);
    const ids = chunks.flat().map((m) => m.id);
    expect(new Set(ids).size).toBe(60);
    expect(ids).toEqual([...ids].sort());

    const exact: Member[][] = [];
    for await (const chunk of segments.stream(organiserUser, { countries: ['NA'] }, { chunkSize: 30 })) exact.push(chunk);
    expect(exact.map((c) => c.length)).toEqual([30, 30]);

    const health: Member[] = [];
    for await (const chunk of segments.stream(organiserUser, { sectors: ['health'] })) health.push(...chunk);
    expect(health.map((m) => m.sectors.map((s) => s.sector)).sort()).toEqual([['health'], ['investment', 'health']]);

    const registrarUser: AuthUser = { id: 'r', email: 'r@example.org', name: 'R', role: 'registrar', countries: ['ZA'] };
    let seen = 0;
    for await (const chunk of segments.stream(registrarUser, { countries: ['NA', 'GB'] })) seen += chunk.length;
    expect(seen).toBe(0);
    for await (const chunk of segments.stream(registrarUser, {})) seen += chunk.length;
    expect(seen).toBe(4);
  });
});
