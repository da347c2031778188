import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { createTestApp, type TestApp } from '../test/test-app';
import { UsersService } from './users.service';

describe(UsersService.name, () => {
  let t: TestApp;
  let organiser: Agent & { userId: string };
  beforeAll(async () => {
    t = await createTestApp();
    organiser = await t.signedIn('organiser');
  });
  afterAll(() => t.close());

  const staff = (over: Record<string, unknown> = {}) => ({
    email: 'lineo@example.org',
    name: 'Lineo Ntšekhe',
    password: 'long enough password',
    role: 'registrar',
    countries: ['za', 'GB'],
    ...over,
  });

  it('creates a registrar scoped to countries, without ever returning the password hash', async () => {
    const res = await organiser.post('/api/v1/users').send(staff()).expect(201);
    expect(res.body).toMatchObject({
      email: 'lineo@example.org',
      name: 'Lineo Ntšekhe',
      role: 'registrar',
      countries: ['GB', 'ZA'],
      active: true,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/argon|passwordHash/);
    const list = await organiser.get('/api/v1/users').expect(200);
    expect(list.body.map((u: { email: string }) => u.email)).toContain('lineo@example.org');
  });

  it('refuses bad input with field messages and creates nothing', async () => {
    const before = (await organiser.get('/api/v1/users')).body.length;
    const res = await organiser
      .post('/api/v1/users')
      .send({ email: 'x', name: '', password: 'short', role: 'king', countries: ['Lesotho'] })
      .expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['countries', 'email', 'name', 'password', 'role']);
    const noCountry = await organiser
      .post('/api/v1/users')
      .send(staff({ email: 'nc@example.org', countries: [] }))
      .expect(400);
    expect(noCountry.body.fields.countries).toEqual(['a registrar needs at least one country']);
    const doorWithCountry = await organiser
      .post('/api/v1/users')
      .send(staff({ email: 'dc@example.org', role: 'door' }))
      .expect(400);
    expect(doorWithCountry.body.fields.countries).toBeDefined();
    expect((await organiser.get('/api/v1/users')).body.length).toBe(before);
  });

  it('answers 409 for an email already in use, whatever its case', async () => {
    const res = await organiser
      .post('/api/v1/users')
      .send(staff({ email: 'LINEO@example.org' }))
      .expect(409);
    expect(res.body.fields.email).toEqual(['already in use']);
  });

  it('changes role and countries, and 404s for an unknown user', async () => {
    const created = await organiser
      .post('/api/v1/users')
      .send(staff({ email: 'moves@example.org' }))
      .expect(201);
    const res = await organiser.patch(`/api/v1/users/${created.body.id}`).send({ role: 'door', countries: [] }).expect(200);
    expect(res.body).toMatchObject({ role: 'door', countries: [] });
    await organiser.patch('/api/v1/users/00000000-0000-4000-8000-000000000000').send({ name: 'Nobody' }).expect(404);
    await organiser.get('/api/v1/users/not-a-uuid').expect(400);
  });

  it('never leaves the installation without an active organiser, nor lets one disable themselves', async () => {
    const self = await organiser.patch(`/api/v1/users/${organiser.userId}`).send({ active: false }).expect(409);
    expect(self.body.message).toMatch(/your own account/);
    const other = await t.signedIn('organiser');
    await organiser.patch(`/api/v1/users/${other.userId}`).send({ role: 'door' }).expect(200);
    await other.get('/api/v1/auth/me').expect(401);
  });
});
