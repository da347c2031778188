import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { memberRow } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { OutreachLog } from '../../outreach/outreach-log.entity';
import { Member } from '../member.entity';
import { MemberRepository, type NewMember } from '../member.repository';
import { DuplicatesService } from './duplicates.service';

describe(`${DuplicatesService.name} merge`, () => {
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

  const get = (id: string) => t.app.get(MemberRepository).findById(id);

  beforeAll(async () => {
    t = await createTestApp();
    organiser = await t.signedIn('organiser');
  });
  afterAll(() => t.close());

  describe('merge', () => {
    it('suggests the best value per field: non-empty, most recently updated, latest consent', async () => {
      const [old] = await seed(
        [
          {
            firstName: 'Lineo',
            lastName: 'Ntsekhe',
            email: 'lineo@example.org',
            occupation: 'Nurse',
            consentAt: new Date('2026-02-01T00:00:00Z'),
            consentMethod: 'paper_form',
            consentInvitations: true,
          },
        ],
        '2026-01-01T00:00:00Z',
      );
      const [recent] = await seed(
        [
          {
            firstName: 'Lineo',
            lastName: 'Ntšekhe',
            email: 'lineo@example.org',
            phone: '+27821110010',
            region: 'Free State',
            consentAt: new Date('2026-01-15T00:00:00Z'),
            consentMethod: 'phone_call',
            consentUpdates: true,
          },
        ],
        '2026-04-01T00:00:00Z',
      );
      const res = await organiser.get(`/api/v1/register/duplicates/compare?a=${recent.id}&b=${old.id}`).expect(200);
      expect(res.body.suggestedKeepId).toBe(old.id);
      expect(res.body.members.map((m: { id: string }) => m.id)).toEqual([recent.id, old.id]);
      expect(res.body.suggested).toEqual({
        firstName: recent.id,
        lastName: recent.id,
        email: recent.id,
        phone: recent.id,
        whatsapp: recent.id,
        location: recent.id,
        occupation: old.id,
        preferredChannel: recent.id,
        preferredLanguage: recent.id,
        consent: old.id,
      });
    });

    it('merges: chosen fields, sectors united, the other kept as merged with its history, outreach moved, events on both', async () => {
      const [keep] = await seed(
        [
          {
            firstName: 'Palesa',
            lastName: 'Mokoena',
            email: 'palesa.m@example.org',
            sectors: ['health', 'education'],
            consentAt: new Date('2026-03-01T00:00:00Z'),
            consentMethod: 'web_form',
            consentInvitations: true,
            consentUpdates: false,
            status: 'pending_confirmation',
          },
        ],
        '2026-03-01T00:00:00Z',
      );
      const [other] = await seed(
        [
          {
            firstName: 'Palesa',
            lastName: 'Mokoena-Letsie',
            email: 'palesa.m@example.org',
            phone: '+27821110020',
            whatsapp: '+26658110020',
            countryCode: 'ZA',
            region: 'Western Cape',
            city: 'Cape Town',
            sectors: ['trade', 'health'],
            consentAt: new Date('2026-05-01T00:00:00Z'),
            consentMethod: 'paper_form',
            consentInvitations: true,
            consentUpdates: true,
            preferredLanguage: 'st',
          },
        ],
        '2026-05-01T00:00:00Z',
      );
      await organiser.post(`/api/v1/members/${other.id}/outreach`).send({ channel: 'phone', outcome: 'reached' }).expect(201);
      await t.app
        .get(MemberRepository)
        .addEvents([{ memberId: other.id, kind: 'imported', actor: 'system', at: new Date('2026-05-01T00:00:00Z') }]);

      const res = await organiser
        .post('/api/v1/register/duplicates/merge')
        .send({ keepId: keep.id, mergeId: other.id, fields: { lastName: keep.id, location: other.id } })
        .expect(200);
      expect(res.body.kept).toMatchObject({
        id: keep.id,
        firstName: 'Palesa',
        lastName: 'Mokoena',
        email: 'palesa.m@example.org',
        phone: '+27821110020',
        whatsapp: '+26658110020',
        countryCode: 'ZA',
        region: 'Western Cape',
        city: 'Cape Town',
        preferredLanguage: 'st',
        sectors: ['education', 'health', 'trade'],
        consentAt: '2026-05-01T00:00:00.000Z',
        consentMethod: 'paper_form',
        consentUpdates: true,
        status: 'active',
      });

      const loser = (await get(other.id))!;
      expect(loser).toMatchObject({ status: 'merged', mergedIntoId: keep.id, lastName: 'Mokoena-Letsie' });
      // Attempts go to the kept record from now on; the merged one can still be read.
      await organiser.post(`/api/v1/members/${other.id}/outreach`).send({ channel: 'phone', outcome: 'reached' }).expect(409);
      await organiser.get(`/api/v1/members/${other.id}/outreach`).expect(200);
      expect(loser.sectors.map((s) => s.sector).sort()).toEqual(['health', 'trade']);
      const logs = await t.dataSource.getRepository(OutreachLog).find({ where: { memberId: keep.id } });
      expect(logs).toHaveLength(1);
      expect(await t.dataSource.getRepository(OutreachLog).countBy({ memberId: other.id })).toBe(0);

      const events = await t.app.get(MemberRepository).events([keep.id, other.id]);
      const merged = events.filter((e) => e.kind === 'merged');
      expect(merged).toHaveLength(2);
      expect(merged.find((e) => e.memberId === keep.id)!.details).toMatchObject({ mergedId: other.id, outreachMoved: 1 });
      expect(merged.find((e) => e.memberId === other.id)!.details).toMatchObject({ mergedIntoId: keep.id });

      // The kept member's history includes the merged record's events.
      const history = await organiser.get(`/api/v1/register/duplicates/history/${keep.id}`).expect(200);
      expect(history.body.map((e: { kind: string; memberId: string }) => `${e.kind}:${e.memberId === keep.id}`)).toEqual(
        expect.arrayContaining(['merged:true', 'merged:false', 'imported:false', 'outreach:false']),
      );
      expect(res.body.history).toHaveLength(history.body.length);

      // The merged record no longer appears as a duplicate, nor counts on the dashboard.
      const dupes = await organiser.get('/api/v1/register/duplicates?pageSize=100').expect(200);
      expect(JSON.stringify(dupes.body)).not.toContain(other.id);
    });

    it('refuses itself, merged, erased, unknown or invisible records, and bad choices, changing nothing', async () => {
      const [a, b, merged, erased, gb] = await seed(
        [
          { firstName: 'R1', email: 'r@example.org' },
          { firstName: 'R2', email: 'r@example.org' },
          { firstName: 'R3', status: 'merged', email: 'r3@example.org' },
          { firstName: 'R4', status: 'erased', phone: '+27821110030' },
          { firstName: 'R5', email: 'r5@example.org', countryCode: 'GB', region: 'London' },
        ],
        '2026-06-01T00:00:00Z',
      );
      const merge = (body: Record<string, unknown>) => organiser.post('/api/v1/register/duplicates/merge').send(body);
      expect((await merge({ keepId: a.id, mergeId: a.id }).expect(400)).body.fields.mergeId).toBeDefined();
      await merge({ keepId: a.id, mergeId: merged.id }).expect(409);
      await merge({ keepId: merged.id, mergeId: a.id }).expect(409);
      await merge({ keepId: a.id, mergeId: erased.id }).expect(404);
      await merge({ keepId: a.id, mergeId: '00000000-0000-4000-8000-000000000000' }).expect(404);
      await merge({ keepId: a.id, mergeId: 'nope' }).expect(400);
      await merge({ keepId: a.id, mergeId: b.id, fields: { email: gb.id } }).expect(400);
      await merge({ keepId: a.id, mergeId: b.id, fields: { colour: a.id } }).expect(400);
      // Choosing values that leave no way to reach the member is refused.
      const [noPhone, noEmail] = await seed(
        [
          { firstName: 'N1', email: 'n@example.org', phone: null },
          { firstName: 'N2', email: null, phone: '+27821110040' },
        ],
        '2026-06-01T00:00:00Z',
      );
      const empty = await merge({
        keepId: noPhone.id,
        mergeId: noEmail.id,
        fields: { email: noEmail.id, phone: noPhone.id },
      }).expect(400);
      expect(empty.body.fields.email).toBeDefined();

      // A registrar merges within their countries only: a member elsewhere is not found.
      const za = await t.signedIn('registrar', { countries: ['ZA'] });
      await za.post('/api/v1/register/duplicates/merge').send({ keepId: a.id, mergeId: gb.id }).expect(404);
      await za.get(`/api/v1/register/duplicates/compare?a=${a.id}&b=${gb.id}`).expect(404);
      await (
        await t.signedIn('door')
      )
        .post('/api/v1/register/duplicates/merge')
        .send({ keepId: a.id, mergeId: b.id })
        .expect(403);

      for (const m of [a, b, gb, noPhone, noEmail]) expect((await get(m.id))!.status).toBe('active');
      expect((await get(a.id))!.firstName).toBe('R1');
      // Organisers may merge across countries; a ZA registrar may merge within ZA.
      await za.post('/api/v1/register/duplicates/merge').send({ keepId: a.id, mergeId: b.id }).expect(200);
      await merge({ keepId: a.id, mergeId: b.id }).expect(409);
      await merge({ keepId: gb.id, mergeId: a.id }).expect(200);
      expect((await get(b.id))!.mergedIntoId).toBe(gb.id);
    });
  });
});
