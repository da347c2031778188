import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { memberRow } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { Member } from '../member.entity';
import { MemberRepository, type NewMember } from '../member.repository';
import { DuplicatesService } from './duplicates.service';

describe(DuplicatesService.name, () => {
  let t: TestApp;
  let organiser: Agent & { userId: string };

  const member = (over: Partial<NewMember> = {}): NewMember => memberRow({ ...over });

  async function seed(members: Partial<NewMember>[], at: string): Promise<Member[]> {
    const inserted = await t.app.get(MemberRepository).insert(members.map(member));
    const when = new Date(at);
    await t.dataSource
      .getRepository(Member)
      .createQueryBuilder()
      .update()
      .set({ createdAt: when, updatedAt: when })
      .whereInIds(inserted.map((m) => m.id))
      .execute();
    return inserted;
  }

  beforeAll(async () => {
    t = await createTestApp();
    organiser = await t.signedIn('organiser');
  });
  afterAll(() => t.close());

  describe('groups', () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      const [a, b, c, d, e, f, g, h, gone, i, j] = await seed(
        [
          { firstName: 'A', email: 'thabo@example.org' },
          { firstName: 'B', email: 'thabo@example.org', phone: '+27821110001' },
          // shares B's number in its WhatsApp column: joins A and B's group
          { firstName: 'C', whatsapp: '+27821110001' },
          { firstName: 'D', email: 'palesa@example.org', countryCode: 'GB', region: 'London' },
          { firstName: 'E', email: 'palesa@example.org', countryCode: 'GB', region: 'London' },
          // the same number in both columns of one member is not a duplicate
          { firstName: 'F', phone: '+27821110002', whatsapp: '+27821110002' },
          // across countries: organisers see it, a ZA registrar does not
          { firstName: 'G', phone: '+447700900001', countryCode: 'GB', region: 'London' },
          { firstName: 'H', whatsapp: '+447700900001' },
          { firstName: 'Gone', email: 'palesa@example.org', status: 'erased' },
          // two members whose only link is a WhatsApp number different from their phones
          { firstName: 'I', phone: '+27821110003', whatsapp: '+26658000001' },
          { firstName: 'J', whatsapp: '+26658000001' },
        ],
        '2026-05-01T10:00:00Z',
      );
      ids = { a: a.id, b: b.id, c: c.id, d: d.id, e: e.id, f: f.id, g: g.id, h: h.id, gone: gone.id, i: i.id, j: j.id };
    });

    it('groups live members sharing an email or a phone (either column), transitively', async () => {
      const res = await organiser.get('/api/v1/register/duplicates').expect(200);
      expect(res.body.total).toBe(4);
      const groups = res.body.groups.map((g: { members: { id: string }[]; sharedEmails: string[]; sharedPhones: string[] }) => ({
        members: g.members.map((m) => m.id).sort(),
        sharedEmails: g.sharedEmails,
        sharedPhones: g.sharedPhones,
      }));
      expect(groups).toEqual(
        expect.arrayContaining([
          { members: [ids.a, ids.b, ids.c].sort(), sharedEmails: ['thabo@example.org'], sharedPhones: ['+27821110001'] },
          { members: [ids.d, ids.e].sort(), sharedEmails: ['palesa@example.org'], sharedPhones: [] },
          { members: [ids.g, ids.h].sort(), sharedEmails: [], sharedPhones: ['+447700900001'] },
          { members: [ids.i, ids.j].sort(), sharedEmails: [], sharedPhones: ['+26658000001'] },
        ]),
      );
      expect(JSON.stringify(res.body)).not.toContain(ids.gone);
      expect(JSON.stringify(res.body)).not.toContain(ids.f);
    });

    it('pages the groups', async () => {
      const first = await organiser.get('/api/v1/register/duplicates?pageSize=2').expect(200);
      const second = await organiser.get('/api/v1/register/duplicates?pageSize=2&page=2').expect(200);
      const third = await organiser.get('/api/v1/register/duplicates?pageSize=2&page=3').expect(200);
      expect(first.body).toMatchObject({ total: 4, page: 1, pageSize: 2 });
      expect(first.body.groups).toHaveLength(2);
      expect(second.body.groups).toHaveLength(2);
      expect(third.body.groups).toHaveLength(0);
      const seen = [...first.body.groups, ...second.body.groups].flatMap((g: { members: { id: string }[] }) =>
        g.members.map((m) => m.id),
      );
      expect(new Set(seen).size).toBe(9);
      await organiser.get('/api/v1/register/duplicates?pageSize=500').expect(400);
      await organiser.get('/api/v1/register/duplicates?page=0').expect(400);
    });

    it('shows registrars the groups within their countries only', async () => {
      const za = await t.signedIn('registrar', { countries: ['ZA'] });
      const res = await za.get('/api/v1/register/duplicates').expect(200);
      expect(res.body.total).toBe(2);
      const zaGroups = res.body.groups.map((g: { members: { id: string }[] }) => g.members.map((m) => m.id).sort());
      expect(zaGroups).toEqual(expect.arrayContaining([[ids.a, ids.b, ids.c].sort(), [ids.i, ids.j].sort()]));
      const gb = await t.signedIn('registrar', { countries: ['GB'] });
      expect((await gb.get('/api/v1/register/duplicates').expect(200)).body.total).toBe(1);
      await (await t.signedIn('door')).get('/api/v1/register/duplicates').expect(403);
    });
  });
});
