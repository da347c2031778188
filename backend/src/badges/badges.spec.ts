import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { addMembers, aMember, anOpenForum } from '../test/fixtures';
import { binary, pageCount, poppler } from '../test/pdf-tools';
import { createTestApp, type TestApp } from '../test/test-app';
import { BadgesService } from './badges.service';

describe(BadgesService.name, () => {
  let t: TestApp;
  let organiser: Agent;

  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    organiser = await t.signedIn('organiser');
  });
  afterAll(() => t.close());

  async function addAttendee(forumId: string, body: Record<string, unknown>): Promise<{ id: string; badgeNumber: number }> {
    return (
      await organiser
        .post(`/api/v1/forums/${forumId}/attendees`)
        .send({ role: 'attendee', ...body })
        .expect(201)
    ).body;
  }
  const pdf = (path: string, agent: Agent = organiser) => agent.get(path).buffer(true).parse(binary);

  it('prints everyone confirmed on A4 sheets, four a page, in surname order, with the count in a header', async () => {
    const forum = await anOpenForum(organiser, { name: 'Sheets forum' });
    const names = [
      ['Zoë', 'Ntšekhe'],
      ['Thabo', 'Akhosi'],
      ['Lineo', 'Mokoena'],
      ['Palesa', 'Mokoena'],
      ['Mpho', 'Zulu'],
      ['Dineo', 'Letsie'],
      ['Tau', 'Bereng'],
      ['Pieter', 'van der Merwe'],
    ];
    for (const [firstName, lastName] of names)
      await addAttendee(forum.id, { firstName, lastName, countryCode: 'ZA', region: 'Gauteng' });
    const revoked = await addAttendee(forum.id, { firstName: 'Revoked', lastName: 'Person' });
    await organiser.post(`/api/v1/forums/${forum.id}/attendees/${revoked.id}/badge/revoke`).expect(200);

    const res = await pdf(`/api/v1/forums/${forum.id}/badges.pdf`).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-badge-count']).toBe('8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="badges-everyone.pdf"');
    const body = res.body as Buffer;
    expect(pageCount(body)).toBe(2);
    expect(poppler('pdffonts', body)).toContain('DejaVuSans-Bold');
    const text = poppler('pdftotext-raw', body);
    expect(text).not.toContain('Revoked');
    const drawn = ['Akhosi', 'Bereng', 'Letsie', 'Lineo', 'Palesa', 'Ntšekhe', 'van der Merwe', 'Zulu'].map((word) =>
      text.indexOf(word),
    );
    expect(drawn.every((at) => at >= 0)).toBe(true);
    expect([...drawn].sort((a, b) => a - b)).toEqual(drawn);
    const pages = text.split('\f');
    expect(pages[0]).toContain('Mokoena');
    expect(pages[1]).toContain('Ntšekhe');
    expect((await organiser.get(`/api/v1/forums/${forum.id}/badges/count`).expect(200)).body).toEqual({ count: 8 });
  });

  it('prints a role or a saved segment’s members only', async () => {
    const forum = await anOpenForum(organiser, { name: 'Selection forum' });
    const [inGb, inUs] = await addMembers(t, [aMember({ countryCode: 'GB', region: 'London' }), aMember({ countryCode: 'US' })]);
    await addAttendee(forum.id, { firstName: 'Press', lastName: 'One', role: 'press' });
    await addAttendee(forum.id, { firstName: 'Press', lastName: 'Two', role: 'press' });
    await addAttendee(forum.id, { firstName: 'Gb', lastName: 'Member', memberId: inGb.id, countryCode: 'GB' });
    await addAttendee(forum.id, { firstName: 'Us', lastName: 'Member', memberId: inUs.id, countryCode: 'US' });
    const segment = await organiser
      .post('/api/v1/segments')
      .send({ name: `In Britain ${randomUUID()}`, filter: { countries: ['GB'] } })
      .expect(201);

    const press = await pdf(`/api/v1/forums/${forum.id}/badges.pdf?role=press`).expect(200);
    expect(press.headers['x-badge-count']).toBe('2');
    expect(pageCount(press.body as Buffer)).toBe(1);
    expect(poppler('pdftotext', press.body as Buffer)).not.toContain('Member');

    const bySegment = await pdf(`/api/v1/forums/${forum.id}/badges.pdf?segmentId=${segment.body.id}`).expect(200);
    expect(bySegment.headers['x-badge-count']).toBe('1');
    const text = poppler('pdftotext', bySegment.body as Buffer);
    expect(text).toContain('United Kingdom');
    expect(text).not.toContain('Press');
    expect(
      (await organiser.get(`/api/v1/forums/${forum.id}/badges/count?segmentId=${segment.body.id}&role=press`).expect(200)).body,
    ).toEqual({ count: 0 });
    const none = await pdf(`/api/v1/forums/${forum.id}/badges.pdf?role=vip`).expect(200);
    expect(none.headers['x-badge-count']).toBe('0');
    expect(poppler('pdftotext', none.body as Buffer)).toContain('No badges to print');
  });

  it('gives one attendee’s A6 badge, and refuses a revoked one until it is re-issued', async () => {
    const forum = await anOpenForum(organiser);
    const a = await addAttendee(forum.id, { firstName: 'Zoë', lastName: 'Ntšekhe', role: 'vip' });
    const res = await pdf(`/api/v1/forums/${forum.id}/attendees/${a.id}/badge.pdf`).expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="badge-${a.badgeNumber}.pdf"`);
    expect(poppler('pdfinfo', res.body as Buffer)).toMatch(/Page size:\s+297\.6\d* x 419\.5\d* pts/);
    expect(poppler('pdftotext', res.body as Buffer)).toContain('Ntšekhe');
    await organiser.post(`/api/v1/forums/${forum.id}/attendees/${a.id}/badge/revoke`).expect(200);
    await organiser.get(`/api/v1/forums/${forum.id}/attendees/${a.id}/badge.pdf`).expect(409);
    await organiser.post(`/api/v1/forums/${forum.id}/attendees/${a.id}/badge/reissue`).expect(200);
    await pdf(`/api/v1/forums/${forum.id}/attendees/${a.id}/badge.pdf`).expect(200);
    await organiser.get(`/api/v1/forums/${forum.id}/attendees/${randomUUID()}/badge.pdf`).expect(404);
  });

  it('answers 400 for a bad role or segment id, 404 for an unknown forum or segment, 403/401 for others', async () => {
    const forum = await anOpenForum(organiser);
    const bad = await organiser.get(`/api/v1/forums/${forum.id}/badges.pdf?role=king&segmentId=nope`).expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['role', 'segmentId']);
    await organiser.get(`/api/v1/forums/${forum.id}/badges/count?role=king`).expect(400);
    await organiser.get(`/api/v1/forums/${randomUUID()}/badges.pdf`).expect(404);
    await organiser.get(`/api/v1/forums/${randomUUID()}/badges/count`).expect(404);
    await organiser.get(`/api/v1/forums/${forum.id}/badges.pdf?segmentId=${randomUUID()}`).expect(404);
    await organiser.get(`/api/v1/forums/not-a-uuid/badges.pdf`).expect(400);
    const registrar = await t.signedIn('registrar');
    await registrar.get(`/api/v1/forums/${forum.id}/badges.pdf`).expect(403);
    const door = await t.signedIn('door');
    await door.get(`/api/v1/forums/${forum.id}/badges/count`).expect(403);
    await t.anon().get(`/api/v1/forums/${forum.id}/badges.pdf`).expect(401);
  });
});
