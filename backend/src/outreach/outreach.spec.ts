import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { createTestApp, type TestApp } from '../test/test-app';
import type { Member } from '../register/member.entity';
import { MemberRepository, type NewMember } from '../register/member.repository';
import { OutreachService } from './outreach.service';
import { whatsappLink } from './whatsapp-link';

describe(OutreachService.name, () => {
  let t: TestApp;
  let organiser: Agent & { userId: string };
  let registrar: Agent & { userId: string };
  let lineo: Member;
  let sello: Member;

  const member = (over: Partial<NewMember>): NewMember => ({
    firstName: 'Lineo',
    lastName: 'Ntšekhe',
    email: null,
    phone: '+27821234567',
    whatsapp: null,
    countryCode: 'ZA',
    region: 'Gauteng',
    city: 'Johannesburg',
    occupation: null,
    sectors: [],
    preferredChannel: 'phone',
    preferredLanguage: 'st',
    consentAt: null,
    consentMethod: null,
    consentInvitations: false,
    consentUpdates: false,
    source: 'seed',
    sourceBatchId: null,
    status: 'active',
    createdById: null,
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp();
    organiser = await t.signedIn('organiser');
    registrar = await t.signedIn('registrar', { countries: ['ZA'] });
    [lineo, sello] = await t.app
      .get(MemberRepository)
      .insert([
        member({}),
        member({ firstName: 'Sello', lastName: 'Mofokeng', countryCode: 'GB', region: 'London', phone: '+447700900123' }),
      ]);
  });
  afterAll(() => t.close());

  const url = (m: Member) => `/api/v1/members/${m.id}/outreach`;

  it('logs attempts, lists them newest first with who made them, and records them in the history', async () => {
    await registrar
      .post(url(lineo))
      .send({ channel: 'phone', outcome: 'no_answer', contactedAt: '2026-01-10T09:00:00.000Z' })
      .expect(201);
    const second = await registrar
      .post(url(lineo))
      .send({ channel: 'whatsapp', outcome: 'call_back', note: '  Call after 18:00, prefers Sesotho  ' })
      .expect(201);
    expect(second.body).toMatchObject({
      memberId: lineo.id,
      channel: 'whatsapp',
      outcome: 'call_back',
      note: 'Call after 18:00, prefers Sesotho',
      staffUserId: registrar.userId,
      staffName: 'Test registrar',
    });
    await organiser
      .post(url(lineo))
      .send({ channel: 'visit', outcome: 'registered', contactedAt: '2026-01-11T09:00:00.000Z' })
      .expect(201);

    const list = await organiser.get(url(lineo)).expect(200);
    expect(list.body.member).toMatchObject({
      firstName: 'Lineo',
      lastName: 'Ntšekhe',
      phone: '+27821234567',
      phoneDisplay: '+27 82 123 4567',
      whatsappLink: 'https://wa.me/27821234567',
      preferredLanguage: 'st',
    });
    expect(list.body.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['call_back', 'registered', 'no_answer']);
    expect(list.body.attempts[1]).toMatchObject({ staffName: 'Test organiser', note: null });

    const events = await t.app.get(MemberRepository).events([lineo.id]);
    expect(events.filter((e) => e.kind === 'outreach')).toHaveLength(3);
    expect(events.find((e) => e.details?.outreachId === second.body.id)).toMatchObject({
      actor: `staff:${registrar.userId}`,
      details: { channel: 'whatsapp', outcome: 'call_back' },
    });
  });

  it('refuses bad attempts with a message per field and stores nothing', async () => {
    const before = (await organiser.get(url(lineo))).body.attempts.length;
    const bad = await organiser
      .post(url(lineo))
      .send({ channel: 'pigeon', outcome: 'maybe', note: 'x'.repeat(1001), contactedAt: 'yesterday' })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['channel', 'contactedAt', 'note', 'outcome']);
    const future = await organiser
      .post(url(lineo))
      .send({ channel: 'phone', outcome: 'reached', contactedAt: new Date(Date.now() + 86_400_000).toISOString() })
      .expect(400);
    expect(future.body.fields.contactedAt).toEqual(['cannot be in the future']);
    await organiser.post(url(lineo)).send({ channel: 'phone' }).expect(400);
    await organiser.post(url(lineo)).send({ channel: 'phone', outcome: 'reached', staffUserId: 'me' }).expect(400);
    await organiser.post(`/api/v1/members/not-a-uuid/outreach`).send({ channel: 'phone', outcome: 'reached' }).expect(400);
    await organiser
      .post(`/api/v1/members/00000000-0000-4000-8000-000000000000/outreach`)
      .send({ channel: 'phone', outcome: 'reached' })
      .expect(404);
    // A note of exactly 1000 characters is fine.
    await organiser
      .post(url(lineo))
      .send({ channel: 'sms', outcome: 'reached', note: 'ë'.repeat(1000) })
      .expect(201);
    expect((await organiser.get(url(lineo))).body.attempts.length).toBe(before + 1);
  });

  it('keeps registrars to their countries: others are not found', async () => {
    await registrar.get(url(sello)).expect(404);
    await registrar.post(url(sello)).send({ channel: 'phone', outcome: 'reached' }).expect(404);
    await organiser.post(url(sello)).send({ channel: 'phone', outcome: 'wrong_number' }).expect(201);
    const gb = await t.signedIn('registrar', { countries: ['GB'] });
    expect((await gb.get(url(sello)).expect(200)).body.attempts).toHaveLength(1);
    await gb.get(url(lineo)).expect(404);
    const door = await t.signedIn('door');
    await door.get(url(lineo)).expect(403);
    await t.anon().get(url(lineo)).expect(401);
  });

  it('makes WhatsApp links from the WhatsApp number, or from a mobile phone', () => {
    expect(whatsappLink({ whatsapp: '+26658123456', phone: '+27821234567' })).toBe('https://wa.me/26658123456');
    expect(whatsappLink({ whatsapp: null, phone: '+447700900123' })).toBe('https://wa.me/447700900123');
    // A South African landline (Johannesburg) cannot take WhatsApp.
    expect(whatsappLink({ whatsapp: null, phone: '+27114567890' })).toBeNull();
    expect(whatsappLink({ whatsapp: null, phone: null })).toBeNull();
  });
});
