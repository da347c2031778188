import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import type { Agent } from 'supertest';
import { hashToken } from '../../common/tokens';
import { CALENDAR_KEY } from '../../mail/mail-renderer';
import { addMembers, aMember, anOpenForum, inviteMembers, linkTokenOf } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { INVALID_RSVP_LINK, RsvpService } from './rsvp.service';

describe(RsvpService.name, () => {
  let t: TestApp;
  let organiser: Agent;

  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    organiser = await t.signedIn('organiser');
  });
  afterAll(() => t.close());

  /** Invites new members to the forum and returns each one's personal link token. */
  const invite = async (forumId: string, count: number, over = {}): Promise<string[]> =>
    inviteMembers(
      t,
      organiser,
      forumId,
      await addMembers(
        t,
        Array.from({ length: count }, () => aMember(over)),
      ),
    );
  const invitationOf = async (token: string): Promise<string> =>
    (await t.dataSource.query('SELECT invitationId FROM invitation_tokens WHERE tokenHash = ?', [hashToken(token)]))[0]
      .invitationId;
  const lastMessage = async (template: string, memberEmail?: string) =>
    (
      await t.dataSource.query(
        `SELECT id, recipient, data FROM messages WHERE template = ? ${memberEmail ? 'AND recipient = ?' : ''} ORDER BY createdAt DESC`,
        memberEmail ? [template, memberEmail] : [template],
      )
    )[0] as { id: string; recipient: string; data: string } | undefined;
  const accept = (token: string, body: Record<string, unknown> = {}) =>
    t
      .anon()
      .put(`/api/v1/public/rsvp/${token}`)
      .send({ response: 'accepted', ...body });

  it('opens with the personal link alone, shows the forum in the invitee’s language, and records the opening', async () => {
    const forum = await anOpenForum(organiser, { name: 'Forum for viewing' });
    const [token] = await invite(forum.id, 1, { firstName: 'Palesa', preferredLanguage: 'st' });
    const view = await t.anon().get(`/api/v1/public/rsvp/${token}`).expect(200);
    expect(view.body).toMatchObject({
      firstName: 'Palesa',
      locale: 'st',
      open: true,
      response: null,
      forum: { name: 'Forum for viewing', days: ['2027-04-08', '2027-04-09'] },
    });
    const [row] = await t.dataSource.query('SELECT openedAt FROM invitations WHERE id = ?', [await invitationOf(token)]);
    expect(row.openedAt).toBeTruthy();
  });

  it('accepts: an attendee with a badge number, and a confirmation whose calendar file has the right times', async () => {
    const forum = await anOpenForum(organiser, { name: 'Forum for accepting' });
    const [token] = await invite(forum.id, 1, { firstName: 'Thabo', email: 'thabo.accepts@example.org' });
    const res = await accept(token, {
      days: ['2027-04-09'],
      dietary: ['halal'],
      accessibility: ['wheelchair'],
      accessibilityNote: 'ramp please',
      arrivalCountry: 'ZA',
      arrivalCity: 'Bloemfontein',
    }).expect(200);
    expect(res.body).toMatchObject({
      response: 'accepted',
      confirmed: true,
      waitingPosition: null,
      badgeNumber: 1,
      days: ['2027-04-09'],
      dietary: ['halal'],
    });
    const attendees = await organiser.get(`/api/v1/forums/${forum.id}/attendees`).expect(200);
    expect(attendees.body).toEqual([
      expect.objectContaining({
        firstName: 'Thabo',
        role: 'attendee',
        badgeNumber: 1,
        status: 'confirmed',
        needs: ['wheelchair', 'ramp please'],
      }),
    ]);

    const confirmation = await lastMessage('rsvp-confirmation', 'thabo.accepts@example.org');
    const ics = JSON.parse(confirmation!.data)[CALENDAR_KEY] as string;
    const [event] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(event.summary).toBe('Forum for accepting');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-04-09T06:00:00.000Z'); // 08:00 in Maseru
  });

  it('refuses bad answers with field messages and changes nothing', async () => {
    const forum = await anOpenForum(organiser);
    const [token] = await invite(forum.id, 1);
    const bad = await t
      .anon()
      .put(`/api/v1/public/rsvp/${token}`)
      .send({ response: 'perhaps', dietary: ['chocolate'], arrivalCountry: 'Lesotho' })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['arrivalCountry', 'dietary', 'response']);
    const wrongDay = await accept(token, { days: ['2027-05-01'] }).expect(400);
    expect(wrongDay.body.fields.days[0]).toContain('not a day of this forum');
    const view = await t.anon().get(`/api/v1/public/rsvp/${token}`).expect(200);
    expect(view.body.response).toBeNull();
  });

  it('gives unknown, revoked and re-issued-away links the same answer', async () => {
    const forum = await anOpenForum(organiser);
    const [first, second] = await invite(forum.id, 2);
    const unknown = await t.anon().get('/api/v1/public/rsvp/not-a-real-token-at-all-0123456789').expect(404);
    expect(unknown.body.message).toBe(INVALID_RSVP_LINK);

    await organiser.post(`/api/v1/invitations/${await invitationOf(first)}/revoke`).expect(204);
    expect((await t.anon().get(`/api/v1/public/rsvp/${first}`).expect(404)).body.message).toBe(INVALID_RSVP_LINK);
    await t.anon().put(`/api/v1/public/rsvp/${first}`).send({ response: 'accepted' }).expect(404);

    const secondId = await invitationOf(second);
    await organiser.post(`/api/v1/invitations/${secondId}/reissue`).expect(204);
    await t.anon().get(`/api/v1/public/rsvp/${second}`).expect(404);
    const [row] = await t.dataSource.query(
      "SELECT id FROM messages WHERE template = 'forum-invitation' AND idempotencyKey LIKE ? ORDER BY createdAt DESC",
      [`invitation:${secondId}:%`],
    );
    await t
      .anon()
      .get(`/api/v1/public/rsvp/${await linkTokenOf(t, row.id, 'rsvpUrl')}`)
      .expect(200);
  });

  it('lets the answer change until the deadline, and not after', async () => {
    const forum = await anOpenForum(organiser, {
      rsvpDeadline: new Date(Date.now() + 86_400_000).toISOString().slice(0, 19) + 'Z',
      startDate: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
      endDate: new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10),
    });
    const [token] = await invite(forum.id, 1);
    await t.anon().put(`/api/v1/public/rsvp/${token}`).send({ response: 'tentative' }).expect(200);
    await accept(token).expect(200);
    t.setNow(new Date(Date.now() + 2 * 86_400_000));
    try {
      const late = await t.anon().put(`/api/v1/public/rsvp/${token}`).send({ response: 'declined' }).expect(409);
      expect(late.body.message).toContain('closed');
      expect((await t.anon().get(`/api/v1/public/rsvp/${token}`).expect(200)).body).toMatchObject({
        open: false,
        response: 'accepted',
      });
    } finally {
      t.setNow(undefined);
    }
  });

  it('never admits more than capacity: 200 accepting at once on 50 places gives 50 places and 150 waiting in order', async () => {
    const forum = await anOpenForum(organiser, { capacity: 50 });
    const tokens = await invite(forum.id, 200);
    const results = await Promise.all(tokens.map((token) => accept(token)));
    expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    expect(results.filter((r) => r.body.confirmed)).toHaveLength(50);
    const waiting = results.filter((r) => r.body.waitingPosition !== null).map((r) => r.body.waitingPosition as number);
    expect(waiting.sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    const [{ placesTaken }] = await t.dataSource.query('SELECT placesTaken FROM forums WHERE id = ?', [forum.id]);
    expect(Number(placesTaken)).toBe(50);
    const badges: { badgeNumber: number }[] = await t.dataSource.query(
      "SELECT badgeNumber FROM attendees WHERE forumId = ? AND status = 'confirmed'",
      [forum.id],
    );
    expect(new Set(badges.map((b) => Number(b.badgeNumber))).size).toBe(50);

    // A place given up goes to the first in line, who is told by email with a fresh link.
    const holder = tokens[results.findIndex((r) => r.body.confirmed)];
    const first = tokens[results.findIndex((r) => r.body.waitingPosition === 1)];
    await t.anon().put(`/api/v1/public/rsvp/${holder}`).send({ response: 'declined', declineReason: 'travel' }).expect(200);
    expect((await t.anon().get(`/api/v1/public/rsvp/${first}`).expect(200)).body).toMatchObject({
      confirmed: true,
      waitingPosition: null,
    });
    const offered = await lastMessage('rsvp-place-offered');
    expect(offered).toBeDefined();
    await t
      .anon()
      .get(`/api/v1/public/rsvp/${await linkTokenOf(t, offered!.id, 'rsvpUrl')}`)
      .expect(200);
    const second = tokens[results.findIndex((r) => r.body.waitingPosition === 2)];
    expect((await t.anon().get(`/api/v1/public/rsvp/${second}`).expect(200)).body.waitingPosition).toBe(1);

    // Raising the capacity lets the next ones in at once.
    await organiser.patch(`/api/v1/forums/${forum.id}`).send({ capacity: 52 }).expect(200);
    expect((await t.anon().get(`/api/v1/public/rsvp/${second}`).expect(200)).body.confirmed).toBe(true);
    const lowered = await organiser.patch(`/api/v1/forums/${forum.id}`).send({ capacity: 10 }).expect(400);
    expect(lowered.body.fields.capacity[0]).toContain('already taken');
  });
});
