import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { createTestApp, type TestApp } from '../test/test-app';
import { ForumsService } from './forums.service';

describe(ForumsService.name, () => {
  let t: TestApp;
  let organiser: Agent;
  beforeAll(async () => {
    t = await createTestApp();
    organiser = await t.signedIn('organiser');
  });
  afterAll(() => t.close());

  const forum = (over: Record<string, unknown> = {}) => ({
    name: 'Basotho Diaspora Forum 2027',
    venue: 'Manthabiseng Convention Centre, Maseru',
    startDate: '2027-04-08',
    endDate: '2027-04-09',
    capacity: 300,
    rsvpDeadline: '2027-03-25T21:59:00.000Z',
    ...over,
  });

  it('creates a draft forum in Africa/Maseru with a slug and its days', async () => {
    const res = await organiser.post('/api/v1/forums').send(forum()).expect(201);
    expect(res.body).toMatchObject({
      slug: 'basotho-diaspora-forum-2027',
      timezone: 'Africa/Maseru',
      status: 'draft',
      days: ['2027-04-08', '2027-04-09'],
      rsvpDeadline: '2027-03-25T21:59:00.000Z',
    });
    const second = await organiser.post('/api/v1/forums').send(forum()).expect(201);
    expect(second.body.slug).toBe('basotho-diaspora-forum-2027-2');
    const list = await organiser.get('/api/v1/forums').expect(200);
    expect(list.body.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining([res.body.id, second.body.id]));
  });

  it('refuses impossible forums with a message per field, and stores nothing', async () => {
    const before = (await organiser.get('/api/v1/forums')).body.length;
    const res = await organiser
      .post('/api/v1/forums')
      .send(forum({ timezone: 'Mars/Olympus', startDate: '2027-02-30', capacity: 0, rsvpDeadline: 'soon' }))
      .expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['capacity', 'rsvpDeadline']);
    const semantic = await organiser
      .post('/api/v1/forums')
      .send(forum({ timezone: 'Mars/Olympus', startDate: '2027-02-30' }))
      .expect(400);
    expect(Object.keys(semantic.body.fields).sort()).toEqual(['startDate', 'timezone']);
    const backwards = await organiser
      .post('/api/v1/forums')
      .send(forum({ startDate: '2027-04-10', endDate: '2027-04-09' }))
      .expect(400);
    expect(backwards.body.fields.endDate).toEqual(['must be on or after the first day']);
    const late = await organiser
      .post('/api/v1/forums')
      .send(forum({ rsvpDeadline: '2027-05-01T00:00:00Z' }))
      .expect(400);
    expect(late.body.fields.rsvpDeadline).toBeDefined();
    await organiser.post('/api/v1/forums').send('not json').set('Content-Type', 'application/json').expect(400);
    expect((await organiser.get('/api/v1/forums')).body.length).toBe(before);
  });

  it('keeps only one forum open at a time', async () => {
    const a = await organiser
      .post('/api/v1/forums')
      .send(forum({ name: 'Forum A', status: 'open' }))
      .expect(201);
    const b = await organiser
      .post('/api/v1/forums')
      .send(forum({ name: 'Forum B' }))
      .expect(201);
    const refused = await organiser.patch(`/api/v1/forums/${b.body.id}`).send({ status: 'open' }).expect(409);
    expect(refused.body.message).toContain('Forum A');
    await organiser.patch(`/api/v1/forums/${a.body.id}`).send({ status: 'closed' }).expect(200);
    await organiser.patch(`/api/v1/forums/${b.body.id}`).send({ status: 'open' }).expect(200);
    await organiser.patch(`/api/v1/forums/${b.body.id}`).send({ status: 'closed' }).expect(200);
  });

  it('edits a forum, keeps slugs unique, deletes only drafts', async () => {
    const a = await organiser
      .post('/api/v1/forums')
      .send(forum({ name: 'Edit me' }))
      .expect(201);
    const edited = await organiser
      .patch(`/api/v1/forums/${a.body.id}`)
      .send({ venue: 'ʼMakoanyane Square', capacity: 450, rsvpDeadline: null })
      .expect(200);
    expect(edited.body).toMatchObject({ venue: 'ʼMakoanyane Square', capacity: 450, rsvpDeadline: null, name: 'Edit me' });
    await organiser.patch(`/api/v1/forums/${a.body.id}`).send({ slug: 'basotho-diaspora-forum-2027' }).expect(409);
    await organiser.patch(`/api/v1/forums/${a.body.id}`).send({ status: 'archived' }).expect(200);
    await organiser.delete(`/api/v1/forums/${a.body.id}`).expect(409);
    const draft = await organiser
      .post('/api/v1/forums')
      .send(forum({ name: 'Scratch' }))
      .expect(201);
    await organiser.delete(`/api/v1/forums/${draft.body.id}`).expect(204);
    await organiser.get(`/api/v1/forums/${draft.body.id}`).expect(404);
  });

  it('lets door staff and registrars read forums but not change them', async () => {
    const door = await t.signedIn('door');
    const list = await door.get('/api/v1/forums').expect(200);
    expect(list.body.length).toBeGreaterThan(0);
    await door.post('/api/v1/forums').send(forum()).expect(403);
    const registrar = await t.signedIn('registrar');
    await registrar.patch(`/api/v1/forums/${list.body[0].id}`).send({ capacity: 1 }).expect(403);
  });
});
