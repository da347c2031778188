import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { Clock } from './clock';
import { FORUM_OVER_MESSAGE, LinkLifetime } from './link-lifetime';
import { addMembers, aMember, anOpenForum, inviteMembers, linkTokenOf } from '../test/fixtures';
import { createTestApp, type TestApp } from '../test/test-app';

const DAY = 86_400_000;

describe(LinkLifetime.name, () => {
  it('ends personal links at midnight after the last forum day (forum time), plus the grace period', () => {
    const forum = { endDate: '2027-04-09', timezone: 'Africa/Maseru' };
    const clock = new Clock();
    const directorate = {};
    expect(new LinkLifetime({ linkGraceDays: 0, directorate }, clock).endsAt(forum).toISOString()).toBe(
      '2027-04-09T22:00:00.000Z',
    );
    expect(new LinkLifetime({ linkGraceDays: 30, directorate }, clock).endsAt(forum).toISOString()).toBe(
      '2027-05-09T22:00:00.000Z',
    );
  });
});

describe('personal links after the forum', () => {
  let t: TestApp;
  let organiser: Agent;
  let forumId: string;
  // The forum's last day is 2027-04-09; with LINK_GRACE_DAYS=10 links stop at 2027-04-19T22:00Z.
  const justBefore = new Date('2027-04-19T21:59:00Z');
  const justAfter = new Date('2027-04-19T22:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({
      MAIL_WORKER: 'off',
      LINK_GRACE_DAYS: '10',
      DIRECTORATE_EMAIL: 'diaspora@foreign.gov.ls',
      DIRECTORATE_PHONE: '+26622311150',
    });
    organiser = await t.signedIn('organiser');
    forumId = (await anOpenForum(organiser)).id;
  });
  afterEach(() => t.setNow(undefined));
  afterAll(() => t.close());

  const gone = {
    statusCode: 410,
    error: 'gone',
    expiredLink: { locale: 'st', contactEmail: 'diaspora@foreign.gov.ls', contactPhone: '+26622311150' },
  };

  it('opens an RSVP link and its badge until the grace period ends, then answers 410 in the invitee language', async () => {
    const [member] = await addMembers(t, [aMember({ preferredLanguage: 'st' })]);
    const [token] = await inviteMembers(t, organiser, forumId, [member]);
    await t.anon().put(`/api/v1/public/rsvp/${token}`).send({ response: 'accepted' }).expect(200);

    t.setNow(justBefore);
    await t.anon().get(`/api/v1/public/rsvp/${token}`).expect(200);
    await t.anon().get(`/api/v1/public/rsvp/${token}/badge.pdf`).expect(200);

    t.setNow(justAfter);
    const view = await t.anon().get(`/api/v1/public/rsvp/${token}`).expect(410);
    expect(view.body).toMatchObject({ ...gone, message: FORUM_OVER_MESSAGE });
    expect(JSON.stringify(view.body)).not.toContain(member.firstName);
    expect((await t.anon().get(`/api/v1/public/rsvp/${token}/badge.pdf`).expect(410)).body).toMatchObject(gone);
    const answer = await t.anon().put(`/api/v1/public/rsvp/${token}`).send({ response: 'declined' }).expect(410);
    expect(answer.body).toMatchObject(gone);
    // Nothing changed: the answer stands.
    t.setNow(justBefore);
    expect((await t.anon().get(`/api/v1/public/rsvp/${token}`).expect(200)).body.response).toBe('accepted');
  });

  it('keeps unknown links a 404, whatever the date', async () => {
    t.setNow(justAfter);
    await t.anon().get('/api/v1/public/rsvp/not-a-real-token-at-all-0123456789').expect(404);
    await t.anon().get('/api/v1/public/nominations/response/not-a-real-token-at-all-0123456789').expect(404);
    await t.anon().get('/api/v1/public/me/not-a-real-token-at-all-0123456789').expect(404);
  });

  it('answers 410 for a nomination-response link after the forum and its grace period', async () => {
    const email = 'nominee.after@example.org';
    await t
      .anon()
      .post('/api/v1/public/nominations')
      .send({
        nominatorKind: 'self',
        locale: 'st',
        category: 'trade',
        topic: 'Wool exports',
        summary: 'Exports Basotho wool and mohair to buyers in three countries.',
        nominee: { firstName: 'Rethabile', lastName: 'Presenter', email, countryCode: 'GB', city: 'Leeds' },
        consentToPublish: true,
        agree: true,
      })
      .expect(202);
    const board = (await organiser.get(`/api/v1/nominations?forumId=${forumId}`).expect(200)).body;
    const { id } = board.items.find((i: { nominee: { email: string } }) => i.nominee.email === email);
    await organiser.post(`/api/v1/nominations/${id}/status`).send({ status: 'under_review' }).expect(200);
    await organiser.post(`/api/v1/nominations/${id}/status`).send({ status: 'accepted' }).expect(200);
    const [mail] = await t.dataSource.query("SELECT id FROM messages WHERE recipient = ? AND template = 'nomination-accepted'", [
      email,
    ]);
    const token = await linkTokenOf(t, mail.id, 'responseUrl');

    t.setNow(justBefore);
    await t.anon().get(`/api/v1/public/nominations/response/${token}`).expect(200);
    t.setNow(justAfter);
    expect((await t.anon().get(`/api/v1/public/nominations/response/${token}`).expect(410)).body).toMatchObject(gone);
    await t.anon().post(`/api/v1/public/nominations/response/${token}/withdraw`).send({}).expect(410);
  });

  it('answers 410 for a "my details" link once its year is up', async () => {
    const email = 'palesa.manage@example.org';
    await t
      .anon()
      .post('/api/v1/public/register')
      .send({
        firstName: 'Palesa',
        lastName: 'Mokoena',
        email,
        countryCode: 'ZA',
        region: 'Gauteng',
        city: 'Johannesburg',
        sectors: ['health'],
        preferredLanguage: 'st',
        consentInvitations: true,
        consentUpdates: false,
        agree: true,
      })
      .expect(202);
    const [confirm] = await t.dataSource.query("SELECT id FROM messages WHERE recipient = ? AND template = 'register-confirm'", [
      email,
    ]);
    const token = await linkTokenOf(t, confirm.id, 'confirmUrl');
    const { manageToken } = (await t.anon().post('/api/v1/public/register/confirm').send({ token }).expect(200)).body;

    t.setNow(new Date(Date.now() + 364 * DAY));
    await t.anon().get(`/api/v1/public/me/${manageToken}`).expect(200);
    t.setNow(new Date(Date.now() + 366 * DAY));
    const res = await t.anon().get(`/api/v1/public/me/${manageToken}`).expect(410);
    expect(res.body).toMatchObject({ ...gone, message: expect.stringContaining('Ask for a new one') });
    await t.anon().patch(`/api/v1/public/me/${manageToken}`).send({ city: 'Pretoria' }).expect(410);
  });
});
