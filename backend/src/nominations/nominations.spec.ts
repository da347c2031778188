import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { linkTokenOf } from '../test/fixtures';
import type { Agent } from 'supertest';
import { createTestApp, type TestApp } from '../test/test-app';
import { NominationBoardService } from './nomination-board.service';

interface OutboxRow {
  id: string;
  template: string;
  recipient: string;
  locale: string;
  data: string;
}

describe(NominationBoardService.name, () => {
  let t: TestApp;
  let organiser: Agent & { userId: string };
  let forumId: string;

  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    organiser = await t.signedIn('organiser');
    const forum = await organiser
      .post('/api/v1/forums')
      .send({
        name: 'Basotho Diaspora Forum 2027',
        venue: 'Manthabiseng Convention Centre, Maseru',
        startDate: '2027-04-08',
        endDate: '2027-04-09',
        capacity: 300,
        status: 'open',
      })
      .expect(201);
    forumId = forum.body.id;
  });
  afterAll(() => t.close());

  let seq = 0;
  const selfNomination = (over: Record<string, unknown> = {}) => {
    seq++;
    return {
      nominatorKind: 'self',
      locale: 'st',
      category: 'investment',
      topic: 'Financing agro-processing in the Maluti highlands',
      summary: 'Runs a fund that has backed twelve Basotho-owned food businesses since 2019.',
      nominee: {
        firstName: 'Palesa',
        lastName: `Ntšekhe${seq}`,
        email: `palesa${seq}@example.org`,
        countryCode: 'ZA',
        region: 'Gauteng',
        city: 'Johannesburg',
      },
      consentToContact: true,
      consentToPublish: true,
      joinRegister: true,
      agree: true,
      ...over,
    };
  };
  const outbox = (recipient: string): Promise<OutboxRow[]> =>
    t.dataSource.query('SELECT id, template, recipient, locale, data FROM messages WHERE recipient = ? ORDER BY createdAt', [
      recipient,
    ]);
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const board = async (agent: Agent, query = '') =>
    (await agent.get(`/api/v1/nominations?forumId=${forumId}${query}`).expect(200)).body;
  const findByEmail = async (agent: Agent, email: string) =>
    (await board(agent)).items.find((i: { nominee: { email: string } }) => i.nominee.email === email);
  const move = (id: string, status: string, note?: string) =>
    organiser.post(`/api/v1/nominations/${id}/status`).send({ status, note });
  const tokenOf = async (email: string) => {
    const accepted = (await outbox(email)).filter((m) => m.template === 'nomination-accepted').at(-1)!;
    return linkTokenOf(t, accepted.id, 'responseUrl');
  };

  it('takes a self-nomination from the public form: a register member with source "nomination" and only the consent given', async () => {
    const body = selfNomination({ joinRegister: false });
    const res = await t.anon().post('/api/v1/public/nominations').send(body).expect(202);
    expect(res.body.message).toContain('received');
    const [member] = await t.dataSource.query('SELECT * FROM members WHERE email = ?', [body.nominee.email]);
    expect(member).toMatchObject({ source: 'nomination', status: 'active', preferredLanguage: 'st', consentAt: null });
    expect(Boolean(member.consentInvitations)).toBe(false);
    // One who asks to join the register consents to invitations (not updates), on the web form.
    const joining = selfNomination({ joinRegister: true });
    await t.anon().post('/api/v1/public/nominations').send(joining).expect(202);
    const [joined] = await t.dataSource.query('SELECT * FROM members WHERE email = ?', [joining.nominee.email]);
    expect(joined).toMatchObject({ source: 'nomination', consentMethod: 'web_form', createdById: null });
    expect([Boolean(joined.consentInvitations), Boolean(joined.consentUpdates), joined.consentAt !== null]).toEqual([
      true,
      false,
      true,
    ]);
    const events = await t.dataSource.query('SELECT kind, actor FROM member_events WHERE memberId = ?', [joined.id]);
    expect(events).toEqual([{ kind: 'created', actor: 'member' }]);
    const mail = await outbox(body.nominee.email);
    expect(mail.map((m) => [m.template, m.locale])).toEqual([['nomination-received', 'st']]);
    expect(JSON.parse(mail[0].data)).toMatchObject({ self: true, forumDates: '8–9 Mmesa 2027' });
    const item = await findByEmail(organiser, body.nominee.email);
    expect(item).toMatchObject({ status: 'submitted', nominatorKind: 'self', publishConsent: true, category: 'investment' });
    const detail = (await organiser.get(`/api/v1/nominations/${item.id}`).expect(200)).body;
    expect(detail.history).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'submitted', actor: 'public', at: expect.any(String) }),
    ]);
  });

  it('links a nomination by someone else to the existing member (matched by phone) and tells both in their languages', async () => {
    const existing = await organiser
      .post('/api/v1/members')
      .send({
        firstName: 'Thabo',
        lastName: 'Mokoena',
        email: 'thabo.m@example.org',
        phone: '+27 82 555 0199',
        countryCode: 'ZA',
        region: 'Free State',
        preferredLanguage: 'en',
      })
      .expect(201);
    const members = await count('members');
    await t
      .anon()
      .post('/api/v1/public/nominations')
      .send({
        ...selfNomination(),
        nominatorKind: 'member',
        category: 'education',
        nominee: { firstName: 'Thabo', lastName: 'Mokoena', phone: '082 555 0199', countryCode: 'ZA', region: 'Free State' },
        nominator: { name: 'Lineo Sello', email: 'Lineo.Sello@example.org' },
        consentToPublish: true,
        nomineeAware: true,
      })
      .expect(202);
    expect(await count('members')).toBe(members);
    expect((await outbox('lineo.sello@example.org')).map((m) => [m.template, m.locale])).toEqual([['nomination-received', 'st']]);
    const notice = await outbox('thabo.m@example.org');
    expect(notice.map((m) => [m.template, m.locale])).toEqual([['nomination-nominated', 'en']]);
    expect(JSON.parse(notice[0].data).nominatorName).toBe('Lineo Sello');
    const item = await findByEmail(organiser, 'thabo.m@example.org');
    // A nominator cannot consent for the nominee: no public profile until they say so themselves.
    expect(item).toMatchObject({ nominee: { id: existing.body.id }, publishConsent: false, nominatorKind: 'member' });
  });

  it('refuses incomplete nominations with field messages and keeps nothing; a filled honeypot keeps nothing either', async () => {
    const before = await count('nominations');
    const noNominator = await t
      .anon()
      .post('/api/v1/public/nominations')
      .send({ ...selfNomination(), nominatorKind: 'member', nomineeAware: true })
      .expect(400);
    expect(Object.keys(noNominator.body.fields)).toContain('nominator');
    const bad = await t
      .anon()
      .post('/api/v1/public/nominations')
      .send({
        ...selfNomination(),
        category: 'sport',
        summary: 'short',
        agree: false,
        nominee: { firstName: 'A', lastName: 'B', countryCode: 'ZA' },
      })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['agree', 'category', 'summary']);
    const noContact = await t
      .anon()
      .post('/api/v1/public/nominations')
      .send({ ...selfNomination(), nominee: { firstName: 'A', lastName: 'B', countryCode: 'ZA' } })
      .expect(400);
    expect(Object.keys(noContact.body.fields)).toContain('nominee.email');
    await t
      .anon()
      .post('/api/v1/public/nominations')
      .send(selfNomination({ website: 'http://spam.example' }))
      .expect(202);
    expect(await count('nominations')).toBe(before);
  });

  it('runs the lifecycle: submitted → under review → shortlisted → accepted → the nominee confirms, each change recorded', async () => {
    const body = selfNomination();
    await t.anon().post('/api/v1/public/nominations').send(body).expect(202);
    const { id } = await findByEmail(organiser, body.nominee.email);
    const refused = await move(id, 'accepted').expect(409);
    expect(refused.body.message).toBe('A nomination that is submitted cannot become accepted');
    await move(id, 'under_review').expect(200);
    await move(id, 'shortlisted').expect(200);
    const identified = (await board(organiser)).counters;
    const accepted = await move(id, 'accepted', 'About 15 minutes on the first morning.').expect(200);
    expect(accepted.body.status).toBe('accepted');
    const mail = (await outbox(body.nominee.email)).at(-1)!;
    expect(mail).toMatchObject({ template: 'nomination-accepted', locale: 'st' });
    expect(JSON.parse(mail.data).note).toBe('About 15 minutes on the first morning.');
    const token = await tokenOf(body.nominee.email);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const hashes: { responseTokenHash: string }[] = await t.dataSource.query('SELECT responseTokenHash FROM nominations');
    expect(hashes.map((h) => h.responseTokenHash)).not.toContain(token);

    const view = await t.anon().get(`/api/v1/public/nominations/response/${token}`).expect(200);
    expect(view.body).toMatchObject({ firstName: 'Palesa', confirmedAt: null, forum: { name: 'Basotho Diaspora Forum 2027' } });
    const confirmed = await t
      .anon()
      .post(`/api/v1/public/nominations/response/${token}/confirm`)
      .send({ publishProfile: true, bio: 'Investor and founder of the Maluti Growth Fund.' })
      .expect(200);
    expect(confirmed.body).toMatchObject({ publishProfile: true, confirmedAt: expect.any(String) });

    const { counters } = await board(organiser);
    expect(counters.targets).toEqual({ identified: 10, confirmed: 6 });
    expect(counters.confirmed).toBeGreaterThanOrEqual(1);
    expect(counters.identified).toBe(identified.identified);
    const detail = (await organiser.get(`/api/v1/nominations/${id}`).expect(200)).body;
    expect(
      detail.history.map((h: { fromStatus: string; toStatus: string; actor: string }) => [h.fromStatus, h.toStatus, h.actor]),
    ).toEqual([
      [null, 'submitted', 'public'],
      ['submitted', 'under_review', `staff:${organiser.userId}`],
      ['under_review', 'shortlisted', `staff:${organiser.userId}`],
      ['shortlisted', 'accepted', `staff:${organiser.userId}`],
      ['accepted', 'accepted', 'nominee'],
    ]);
    expect(detail.history[1].actorName).toBe('Test organiser');
    expect(detail.nomineeBio).toBe('Investor and founder of the Maluti Growth Fund.');
  });

  it('declines with thanks by email, can reopen a declined nomination, and never reopens a withdrawn one', async () => {
    const body = selfNomination({ locale: 'en' });
    await t.anon().post('/api/v1/public/nominations').send(body).expect(202);
    const { id } = await findByEmail(organiser, body.nominee.email);
    await move(id, 'declined').expect(200);
    expect((await outbox(body.nominee.email)).at(-1)).toMatchObject({ template: 'nomination-declined', locale: 'en' });
    await move(id, 'under_review').expect(200);
    await move(id, 'withdrawn', 'Called to say she cannot travel').expect(200);
    await move(id, 'under_review').expect(409);
    const detail = (await organiser.get(`/api/v1/nominations/${id}`).expect(200)).body;
    expect(detail.history.at(-1)).toMatchObject({
      fromStatus: 'under_review',
      toStatus: 'withdrawn',
      note: 'Called to say she cannot travel',
    });
  });

  it('lets an accepted nominee withdraw through their link, which then answers 404 like any unknown link (410 once the forum is over)', async () => {
    const body = selfNomination();
    await t.anon().post('/api/v1/public/nominations').send(body).expect(202);
    const { id } = await findByEmail(organiser, body.nominee.email);
    await move(id, 'under_review').expect(200);
    await move(id, 'accepted').expect(200);
    const token = await tokenOf(body.nominee.email);
    await t.anon().post(`/api/v1/public/nominations/response/${token}/confirm`).send({ publishProfile: false }).expect(200);
    await t.anon().post(`/api/v1/public/nominations/response/${token}/withdraw`).send({ reason: 'A family matter' }).expect(204);
    const used = await t.anon().get(`/api/v1/public/nominations/response/${token}`).expect(404);
    const unknown = await t.anon().get('/api/v1/public/nominations/response/not-a-real-token').expect(404);
    expect(used.body.message).toBe(unknown.body.message);
    const detail = (await organiser.get(`/api/v1/nominations/${id}`).expect(200)).body;
    expect(detail).toMatchObject({ status: 'withdrawn', publishConsent: false });
    expect(detail.history.at(-1)).toMatchObject({
      fromStatus: 'accepted',
      toStatus: 'withdrawn',
      actor: 'nominee',
      note: 'A family matter',
    });

    // Expired: the link of another accepted nominee, after the forum is long over.
    const other = selfNomination();
    await t.anon().post('/api/v1/public/nominations').send(other).expect(202);
    const second = await findByEmail(organiser, other.nominee.email);
    await move(second.id, 'under_review').expect(200);
    await move(second.id, 'accepted').expect(200);
    const otherToken = await tokenOf(other.nominee.email);
    await t.anon().get(`/api/v1/public/nominations/response/${otherToken}`).expect(200);
    t.setNow(new Date('2030-01-01T00:00:00Z'));
    try {
      // Once the forum is over (plus the grace period) the link says so: 410, in the nominee's language.
      const expired = await t.anon().get(`/api/v1/public/nominations/response/${otherToken}`).expect(410);
      expect(expired.body).toMatchObject({ error: 'gone', expiredLink: { locale: other.locale } });
    } finally {
      t.setNow(undefined);
    }
    // Declining an accepted nomination kills its link.
    await move(second.id, 'declined').expect(200);
    await t.anon().get(`/api/v1/public/nominations/response/${otherToken}`).expect(404);
  });

  it('scores 1–5, one review per reviewer, with average, spread and conflicts of interest', async () => {
    const body = selfNomination();
    await t.anon().post('/api/v1/public/nominations').send(body).expect(202);
    const { id } = await findByEmail(organiser, body.nominee.email);
    const [a, b, c] = [organiser, await t.signedIn('organiser'), await t.signedIn('organiser')];
    await a.put(`/api/v1/nominations/${id}/review`).send({ score: 5, comment: 'Strong' }).expect(200);
    await a.put(`/api/v1/nominations/${id}/review`).send({ score: 2, comment: 'On reflection, weaker' }).expect(200);
    await b.put(`/api/v1/nominations/${id}/review`).send({ score: 4 }).expect(200);
    const last = await c.put(`/api/v1/nominations/${id}/review`).send({ score: 5 }).expect(200);
    expect(last.body.reviews).toEqual({ count: 3, average: 3.67, spread: 3, conflicts: 0 });
    expect(last.body.reviewList).toHaveLength(3);
    expect(last.body.myReview).toMatchObject({ score: 5 });

    for (const score of [0, 6, 2.5, '4']) {
      await b.put(`/api/v1/nominations/${id}/review`).send({ score }).expect(400);
    }
    await b.put(`/api/v1/nominations/${id}/review`).send({}).expect(400);
    await b.put(`/api/v1/nominations/${id}/review`).send({ score: 3, conflictOfInterest: true }).expect(400);
    const conflicted = await b
      .put(`/api/v1/nominations/${id}/review`)
      .send({ conflictOfInterest: true, comment: 'My cousin' })
      .expect(200);
    expect(conflicted.body.reviews).toEqual({ count: 2, average: 3.5, spread: 3, conflicts: 1 });
    expect(await count('nomination_reviews')).toBeGreaterThanOrEqual(3);
    const rows = await t.dataSource.query('SELECT reviewerId FROM nomination_reviews WHERE nominationId = ?', [id]);
    expect(rows).toHaveLength(3);

    const registrar = await t.signedIn('registrar', { countries: ['ZA'] });
    await registrar.put(`/api/v1/nominations/${id}/review`).send({ score: 3 }).expect(403);
    const seen = (await registrar.get(`/api/v1/nominations/${id}`).expect(200)).body;
    expect(seen.reviews.average).toBe(3.5);
    expect(seen.reviewList).toEqual([]);
  });

  it('lets registrars nominate and read only within their countries, and filters by category and country', async () => {
    const registrar = await t.signedIn('registrar', { countries: ['GB'] });
    const nominee = {
      firstName: 'Mpho',
      lastName: 'Letsie',
      email: 'mpho.letsie@example.org',
      countryCode: 'GB',
      city: 'London',
    };
    const content = {
      category: 'cultural',
      topic: 'Sesotho music in London schools',
      summary: 'Teaches Sesotho songs and history to children of the diaspora.',
    };
    const created = await registrar
      .post('/api/v1/nominations')
      .send({ forumId, ...content, nominee })
      .expect(201);
    expect(created.body).toMatchObject({ status: 'submitted', nominatorKind: 'registrar', nominee: { countryCode: 'GB' } });
    const [member] = await t.dataSource.query('SELECT source, createdById FROM members WHERE email = ?', [nominee.email]);
    expect(member).toEqual({ source: 'nomination', createdById: registrar.userId });
    expect((await outbox(nominee.email)).map((m) => m.template)).toEqual(['nomination-nominated']);

    await registrar
      .post('/api/v1/nominations')
      .send({
        forumId,
        ...content,
        nominee: { ...nominee, email: 'someone.za@example.org', countryCode: 'ZA', region: 'Gauteng' },
      })
      .expect(403);
    const za = await findByEmail(organiser, 'thabo.m@example.org');
    await registrar
      .post('/api/v1/nominations')
      .send({ forumId, ...content, memberId: za.nominee.id })
      .expect(404);
    await registrar.get(`/api/v1/nominations/${za.id}`).expect(404);
    await registrar.post(`/api/v1/nominations/${created.body.id}/status`).send({ status: 'under_review' }).expect(403);

    const theirs = await board(registrar);
    expect(theirs.items.map((i: { nominee: { countryCode: string } }) => i.nominee.countryCode)).toEqual(['GB']);
    expect(theirs.counters.byStatus.submitted).toBe(1);

    const cultural = await board(organiser, '&categories=cultural');
    expect(cultural.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    const gb = await board(organiser, '&countries=GB&statuses=submitted');
    expect(gb.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    expect((await board(organiser, '&countries=GB&statuses=accepted')).items).toEqual([]);
    await organiser.get(`/api/v1/nominations?forumId=${forumId}&statuses=maybe`).expect(400);
    await organiser.get('/api/v1/nominations').expect(400);
  });

  it('records a confirmation heard by phone, and answers 404 for a public form when no forum is open', async () => {
    const body = selfNomination();
    await t.anon().post('/api/v1/public/nominations').send(body).expect(202);
    const { id } = await findByEmail(organiser, body.nominee.email);
    await organiser.post(`/api/v1/nominations/${id}/confirm`).send({}).expect(409);
    await move(id, 'under_review').expect(200);
    await move(id, 'accepted').expect(200);
    const done = await organiser.post(`/api/v1/nominations/${id}/confirm`).send({ note: 'by phone' }).expect(200);
    expect(done.body.confirmedAt).toEqual(expect.any(String));
    expect(done.body.history.at(-1).note).toContain('by phone');
    await organiser.post(`/api/v1/nominations/${id}/confirm`).send({}).expect(409);

    await t.anon().get('/api/v1/public/nominations/forum').expect(200);
    await organiser.patch(`/api/v1/forums/${forumId}`).send({ status: 'closed' }).expect(200);
    try {
      await t.anon().get('/api/v1/public/nominations/forum').expect(404);
      await t.anon().post('/api/v1/public/nominations').send(selfNomination()).expect(404);
    } finally {
      await organiser.patch(`/api/v1/forums/${forumId}`).send({ status: 'open' }).expect(200);
    }
  });
});
