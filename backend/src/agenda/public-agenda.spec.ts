import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { linkTokenOf } from '../test/fixtures';
import ICAL from 'ical.js';
import type { Agent } from 'supertest';
import { createTestApp, type TestApp } from '../test/test-app';
import { PublicAgendaService } from './public-agenda.service';

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | null;
  location: string;
  start: ICAL.Time;
  end: ICAL.Time;
}

/** Parses a feed with a real iCalendar parser and returns its events. */
function parseFeed(ics: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        description: event.description ?? null,
        location: event.location,
        start: event.startDate,
        end: event.endDate,
      };
    }),
  };
}

/** Maseru wall-clock time of an instant: UTC+2 all year (no daylight saving). */
const maseru = (time: ICAL.Time) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Maseru', dateStyle: 'short', timeStyle: 'short' }).format(time.toJSDate());

describe(PublicAgendaService.name, () => {
  let t: TestApp;
  let organiser: Agent;
  let forumId: string;
  let hall: string;
  const slug = 'diaspora-forum-2027';
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  const nominate = async (firstName: string, email: string, publishProfile: boolean) => {
    await t
      .anon()
      .post('/api/v1/public/nominations')
      .send({
        nominatorKind: 'self',
        locale: 'en',
        category: 'trade',
        topic: `Trade with ${firstName}`,
        summary: 'Exports Basotho wool and mohair to buyers in three countries.',
        nominee: { firstName, lastName: 'Presenter', email, countryCode: 'GB', city: 'Leeds' },
        consentToPublish: publishProfile,
        agree: true,
      })
      .expect(202);
    const board = (await organiser.get(`/api/v1/nominations?forumId=${forumId}`).expect(200)).body;
    const { id, nominee } = board.items.find((i: { nominee: { email: string } }) => i.nominee.email === email);
    await organiser.post(`/api/v1/nominations/${id}/status`).send({ status: 'under_review' }).expect(200);
    await organiser.post(`/api/v1/nominations/${id}/status`).send({ status: 'accepted' }).expect(200);
    const [mail] = await t.dataSource.query("SELECT id FROM messages WHERE recipient = ? AND template = 'nomination-accepted'", [
      email,
    ]);
    const token = await linkTokenOf(t, mail.id, 'responseUrl');
    await t
      .anon()
      .post(`/api/v1/public/nominations/response/${token}/confirm`)
      .send({ publishProfile, bio: `${firstName} runs an export business.` })
      .expect(200);
    tokens[firstName] = token;
    return nominee.id as string;
  };
  const addPresenter = async (body: Record<string, unknown>) =>
    (await organiser.post(`/api/v1/agenda/forums/${forumId}/presenters`).send(body).expect(201)).body.id as string;
  const addSession = async (body: Record<string, unknown>) =>
    (
      await organiser
        .post(`/api/v1/agenda/forums/${forumId}/sessions`)
        .send({ roomId: hall, kind: 'panel', day: '2027-04-08', ...body })
        .expect(201)
    ).body.id as string;

  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    organiser = await t.signedIn('organiser');
    forumId = (
      await organiser
        .post('/api/v1/forums')
        .send({
          name: 'Diaspora Forum 2027',
          slug,
          venue: 'Manthabiseng Convention Centre, Maseru',
          startDate: '2027-04-08',
          endDate: '2027-04-09',
          capacity: 300,
          status: 'open',
        })
        .expect(201)
    ).body.id;
    hall = (await organiser.post(`/api/v1/agenda/forums/${forumId}/rooms`).send({ name: 'Main Hall; East wing' }).expect(201))
      .body.id;
    const yes = await nominate('Refiloe', 'refiloe@example.org', true);
    const no = await nominate('Teboho', 'teboho@example.org', false);
    ids.consented = await addPresenter({ memberId: yes });
    // The nominee said no: an organiser ticking consent must not override them.
    ids.refused = await addPresenter({ memberId: no, publishConsent: true });
    ids.guestWithout = await addPresenter({ name: 'Hidden Guest' });
    ids.guestWith = await addPresenter({ name: 'Minister Guest', affiliation: 'Ministry of Trade', publishConsent: true });
    ids.opening = await addSession({
      kind: 'plenary',
      title: 'Opening plenary, welcome; and \\ overview',
      abstract: `Welcome by the Directorate.\nA long line that must be folded by the writer and unfolded by the reader: ${'Basotho diaspora '.repeat(8)}`,
      start: '09:00',
      end: '10:30',
      presenterIds: [ids.consented, ids.refused, ids.guestWithout, ids.guestWith],
    });
    ids.draft = await addSession({
      title: 'Secret draft session',
      day: '2027-04-09',
      start: '09:00',
      end: '10:00',
      presenterIds: [ids.guestWithout],
    });
  });
  afterAll(() => t.close());

  it('shows nothing while the whole agenda is a draft (and lets no browser cache that answer)', async () => {
    const missing = await t.anon().get(`/api/v1/public/agenda/${slug}`).expect(404);
    expect(missing.headers['cache-control'] ?? '').not.toContain('public');
    await t.anon().get(`/api/v1/public/agenda/${slug}/calendar.ics`).expect(404);
    await t.anon().get(`/api/v1/public/agenda/${slug}/sessions/${ids.opening}/calendar.ics`).expect(404);
    await t.anon().get(`/api/v1/public/agenda/${slug}/presenters/${ids.consented}`).expect(404);
  });

  it('publishes one session: only it, and only presenters who consented, reach the public', async () => {
    await organiser.patch(`/api/v1/agenda/sessions/${ids.opening}`).send({ published: true }).expect(200);
    const res = await t.anon().get(`/api/v1/public/agenda/${slug}`).expect(200);
    expect(res.headers['cache-control']).toContain('public');
    expect(res.body.sessions.map((s: { title: string }) => s.title)).toEqual(['Opening plenary, welcome; and \\ overview']);
    expect(res.body.sessions[0]).toMatchObject({ day: '2027-04-08', start: '09:00', end: '10:30', room: 'Main Hall; East wing' });
    expect(res.body.sessions[0].presenters.map((p: { name: string }) => p.name)).toEqual(['Refiloe Presenter', 'Minister Guest']);
    const text = JSON.stringify(res.body);
    for (const hidden of ['Teboho', 'Hidden Guest', 'Secret draft', 'teboho@example.org', 'refiloe@example.org']) {
      expect(text).not.toContain(hidden);
    }
    const profile = await t.anon().get(`/api/v1/public/agenda/${slug}/presenters/${ids.consented}`).expect(200);
    expect(profile.body.presenter).toEqual({
      id: ids.consented,
      name: 'Refiloe Presenter',
      affiliation: null,
      bio: 'Refiloe runs an export business.',
    });
    expect(profile.body.sessions).toHaveLength(1);
    for (const hidden of [ids.refused, ids.guestWithout]) {
      await t.anon().get(`/api/v1/public/agenda/${slug}/presenters/${hidden}`).expect(404);
    }
    await t.anon().get(`/api/v1/public/agenda/${slug}/sessions/${ids.draft}/calendar.ics`).expect(404);
    await t.anon().get('/api/v1/public/agenda/no-such-forum').expect(404);
  });

  it('writes a feed that a real iCalendar parser reads back, at the right Maseru times', async () => {
    const res = await t.anon().get(`/api/v1/public/agenda/${slug}/calendar.ics`).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = res.text;
    // RFC 5545: CRLF line ends and lines of at most 75 octets (longer ones folded).
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).toContain('DTSTART:20270408T070000Z');
    const feed = parseFeed(ics);
    expect(feed.name).toBe('Diaspora Forum 2027');
    expect(feed.events).toHaveLength(1);
    const [event] = feed.events;
    expect(event.uid).toBe(`${ids.opening}@diaspora-forum`);
    expect(event.summary).toBe('Opening plenary, welcome; and \\ overview');
    expect(event.location).toBe('Main Hall; East wing, Manthabiseng Convention Centre, Maseru');
    expect(event.description).toContain(
      `that must be folded by the writer and unfolded by the reader: ${'Basotho diaspora '.repeat(8).trim()}`,
    );
    expect(event.description).toContain('Presenters: Refiloe Presenter, Minister Guest');
    expect(event.description).not.toContain('Teboho');
    expect(event.start.zone.tzid).toBe('UTC');
    expect(event.start.toJSDate().toISOString()).toBe('2027-04-08T07:00:00.000Z');
    expect(maseru(event.start)).toBe('08/04/2027, 09:00');
    expect(maseru(event.end)).toBe('08/04/2027, 10:30');
  });

  it('moves a published session in the feed with a higher SEQUENCE, and serves one session alone', async () => {
    const before = new ICAL.Component(ICAL.parse((await t.anon().get(`/api/v1/public/agenda/${slug}/calendar.ics`)).text));
    const seq = Number(before.getFirstSubcomponent('vevent')!.getFirstPropertyValue('sequence'));
    await organiser.patch(`/api/v1/agenda/sessions/${ids.opening}`).send({ start: '09:30', end: '11:00' }).expect(200);
    const one = await t.anon().get(`/api/v1/public/agenda/${slug}/sessions/${ids.opening}/calendar.ics`).expect(200);
    const event = new ICAL.Component(ICAL.parse(one.text)).getFirstSubcomponent('vevent')!;
    expect(Number(event.getFirstPropertyValue('sequence'))).toBeGreaterThan(seq);
    const parsed = parseFeed(one.text).events[0];
    expect(maseru(parsed.start)).toBe('08/04/2027, 09:30');
    expect(parsed.end.toJSDate().toISOString()).toBe('2027-04-08T09:00:00.000Z');
  });

  it('publishes and unpublishes the whole agenda', async () => {
    const published = await organiser.post(`/api/v1/agenda/forums/${forumId}/publish`).send({ published: true }).expect(200);
    expect(published.body.changed).toBe(1);
    const all = await t.anon().get(`/api/v1/public/agenda/${slug}`).expect(200);
    expect(all.body.sessions.map((s: { title: string }) => s.title)).toEqual([
      'Opening plenary, welcome; and \\ overview',
      'Secret draft session',
    ]);
    // The draft session's only presenter never agreed: the session shows, the person does not.
    expect(all.body.sessions[1].presenters).toEqual([]);
    expect(parseFeed((await t.anon().get(`/api/v1/public/agenda/${slug}/calendar.ics`)).text).events).toHaveLength(2);
    await organiser.post(`/api/v1/agenda/forums/${forumId}/publish`).send({ published: false }).expect(200);
    await t.anon().get(`/api/v1/public/agenda/${slug}`).expect(404);
    await t.anon().get(`/api/v1/public/agenda/${slug}/calendar.ics`).expect(404);
  });

  it('hides a presenter whose consent is taken back', async () => {
    await organiser.patch(`/api/v1/agenda/sessions/${ids.opening}`).send({ published: true }).expect(200);
    await organiser.patch(`/api/v1/agenda/presenters/${ids.guestWith}`).send({ publishConsent: false }).expect(200);
    const res = await t.anon().get(`/api/v1/public/agenda/${slug}`).expect(200);
    expect(res.body.sessions[0].presenters.map((p: { name: string }) => p.name)).toEqual(['Refiloe Presenter']);
    await t.anon().get(`/api/v1/public/agenda/${slug}/presenters/${ids.guestWith}`).expect(404);
    // A nominee who withdraws disappears too, whatever an organiser recorded.
    await organiser.patch(`/api/v1/agenda/presenters/${ids.consented}`).send({ publishConsent: true }).expect(200);
    await t.anon().post(`/api/v1/public/nominations/response/${tokens.Refiloe}/withdraw`).send({}).expect(204);
    const after = await t.anon().get(`/api/v1/public/agenda/${slug}`).expect(200);
    expect(after.body.sessions[0].presenters).toEqual([]);
    await t.anon().get(`/api/v1/public/agenda/${slug}/presenters/${ids.consented}`).expect(404);
  });
});
