import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { createTestApp, type TestApp } from '../test/test-app';
import { AgendaService } from './agenda.service';

describe(AgendaService.name, () => {
  let t: TestApp;
  let organiser: Agent;
  let forumId: string;
  let hall: string;
  let room2: string;
  let ana: string;
  let ben: string;

  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    organiser = await t.signedIn('organiser');
    const forum = await organiser
      .post('/api/v1/forums')
      .send({ name: 'Agenda Forum', venue: 'Maseru', startDate: '2027-04-08', endDate: '2027-04-09', capacity: 300 })
      .expect(201);
    forumId = forum.body.id;
    hall = (await organiser.post(`/api/v1/agenda/forums/${forumId}/rooms`).send({ name: 'Main Hall' }).expect(201)).body.id;
    room2 = (await organiser.post(`/api/v1/agenda/forums/${forumId}/rooms`).send({ name: 'Room 2' }).expect(201)).body.id;
    ana = (await organiser.post(`/api/v1/agenda/forums/${forumId}/presenters`).send({ name: 'Ana Guest' }).expect(201)).body.id;
    ben = (await organiser.post(`/api/v1/agenda/forums/${forumId}/presenters`).send({ name: 'Ben Guest' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  const create = (over: Record<string, unknown> = {}) =>
    organiser.post(`/api/v1/agenda/forums/${forumId}/sessions`).send({
      roomId: hall,
      kind: 'panel',
      title: 'Investing at home',
      day: '2027-04-08',
      start: '09:00',
      end: '10:30',
      ...over,
    });
  const sessions = async () => (await organiser.get(`/api/v1/agenda/forums/${forumId}`).expect(200)).body.sessions;

  it('stores a 09:00–10:30 Maseru session as 07:00–08:30 UTC and gives it back in forum time', async () => {
    const res = await create({ title: 'Opening plenary', kind: 'plenary', start: '08:00', end: '08:45' }).expect(201);
    expect(res.body).toMatchObject({
      day: '2027-04-08',
      start: '08:00',
      end: '08:45',
      startsAt: '2027-04-08T06:00:00.000Z',
      published: false,
    });
    const editor = (await organiser.get(`/api/v1/agenda/forums/${forumId}`).expect(200)).body;
    expect(editor.forum).toMatchObject({ timezone: 'Africa/Maseru', days: ['2027-04-08', '2027-04-09'] });
    expect(editor.rooms.map((r: { name: string }) => r.name)).toEqual(['Main Hall', 'Room 2']);
  });

  it('refuses a session that ends before it starts (400) or lies outside the forum’s days (409), storing nothing', async () => {
    const before = (await sessions()).length;
    const backwards = await create({ start: '11:00', end: '10:00' }).expect(400);
    expect(backwards.body.fields).toEqual({ end: ['must be after the start'] });
    await create({ start: '11:00', end: '11:00' }).expect(400);
    for (const day of ['2027-04-07', '2027-04-10']) {
      const outside = await create({ day }).expect(409);
      expect(outside.body.message).toContain('outside the forum’s days');
    }
    const bad = await create({ start: '25:00', day: '8 April', kind: 'workshop', roomId: 'x' }).expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['day', 'kind', 'roomId', 'start']);
    expect((await sessions()).length).toBe(before);
  });

  it('refuses two overlapping sessions in one room, allows back-to-back and other rooms', async () => {
    await create({ start: '09:00', end: '10:30', presenterIds: [ana] }).expect(201);
    const clash = await create({ title: 'Trade panel', start: '10:00', end: '11:00' }).expect(409);
    expect(clash.body.message).toBe('Main Hall is taken from 09:00 to 10:30 on 2027-04-08 by “Investing at home”');
    await create({ title: 'Inside', start: '09:15', end: '09:45' }).expect(409);
    await create({ title: 'Around', start: '08:50', end: '10:40' }).expect(409);
    await create({ title: 'Back to back', start: '10:30', end: '11:00' }).expect(201);
    await create({ title: 'Elsewhere', roomId: room2, start: '09:00', end: '10:30' }).expect(201);
    await create({ title: 'Next day', day: '2027-04-09', start: '09:00', end: '10:30' }).expect(201);
  });

  it('refuses a presenter in two overlapping sessions, also when moving or resizing one', async () => {
    const room3 = (await organiser.post(`/api/v1/agenda/forums/${forumId}/rooms`).send({ name: 'Room 3' }).expect(201)).body.id;
    const clash = await create({
      title: 'Education panel',
      roomId: room3,
      start: '10:00',
      end: '11:00',
      presenterIds: [ben, ana],
    }).expect(409);
    expect(clash.body.message).toBe('Ana Guest is already presenting in “Investing at home” from 09:00 to 10:30 on 2027-04-08');
    expect(clash.body.fields).toEqual({ presenterIds: ['a presenter cannot be in two places at once'] });
    const later = await create({
      title: 'Education panel',
      roomId: room3,
      start: '11:00',
      end: '12:00',
      presenterIds: [ben, ana],
    }).expect(201);
    // Moving it to start at 10:00 or stretching it over Ana's first session: refused.
    const moving = await organiser.patch(`/api/v1/agenda/sessions/${later.body.id}`).send({ start: '10:00' }).expect(409);
    expect(moving.body.message).toContain('Ana Guest is already presenting');
    await organiser.patch(`/api/v1/agenda/sessions/${later.body.id}`).send({ start: '08:50', end: '12:00' }).expect(409);
    await organiser
      .patch(`/api/v1/agenda/sessions/${later.body.id}`)
      .send({ presenterIds: [ben] })
      .expect(200);
    await organiser
      .patch(`/api/v1/agenda/sessions/${later.body.id}`)
      .send({ start: '10:00', presenterIds: [ben, ana] })
      .expect(409);
    const moved = await organiser
      .patch(`/api/v1/agenda/sessions/${later.body.id}`)
      .send({ day: '2027-04-09', start: '14:00', end: '15:30', roomId: hall })
      .expect(200);
    expect(moved.body).toMatchObject({ day: '2027-04-09', start: '14:00', end: '15:30', roomId: hall, presenterIds: [ben] });
    // The session itself never clashes with its own old slot.
    await organiser.patch(`/api/v1/agenda/sessions/${later.body.id}`).send({ end: '16:00' }).expect(200);
  });

  it('keeps breaks without presenters, and presenters to the forum’s own', async () => {
    const brk = await create({
      kind: 'break',
      title: 'Tea',
      day: '2027-04-09',
      start: '10:30',
      end: '11:00',
      presenterIds: [ana],
    }).expect(400);
    expect(brk.body.fields).toEqual({ presenterIds: ['a break has no presenters'] });
    const tea = await create({ kind: 'break', title: 'Tea', day: '2027-04-09', start: '10:30', end: '11:00' }).expect(201);
    await organiser
      .patch(`/api/v1/agenda/sessions/${tea.body.id}`)
      .send({ presenterIds: [ben] })
      .expect(400);
    const other = await organiser
      .post('/api/v1/forums')
      .send({ name: 'Another Forum', venue: 'Maseru', startDate: '2027-04-08', endDate: '2027-04-09', capacity: 10 })
      .expect(201);
    const stranger = (
      await organiser.post(`/api/v1/agenda/forums/${other.body.id}/presenters`).send({ name: 'Stranger' }).expect(201)
    ).body.id;
    await create({ day: '2027-04-09', start: '16:30', end: '17:00', presenterIds: [stranger] }).expect(400);
    await organiser.delete(`/api/v1/agenda/rooms/${hall}`).expect(409);
    await organiser.post(`/api/v1/agenda/forums/${forumId}/rooms`).send({ name: 'main hall' }).expect(409);
    await organiser.delete(`/api/v1/agenda/presenters/${ana}`).expect(409);
  });

  it('lets only one of two simultaneous bookings of a slot through', async () => {
    const results = await Promise.all(
      ['First', 'Second'].map((title) => create({ title, day: '2027-04-09', start: '17:00', end: '17:30', roomId: room2 })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('keeps the editor to organisers', async () => {
    const registrar = await t.signedIn('registrar');
    await registrar.get(`/api/v1/agenda/forums/${forumId}`).expect(403);
    await registrar.post(`/api/v1/agenda/forums/${forumId}/sessions`).send({}).expect(403);
  });
});
