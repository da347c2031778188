import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { Member } from '../member.entity';
import { MembersService } from './members.service';

type Signed = Agent & { userId: string };

/** A moment just ahead of the real clock (sessions stay valid), in whole seconds as datetime columns keep it. */
const soon = (minutes: number) => new Date(Math.ceil(Date.now() / 1000) * 1000 + minutes * 60_000);

describe(MembersService.name, () => {
  let t: TestApp;
  let organiser: Signed;
  let registrar: Signed;

  beforeAll(async () => {
    t = await createTestApp();
    organiser = await t.signedIn('organiser');
    registrar = await t.signedIn('registrar', { countries: ['ZA', 'BW'] });
  });
  afterAll(() => t.close());

  const member = (over: Record<string, unknown> = {}) => ({
    firstName: '  Palesa ',
    lastName: 'Ntšekhe',
    email: 'Palesa.Ntsekhe@Example.org',
    phone: '082 123 4567',
    countryCode: 'za',
    region: 'gp',
    city: 'Johannesburg',
    occupation: 'Nurse',
    sectors: ['health', 'social'],
    preferredLanguage: 'st',
    consent: { invitations: true, updates: false, method: 'paper_form' },
    ...over,
  });
  const total = async () => (await organiser.get('/api/v1/members').query({ statuses: ['active', 'merged'] })).body.total;
  const eventCount = async (id: string) => (await organiser.get(`/api/v1/members/${id}`).expect(200)).body.history.length;

  it('adds a member, normalised, with its consent and a "created" event naming the staff member', async () => {
    const now = soon(1);
    t.setNow(now);
    const res = await organiser.post('/api/v1/members').send(member()).expect(201);
    t.setNow(undefined);
    expect(res.body).toMatchObject({
      firstName: 'Palesa',
      lastName: 'Ntšekhe',
      email: 'palesa.ntsekhe@example.org',
      phone: '+27821234567',
      whatsapp: null,
      countryCode: 'ZA',
      region: 'Gauteng',
      sectors: ['health', 'social'],
      preferredChannel: 'email',
      preferredLanguage: 'st',
      consentInvitations: true,
      consentUpdates: false,
      consentAt: now.toISOString(),
      consentMethod: 'paper_form',
      source: 'registrar',
      status: 'active',
      createdById: organiser.userId,
    });
    expect(res.body.history).toEqual([
      expect.objectContaining({ kind: 'created', actor: `staff:${organiser.userId}`, actorName: 'Test organiser' }),
    ]);
    const fetched = await organiser.get(`/api/v1/members/${res.body.id}`).expect(200);
    expect(fetched.body).toEqual(res.body);
  });

  it('adds a member without consent when none is given', async () => {
    const res = await organiser
      .post('/api/v1/members')
      .send(member({ email: null, phone: '+26771234567', countryCode: 'BW', region: null, consent: undefined }))
      .expect(201);
    expect(res.body).toMatchObject({ consentInvitations: false, consentUpdates: false, consentAt: null, consentMethod: null });
    expect(res.body.preferredChannel).toBe('phone');
  });

  it('refuses invalid members with a message per field, and stores nothing', async () => {
    const before = await total();
    const semantic = await organiser
      .post('/api/v1/members')
      .send(member({ firstName: ' ', email: 'not-an-email', phone: '123', countryCode: 'ZZ' }))
      .expect(400);
    expect(Object.keys(semantic.body.fields).sort()).toEqual(['countryCode', 'email', 'firstName', 'phone']);
    expect(semantic.body.fields.firstName).toEqual(['enter a first name']);

    const province = await organiser
      .post('/api/v1/members')
      .send(member({ region: 'Atlantis' }))
      .expect(400);
    expect(province.body.fields.region[0]).toContain('not a South African province');
    const noContact = await organiser
      .post('/api/v1/members')
      .send(member({ email: '', phone: null }))
      .expect(400);
    expect(noContact.body.fields.email).toEqual(['give at least an email address or a phone number']);

    const shapes = await organiser
      .post('/api/v1/members')
      .send(
        member({ lastName: undefined, sectors: ['golf'], consent: { invitations: 'yes', updates: false, method: 'telepathy' } }),
      )
      .expect(400);
    expect(Object.keys(shapes.body.fields).sort()).toEqual(['consent.invitations', 'consent.method', 'lastName', 'sectors']);
    expect(shapes.body.fields.lastName).toEqual(['enter a surname']);
    await organiser
      .post('/api/v1/members')
      .send(member({ nickname: 'Pali' }))
      .expect(400);
    await organiser.post('/api/v1/members').send('{"firstName":').set('Content-Type', 'application/json').expect(400);
    expect(await total()).toBe(before);
  });

  it('tells a registrar a contact is taken by a member outside their countries, and nothing more', async () => {
    const abroad = await organiser
      .post('/api/v1/members')
      .send(
        member({
          email: 'lerato.uk@example.org',
          phone: '+44 20 7946 0958',
          countryCode: 'GB',
          region: 'London',
          city: 'London',
          firstName: 'Lerato',
          lastName: 'Abroad',
        }),
      )
      .expect(201);
    const before = await total();
    for (const contact of [
      { email: 'Lerato.UK@example.org', phone: null },
      { email: null, phone: '+442079460958' },
    ]) {
      const res = await registrar.post('/api/v1/members').send(member(contact)).expect(409);
      expect(res.body.fields.duplicateOf).toEqual([]);
      expect(res.body.message).toContain('outside your countries');
      expect(JSON.stringify(res.body)).not.toContain(abroad.body.id);
      expect(JSON.stringify(res.body)).not.toContain('Lerato');
    }
    // Editing one of their own members onto that contact says as little.
    const own = await registrar
      .post('/api/v1/members')
      .send(member({ email: 'own.member@example.org', phone: null }))
      .expect(201);
    const edit = await registrar.patch(`/api/v1/members/${own.body.id}`).send({ email: 'lerato.uk@example.org' }).expect(409);
    expect(JSON.stringify(edit.body)).not.toContain(abroad.body.id);
    expect(await total()).toBe(before + 1);
    // An organiser sees everyone, so learns which member it is.
    const byOrganiser = await organiser.post('/api/v1/members').send(member({ email: 'lerato.uk@example.org', phone: null }));
    expect(byOrganiser.body.fields.duplicateOf).toEqual([abroad.body.id]);
  });

  it('refuses a duplicate with 409 naming the existing record', async () => {
    const first = await organiser
      .post('/api/v1/members')
      .send(member({ email: 'thabo.mokoena@example.org', phone: '+27 82 555 0101', firstName: 'Thabo', lastName: 'Mokoena' }))
      .expect(201);
    const before = await total();
    const byEmail = await organiser
      .post('/api/v1/members')
      .send(member({ email: 'THABO.MOKOENA@example.org', phone: null }))
      .expect(409);
    expect(byEmail.body.fields.duplicateOf).toEqual([first.body.id]);
    const byPhone = await registrar
      .post('/api/v1/members')
      .send(member({ email: null, phone: '0825550101' }))
      .expect(409);
    expect(byPhone.body.fields.duplicateOf).toEqual([first.body.id]);
    expect(await total()).toBe(before);
  });

  it('edits a member: normalises the change, records the changed fields, ignores edits that change nothing', async () => {
    const created = await organiser
      .post('/api/v1/members')
      .send(member({ email: 'lineo@example.org', phone: '+27 83 555 0102', firstName: 'Lineo' }))
      .expect(201);
    const id = created.body.id;
    const edited = await registrar
      .patch(`/api/v1/members/${id}`)
      .send({ city: 'Pretoria', sectors: ['education', 'health'], whatsapp: '083 555 0103', region: 'Free State' })
      .expect(200);
    expect(edited.body).toMatchObject({
      firstName: 'Lineo',
      email: 'lineo@example.org',
      city: 'Pretoria',
      region: 'Free State',
      sectors: ['education', 'health'],
      whatsapp: '+27835550103',
      phone: '+27835550102',
    });
    expect(edited.body.history[0]).toMatchObject({
      kind: 'updated',
      actor: `staff:${registrar.userId}`,
      actorName: 'Test registrar',
      details: { fields: ['whatsapp', 'region', 'city', 'sectors'] },
    });

    const cleared = await organiser.patch(`/api/v1/members/${id}`).send({ email: null, occupation: '' }).expect(200);
    expect(cleared.body).toMatchObject({ email: null, occupation: null, phone: '+27835550102' });
    expect(cleared.body.history[0].details).toEqual({ fields: ['email', 'occupation'] });

    const events = cleared.body.history.length;
    await organiser
      .patch(`/api/v1/members/${id}`)
      .send({ city: ' Pretoria ', sectors: ['health', 'education'] })
      .expect(200);
    expect(await eventCount(id)).toBe(events);
  });

  it('refuses invalid edits with field messages, and changes nothing', async () => {
    const created = await organiser
      .post('/api/v1/members')
      .send(member({ email: 'mpho@example.org', phone: null, firstName: 'Mpho' }))
      .expect(201);
    const id = created.body.id;
    const region = await organiser.patch(`/api/v1/members/${id}`).send({ region: 'Atlantis', city: 'Nowhere' }).expect(400);
    expect(Object.keys(region.body.fields)).toEqual(['region']);
    const contact = await organiser.patch(`/api/v1/members/${id}`).send({ email: null }).expect(400);
    expect(contact.body.fields.email).toEqual(['give at least an email address or a phone number']);
    const shape = await organiser.patch(`/api/v1/members/${id}`).send({ firstName: 42, colour: 'blue' }).expect(400);
    expect(Object.keys(shape.body.fields).sort()).toEqual(['colour', 'firstName']);
    await organiser.patch('/api/v1/members/not-a-uuid').send({ city: 'X' }).expect(400);
    const after = await organiser.get(`/api/v1/members/${id}`).expect(200);
    expect(after.body).toEqual(created.body);
  });

  it("refuses an edit that takes another member's email or phone, but not the member's own", async () => {
    const a = await organiser
      .post('/api/v1/members')
      .send(member({ email: 'a@example.org', phone: '+27 84 555 0104', firstName: 'A' }))
      .expect(201);
    const b = await organiser
      .post('/api/v1/members')
      .send(member({ email: 'b@example.org', phone: '+27 84 555 0105', firstName: 'B' }))
      .expect(201);
    const taken = await organiser.patch(`/api/v1/members/${b.body.id}`).send({ email: 'A@example.org' }).expect(409);
    expect(taken.body.fields.duplicateOf).toEqual([a.body.id]);
    const phone = await organiser.patch(`/api/v1/members/${b.body.id}`).send({ whatsapp: '084 555 0104' }).expect(409);
    expect(phone.body.fields.duplicateOf).toEqual([a.body.id]);
    await organiser
      .patch(`/api/v1/members/${b.body.id}`)
      .send({ email: 'B@EXAMPLE.org', whatsapp: '+27845550105', firstName: 'Bee' })
      .expect(200);
    expect((await organiser.get(`/api/v1/members/${a.body.id}`)).body.email).toBe('a@example.org');
  });

  it('records consent given or withdrawn by staff, with the method and flags', async () => {
    const created = await organiser
      .post('/api/v1/members')
      .send(member({ email: 'consent@example.org', phone: null, consent: undefined }))
      .expect(201);
    const id = created.body.id;
    const now = soon(2);
    t.setNow(now);
    const given = await registrar
      .put(`/api/v1/members/${id}/consent`)
      .send({ invitations: true, updates: true, method: 'phone_call' })
      .expect(200);
    expect(given.body).toMatchObject({
      consentInvitations: true,
      consentUpdates: true,
      consentAt: now.toISOString(),
      consentMethod: 'phone_call',
    });
    expect(given.body.history[0]).toMatchObject({
      kind: 'updated',
      details: {
        change: 'consent',
        fields: ['consentInvitations', 'consentUpdates'],
        consentInvitations: true,
        consentUpdates: true,
        method: 'phone_call',
      },
    });
    t.setNow(soon(3));
    const withdrawn = await organiser
      .put(`/api/v1/members/${id}/consent`)
      .send({ invitations: false, updates: false, method: 'email' })
      .expect(200);
    t.setNow(undefined);
    expect(withdrawn.body).toMatchObject({
      consentInvitations: false,
      consentUpdates: false,
      consentAt: null,
      consentMethod: null,
    });
    expect(withdrawn.body.history[0].details).toMatchObject({
      method: 'email',
      fields: ['consentInvitations', 'consentUpdates'],
    });

    const events = withdrawn.body.history.length;
    const bad = await organiser
      .put(`/api/v1/members/${id}/consent`)
      .send({ invitations: true, method: 'smoke signal' })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['method', 'updates']);
    expect(await eventCount(id)).toBe(events);
  });

  it('keeps registrars to their countries on get, create, update and consent', async () => {
    const gb = await organiser
      .post('/api/v1/members')
      .send(member({ email: 'london@example.org', phone: null, countryCode: 'GB', region: 'England', city: 'London' }))
      .expect(201);
    await registrar.get(`/api/v1/members/${gb.body.id}`).expect(404);
    await registrar.patch(`/api/v1/members/${gb.body.id}`).send({ city: 'Leeds' }).expect(404);
    await registrar
      .put(`/api/v1/members/${gb.body.id}/consent`)
      .send({ invitations: false, updates: false, method: 'email' })
      .expect(404);

    const before = await total();
    const outside = await registrar
      .post('/api/v1/members')
      .send(member({ email: 'leeds@example.org', phone: null, countryCode: 'GB', region: null }))
      .expect(403);
    expect(outside.body.message).toMatch(/BW, ZA|ZA, BW/);
    expect(await total()).toBe(before);

    const za = await registrar
      .post('/api/v1/members')
      .send(member({ email: 'soweto@example.org', phone: null, city: 'Soweto' }))
      .expect(201);
    expect(za.body.createdById).toBe(registrar.userId);
    await registrar.patch(`/api/v1/members/${za.body.id}`).send({ countryCode: 'GB', region: 'England' }).expect(403);
    await registrar.patch(`/api/v1/members/${za.body.id}`).send({ countryCode: 'BW', region: 'South-East' }).expect(200);
    const after = await organiser.get(`/api/v1/members/${gb.body.id}`).expect(200);
    expect(after.body).toEqual(gb.body);
  });

  it('answers 404 for unknown and erased members, and 409 for edits to merged ones', async () => {
    await organiser.get('/api/v1/members/00000000-0000-4000-8000-000000000000').expect(404);
    const gone = await organiser
      .post('/api/v1/members')
      .send(member({ email: 'gone@example.org', phone: null }))
      .expect(201);
    const merged = await organiser
      .post('/api/v1/members')
      .send(member({ email: 'merged@example.org', phone: null }))
      .expect(201);
    const members = t.dataSource.getRepository(Member);
    await members.update({ id: gone.body.id }, { status: 'erased' });
    await members.update({ id: merged.body.id }, { status: 'merged', mergedIntoId: gone.body.id });
    await organiser.get(`/api/v1/members/${gone.body.id}`).expect(404);
    await organiser.patch(`/api/v1/members/${gone.body.id}`).send({ city: 'Maseru' }).expect(404);
    const page = await organiser.get(`/api/v1/members/${merged.body.id}`).expect(200);
    expect(page.body).toMatchObject({ status: 'merged', mergedIntoId: gone.body.id });
    await organiser.patch(`/api/v1/members/${merged.body.id}`).send({ city: 'Maseru' }).expect(409);
  });

  it('closes the register to door staff', async () => {
    const door = await t.signedIn('door');
    const any = (await organiser.get('/api/v1/members').expect(200)).body.items[0].id;
    await door.get('/api/v1/members').expect(403);
    await door.get('/api/v1/members/export.csv').expect(403);
    await door.get(`/api/v1/members/${any}`).expect(403);
    await door
      .post('/api/v1/members')
      .send(member({ email: 'door@example.org' }))
      .expect(403);
    await door.patch(`/api/v1/members/${any}`).send({ city: 'Maseru' }).expect(403);
    await door.get('/api/v1/segments').expect(403);
  });
});
