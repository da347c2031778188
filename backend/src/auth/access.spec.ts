import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import type { Agent, Response } from 'supertest';
import type { TestApp } from '../test/test-app';
import { createTestApp } from '../test/test-app';
import { ALLOWED_ROLES, IS_PUBLIC } from './auth.decorators';
import type { StaffRole } from './entities/user.entity';

interface Route {
  name: string;
  method: string;
  path: string;
  isPublic: boolean;
  roles?: StaffRole[];
}

/** Every HTTP route the app registers, read from Nest's own metadata. */
function listRoutes(t: TestApp): Route[] {
  const modules = t.app.get(ModulesContainer);
  const reflector = t.app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  const controllers = [...modules.values()].flatMap((module) => [...module.controllers.values()]);
  for (const wrapper of controllers) {
    const proto = Object.getPrototypeOf(wrapper.instance);
    const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype!) ?? '');
    for (const key of scanner.getAllMethodNames(proto)) {
      const handler = proto[key];
      const sub = Reflect.getMetadata(PATH_METADATA, handler);
      if (sub === undefined) continue;
      const targets = [handler, wrapper.metatype];
      routes.push({
        name: `${wrapper.name}.${key}`,
        method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number],
        path: `/${base}/${sub}`.replace(/\/+/g, '/').replace(/\/$/, ''),
        isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false,
        roles: reflector.getAllAndOverride<StaffRole[]>(ALLOWED_ROLES, targets),
      });
    }
  }
  return routes;
}

const uuid = '00000000-0000-4000-8000-000000000000';
const urlOf = (route: Route) =>
  (route.path.startsWith('/api/') ? route.path : `/api/v1${route.path}`).replace(/:[a-zA-Z]+/g, uuid);
const call = (agent: Agent, route: Route): Promise<Response> =>
  (agent as unknown as Record<string, (url: string) => Promise<Response>>)[route.method.toLowerCase()](urlOf(route));

describe('access control (deny by default)', () => {
  let t: TestApp;
  let routes: Route[];
  const agents: Partial<Record<StaffRole, Agent>> = {};

  beforeAll(async () => {
    t = await createTestApp();
    routes = listRoutes(t);
    for (const role of ['organiser', 'registrar', 'door'] as const) agents[role] = await t.signedIn(role);
  });
  afterAll(() => t.close());

  it('finds the routes it checks', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((r) => r.name)).toContain('UsersController.create');
  });

  it('every route is either explicitly public or opened to named roles', () => {
    const undecided = routes.filter((r) => !r.isPublic && !r.roles?.length).map((r) => r.name);
    expect(undecided).toEqual([]);
  });

  it('only the routes meant for anyone are public', () => {
    const publicRoutes = routes
      .filter((r) => r.isPublic)
      .map((r) => `${r.method} ${urlOf(r)}`)
      .sort();
    expect(publicRoutes).toEqual(
      [
        'GET /api/health',
        'GET /api/v1/auth/setup',
        'POST /api/v1/auth/setup',
        'POST /api/v1/auth/sign-in',
        'POST /api/v1/auth/sign-out',
        'DELETE /api/v1/public/me/00000000-0000-4000-8000-000000000000',
        'GET /api/v1/public/me/00000000-0000-4000-8000-000000000000',
        'GET /api/v1/public/me/00000000-0000-4000-8000-000000000000/export',
        'GET /api/v1/public/me/00000000-0000-4000-8000-000000000000/export.html',
        'PATCH /api/v1/public/me/00000000-0000-4000-8000-000000000000',
        'POST /api/v1/public/me/link',
        'POST /api/v1/public/register',
        'POST /api/v1/public/register/confirm',
        'GET /api/v1/public/rsvp/00000000-0000-4000-8000-000000000000',
        'GET /api/v1/public/rsvp/00000000-0000-4000-8000-000000000000/badge.pdf',
        'PUT /api/v1/public/rsvp/00000000-0000-4000-8000-000000000000',
        'GET /api/v1/public/nominations/forum',
        'POST /api/v1/public/nominations',
        'GET /api/v1/public/nominations/response/00000000-0000-4000-8000-000000000000',
        'POST /api/v1/public/nominations/response/00000000-0000-4000-8000-000000000000/confirm',
        'POST /api/v1/public/nominations/response/00000000-0000-4000-8000-000000000000/withdraw',
        'GET /api/v1/public/agenda/00000000-0000-4000-8000-000000000000',
        'GET /api/v1/public/agenda/00000000-0000-4000-8000-000000000000/presenters/00000000-0000-4000-8000-000000000000',
        'GET /api/v1/public/agenda/00000000-0000-4000-8000-000000000000/calendar.ics',
        'GET /api/v1/public/agenda/00000000-0000-4000-8000-000000000000/sessions/00000000-0000-4000-8000-000000000000/calendar.ics',
      ].sort(),
    );
  });

  it('answers 401 to anonymous calls on every private route', async () => {
    for (const route of routes.filter((r) => !r.isPublic)) {
      const res = await call(t.anon(), route);
      expect({ route: route.name, status: res.status }).toEqual({ route: route.name, status: 401 });
    }
  });

  it.each(['registrar', 'door'] as const)('answers 403 to a %s on every route not opened to that role', async (role) => {
    const closed = routes.filter((r) => !r.isPublic && !r.roles!.includes(role));
    expect(closed.length).toBeGreaterThan(0);
    for (const route of closed) {
      const res = await call(agents[role]!, route);
      expect({ route: route.name, status: res.status }).toEqual({ route: route.name, status: 403 });
    }
  });

  it('lets each role through the guard on the routes opened to it', async () => {
    for (const route of routes.filter((r) => !r.isPublic)) {
      for (const role of route.roles!) {
        const res = await call(agents[role]!, route);
        expect({ route: route.name, role, denied: [401, 403].includes(res.status) }).toEqual({
          route: route.name,
          role,
          denied: false,
        });
      }
    }
  });

  it('keeps staff management to organisers', async () => {
    const body = { email: 'new.staff@example.org', name: 'New Staff', password: 'long enough password', role: 'door' };
    await agents.registrar!.post('/api/v1/users').send(body).expect(403);
    await agents.door!.post('/api/v1/users').send(body).expect(403);
    await agents.organiser!.post('/api/v1/users').send(body).expect(201);
  });
});
