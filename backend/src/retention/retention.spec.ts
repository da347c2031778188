import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { AuditEntry } from '../logging/audit/audit-entry.entity';
import { addAttendees, assignDoors, scan } from '../test/check-in-helpers';
import { addMembers, aMember, anOpenForum, inviteMembers, memberRow } from '../test/fixtures';
import { createTestApp, secondApp, type TestApp } from '../test/test-app';
import { nextDailyRun, retentionDueAt } from './retention-dates';
import { RetentionScheduler } from './retention-scheduler';

describe('Retention', () => {
  let t: TestApp;
  let organiser: Agent;
  let forum: { id: string };
  let other: { id: string };

  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
    organiser = await t.signedIn('organiser');
    // A forum over on 2027-04-09 keeping data 12 months (the default), and a later one keeping 24.
    other = await anOpenForum(organiser, {
      name: 'Later forum',
      startDate: '2027-09-01',
      endDate: '2027-09-02',
      retentionMonths: 24,
    });
    forum = await anOpenForum(organiser, { name: 'Retention forum' });
    const [member] = await addMembers(t, [aMember({ firstName: 'Retained', lastName: 'Answers' })]);
    const [token] = await inviteMembers(t, organiser, forum.id, [member]);
    await t
      .anon()
      .put(`/api/v1/public/rsvp/${token}`)
      .send({
        response: 'accepted',
        days: ['2027-04-08'],
        dietary: ['halal'],
        accessibility: ['wheelchair'],
        accessibilityNote: 'ramp please',
        arrivalCity: 'Bloemfontein',
      })
      .expect(200);
    const [walkIn] = await addAttendees(t, forum.id, [{ needs: ['hearing loop'] }], 50);
    const door = await t.signedIn('door');
    await assignDoors(t, forum.id);
    await door
      .post(`/api/v1/door/forums/${forum.id}/check-ins`)
      .send({ checkIns: [scan({ badgeNumber: walkIn.badgeNumber, door: 'North gate' })] })
      .expect((res) => expect(res.status).toBeLessThan(300));
  });
  afterAll(() => t.close());

  const scheduler = () => t.app.get(RetentionScheduler);
  // Sessions expire: an organiser signs in at the mocked time to read the panel.
  const staffNow = () => t.signedIn('organiser');
  const plan = async () => (await (await staffNow()).get('/api/v1/retention').expect(200)).body;
  const runs = () => t.dataSource.getRepository(AuditEntry).find({ where: { action: 'retention.run' }, order: { at: 'ASC' } });
  const held = async () => {
    const [inv] = await t.dataSource.query(
      'SELECT dietary, accessibilityNote, arrivalCity, days, response FROM invitations WHERE forumId = ?',
      [forum.id],
    );
    const needs = await t.dataSource.query('SELECT needs FROM attendees WHERE forumId = ? AND needs IS NOT NULL', [forum.id]);
    const doors = await t.dataSource.query("SELECT door, staffUserId FROM check_ins WHERE forumId = ? AND door <> ''", [
      forum.id,
    ]);
    const mail = await t.dataSource.query(
      "SELECT recipient, data FROM messages WHERE forumId = ? AND recipient <> 'removed after retention'",
      [forum.id],
    );
    return { inv, needs: needs.length, doors: doors.length, mail: mail.length };
  };

  it('shows each forum’s due date and what the run would touch', async () => {
    t.setNow(new Date('2028-04-09T01:00:00Z'));
    const body = await plan();
    t.setNow(undefined);
    expect(body.defaultMonths).toBe(12);
    expect(body.forums.map((f: { forumName: string }) => f.forumName)).toEqual(['Retention forum', 'Later forum']);
    expect(body.forums[0]).toMatchObject({ months: 12, ownSetting: false, dueAt: '2028-04-10T00:00:00.000Z', due: false });
    expect(body.forums[0].held).toEqual({ invitations: 1, attendees: 2, checkIns: 1, mail: 2 });
    expect(body.forums[1]).toMatchObject({ months: 24, ownSetting: true, dueAt: '2029-09-03T00:00:00.000Z' });
  });

  it('runs daily at the set hour, de-identifying a forum once it is due, and logs each run in the audit log', async () => {
    // A fresh installation's first run is at the next run hour (02:00 UTC by default).
    t.setNow(new Date('2028-04-09T01:00:00Z'));
    expect((await plan()).nextRunAt).toBe('2028-04-09T02:00:00.000Z');
    expect(await scheduler().tick()).toBe(false);
    expect((await plan()).nextRunAt).toBe('2028-04-09T02:00:00.000Z');

    // It runs at 02:00; the forum is not due yet, so nothing changes; the next check that day does nothing.
    t.setNow(new Date('2028-04-09T02:00:00Z'));
    expect(await scheduler().tick()).toBe(true);
    t.setNow(new Date('2028-04-09T02:05:00Z'));
    expect(await scheduler().tick()).toBe(false);
    expect(await held()).toMatchObject({ needs: 2, doors: 1, mail: 2 });

    // The next day's run: the forum ended 12 months ago.
    t.setNow(new Date('2028-04-10T02:00:05Z'));
    expect(await scheduler().tick()).toBe(true);
    const after = await held();
    expect(after).toEqual({
      inv: { dietary: null, accessibilityNote: null, arrivalCity: null, days: null, response: 'accepted' },
      needs: 0,
      doors: 0,
      mail: 0,
    });
    // The rows stay for counts: the invitation, the attendee, the check-in and the message.
    const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM check_ins WHERE forumId = ? AND result = 'admitted'", [
      forum.id,
    ]);
    expect(Number(n)).toBe(1);
    const [message] = await t.dataSource.query(
      "SELECT state, template FROM messages WHERE forumId = ? AND template = 'forum-invitation'",
      [forum.id],
    );
    expect(message).toEqual({ state: 'cancelled', template: 'forum-invitation' });
    // The later forum is untouched.
    const body = await plan();
    t.setNow(undefined);
    expect(body.forums.find((f: { forumId: string }) => f.forumId === other.id).due).toBe(false);
    expect(body.forums.find((f: { forumId: string }) => f.forumId === forum.id)).toMatchObject({
      due: true,
      held: { invitations: 0, attendees: 0, checkIns: 0, mail: 0 },
    });
    expect(body).toMatchObject({ nextRunAt: '2028-04-11T02:00:00.000Z', lastRunAt: '2028-04-10T02:00:05.000Z' });

    const logged = await runs();
    expect(logged.map((r) => [r.at.toISOString(), r.actorRole, r.summary])).toEqual([
      ['2028-04-09T02:00:00.000Z', 'system', '0 forums due (none); attendees 0, checkIns 0, invitations 0, mail 0'],
      ['2028-04-10T02:00:05.000Z', 'system', `1 forums due (${forum.id}); attendees 2, checkIns 1, invitations 1, mail 2`],
    ]);
  });

  it('runs once when two app processes share the database', async () => {
    const second = await secondApp(t);
    try {
      const at = new Date('2028-04-11T02:00:00Z');
      t.setNow(at);
      second.clock.now = () => at;
      const results = await Promise.all([scheduler().tick(), second.app.get(RetentionScheduler).tick(), scheduler().tick()]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await runs()).filter((r) => r.at.getTime() === at.getTime())).toHaveLength(1);
      // And the day after, whichever process checks first runs it, once.
      const next = new Date('2028-04-12T02:10:00Z');
      t.setNow(next);
      second.clock.now = () => next;
      expect(await second.app.get(RetentionScheduler).tick()).toBe(true);
      expect(await scheduler().tick()).toBe(false);
    } finally {
      t.setNow(undefined);
      await second.app.close();
    }
  });

  it('lists members holding no consent, untouched for the review period, for review (nothing is deleted)', async () => {
    const [quiet] = await addMembers(t, [memberRow({ firstName: 'Quiet', lastName: 'Noconsent' })]);
    await t.dataSource.query('UPDATE members SET createdAt = ?, updatedAt = ? WHERE id = ?', [
      '2025-01-01 00:00:00',
      '2025-01-01 00:00:00',
      quiet.id,
    ]);
    await addMembers(t, [{ ...aMember({ firstName: 'Consented' }) }]);
    t.setNow(new Date('2028-04-12T03:00:00Z'));
    const res = await (await staffNow()).get('/api/v1/retention/review').expect(200);
    t.setNow(undefined);
    expect(res.body).toMatchObject({ total: 1, reviewMonths: 24, untouchedSince: '2026-04-12T03:00:00.000Z' });
    expect(res.body.items).toEqual([expect.objectContaining({ id: quiet.id, firstName: 'Quiet', lastName: 'Noconsent' })]);
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM members WHERE id = ?', [quiet.id]);
    expect(Number(n)).toBe(1);
    await (await staffNow()).get('/api/v1/retention/review').query({ pageSize: 0 }).expect(400);
    await (await t.signedIn('registrar')).get('/api/v1/retention').expect(403);
  });

  it('takes a forum’s own period, within bounds', async () => {
    const organiser = await staffNow();
    const bad = await organiser.patch(`/api/v1/forums/${other.id}`).send({ retentionMonths: 0 }).expect(400);
    expect(bad.body.fields.retentionMonths).toEqual(['must be at least 1 month']);
    await organiser.patch(`/api/v1/forums/${other.id}`).send({ retentionMonths: 'soon' }).expect(400);
    const reset = await organiser.patch(`/api/v1/forums/${other.id}`).send({ retentionMonths: null }).expect(200);
    expect(reset.body.retentionMonths).toBeNull();
  });

  it('computes due dates and run times in UTC', () => {
    expect(retentionDueAt('2027-04-09', 12).toISOString()).toBe('2028-04-10T00:00:00.000Z');
    expect(retentionDueAt('2027-12-31', 1).toISOString()).toBe('2028-02-01T00:00:00.000Z');
    expect(nextDailyRun(new Date('2028-01-01T01:59:59Z'), 2).toISOString()).toBe('2028-01-01T02:00:00.000Z');
    expect(nextDailyRun(new Date('2028-01-01T02:00:00Z'), 2).toISOString()).toBe('2028-01-02T02:00:00.000Z');
  });
});
