import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { MailWorker } from '../mail/mail-worker';
import { addMembers, aMember, anOpenForum } from '../test/fixtures';
import { createTestApp, type TestApp } from '../test/test-app';
import { SmtpSink } from '../test/smtp-sink';
import { CampaignsService } from './campaigns.service';

describe(CampaignsService.name, () => {
  let t: TestApp;
  let sink: SmtpSink;
  let organiser: Agent;
  let forum: { id: string; slug: string };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({ SMTP_URL: sink.url, MAIL_WORKER: 'off', MAIL_RATE_PER_SECOND: '0' });
    organiser = await t.signedIn('organiser');
    forum = await anOpenForum(organiser, { name: 'Basotho Diaspora Forum 2027', rsvpDeadline: '2027-03-25T21:59:00.000Z' });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('shows who will get the invitation and who will not, and why, before sending', async () => {
    await addMembers(t, [
      aMember({ countryCode: 'LS', region: 'Maseru', email: 'ok1@example.org', preferredLanguage: 'st', firstName: 'Lineo' }),
      aMember({ countryCode: 'LS', region: 'Maseru', email: 'ok2@example.org' }),
      aMember({ countryCode: 'LS', region: 'Maseru', email: null, phone: '+26658123456', firstName: 'Phone', lastName: 'Only' }),
      aMember({ countryCode: 'LS', region: 'Maseru', email: 'noconsent@example.org', consentInvitations: false }),
      aMember({ countryCode: 'LS', region: 'Maseru', email: 'pending@example.org', status: 'pending_confirmation' }),
    ]);
    const campaign = await organiser
      .post(`/api/v1/forums/${forum.id}/campaigns`)
      .send({ name: 'Lesotho residents', audience: { filter: { countries: ['LS'] } } })
      .expect(201);
    const audience = await organiser.get(`/api/v1/campaigns/${campaign.body.id}/audience`).expect(200);
    expect(audience.body).toMatchObject({
      willReceive: 2,
      skipped: { no_email: 1, no_consent: 1, not_confirmed: 1, already_invited: 0 },
    });
    expect(audience.body.examples.no_email).toEqual([{ id: expect.any(String), name: 'Phone Only' }]);

    const preview = await organiser.get(`/api/v1/campaigns/${campaign.body.id}/preview?locale=st`).expect(200);
    expect(preview.body.subject).toBe('U memeloa: Basotho Diaspora Forum 2027');
    expect(preview.body.text).toContain('Mmesa');
  });

  it('sends: one invitation and one email each, progress per state, and no second invitation later', async () => {
    const [campaign] = (await organiser.get(`/api/v1/forums/${forum.id}/campaigns`).expect(200)).body;
    await organiser.post(`/api/v1/campaigns/${campaign.id}/send`).send({}).expect(200);
    let progress = await organiser.get(`/api/v1/campaigns/${campaign.id}`).expect(200);
    expect(progress.body.campaign).toMatchObject({
      status: 'sent',
      invitedCount: 2,
      skipped: { no_email: 1, no_consent: 1, not_confirmed: 1 },
    });
    expect(progress.body.delivery).toEqual({ queued: 2 });

    await t.app.get(MailWorker).drainOnce();
    progress = await organiser.get(`/api/v1/campaigns/${campaign.id}`).expect(200);
    expect(progress.body.delivery).toEqual({ sent: 2 });
    const [mail] = sink.to('ok1@example.org');
    expect(mail.parsed.subject).toBe('U memeloa: Basotho Diaspora Forum 2027');
    expect(String(mail.parsed.html)).toMatch(/\/rsvp\/[A-Za-z0-9_-]{43}"/);

    const invitees = await organiser.get(`/api/v1/campaigns/${campaign.id}/invitees?state=delivered`).expect(200);
    expect(invitees.body.total).toBe(2);
    await organiser.post(`/api/v1/campaigns/${campaign.id}/send`).send({}).expect(409);

    const again = await organiser
      .post(`/api/v1/forums/${forum.id}/campaigns`)
      .send({ name: 'Again', audience: { filter: { countries: ['LS'] } } })
      .expect(201);
    const audience = await organiser.get(`/api/v1/campaigns/${again.body.id}/audience`).expect(200);
    expect(audience.body).toMatchObject({ willReceive: 0, skipped: { already_invited: 2 } });
  });

  it("gives each invitee a link to their own invitation, never another's", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Linkname${String.fromCharCode(65 + i)}`);
    await addMembers(
      t,
      names.map((firstName) => aMember({ countryCode: 'BW', firstName, email: `${firstName.toLowerCase()}@example.org` })),
    );
    const campaign = await organiser
      .post(`/api/v1/forums/${forum.id}/campaigns`)
      .send({ name: 'Botswana residents', audience: { filter: { countries: ['BW'] } } })
      .expect(201);
    await organiser.post(`/api/v1/campaigns/${campaign.body.id}/send`).send({}).expect(200);
    await t.app.get(MailWorker).drainOnce();
    for (const firstName of names) {
      const [mail] = sink.to(`${firstName.toLowerCase()}@example.org`);
      const token = /\/rsvp\/([A-Za-z0-9_-]{43})"/.exec(String(mail.parsed.html))![1];
      const page = await t.anon().get(`/api/v1/public/rsvp/${token}`).expect(200);
      expect(page.body.firstName).toBe(firstName);
    }
  });

  it('holds scheduled invitations until their time', async () => {
    await addMembers(t, [aMember({ countryCode: 'BW', region: null, email: 'later@example.org' })]);
    const campaign = await organiser
      .post(`/api/v1/forums/${forum.id}/campaigns`)
      .send({ name: 'Botswana', audience: { filter: { countries: ['BW'] } } })
      .expect(201);
    const at = new Date(Date.now() + 3 * 3600_000);
    const sent = await organiser
      .post(`/api/v1/campaigns/${campaign.body.id}/send`)
      .send({ scheduledAt: at.toISOString() })
      .expect(200);
    expect(Math.abs(new Date(sent.body.scheduledAt).getTime() - at.getTime())).toBeLessThan(1000);
    await t.app.get(MailWorker).drainOnce();
    expect(sink.to('later@example.org')).toHaveLength(0);
    t.setNow(new Date(at.getTime() + 1000));
    try {
      await t.app.get(MailWorker).drainOnce();
    } finally {
      t.setNow(undefined);
    }
    expect(sink.to('later@example.org')).toHaveLength(1);
  });

  it('cancels a scheduled campaign before its time: no invitation, link or email is left, and the member can be invited again', async () => {
    const [member] = await addMembers(t, [aMember({ countryCode: 'ZW', region: null, email: 'cancelled@example.org' })]);
    const make = (name: string) =>
      organiser
        .post(`/api/v1/forums/${forum.id}/campaigns`)
        .send({ name, audience: { memberIds: [member.id] } })
        .expect(201);
    const campaign = await make('Zimbabwe later');
    const at = new Date(Date.now() + 3 * 3600_000);
    await organiser.post(`/api/v1/campaigns/${campaign.body.id}/send`).send({ scheduledAt: at.toISOString() }).expect(200);
    const cancelled = await organiser.post(`/api/v1/campaigns/${campaign.body.id}/cancel`).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    const progress = await organiser.get(`/api/v1/campaigns/${campaign.body.id}`).expect(200);
    expect(progress.body.delivery).toEqual({});
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM invitations WHERE campaignId = ?', [campaign.body.id]);
    expect(Number(n)).toBe(0);
    const [mail] = await t.dataSource.query('SELECT state FROM messages WHERE memberId = ?', [member.id]);
    expect(mail.state).toBe('cancelled');
    t.setNow(new Date(at.getTime() + 1000));
    try {
      await t.app.get(MailWorker).drainOnce();
    } finally {
      t.setNow(undefined);
    }
    expect(sink.to('cancelled@example.org')).toHaveLength(0);
    const [audit] = await t.dataSource.query(
      "SELECT summary FROM audit_entries WHERE action = 'campaign.cancelled' AND targetId = ?",
      [campaign.body.id],
    );
    expect(audit.summary).toBe(`forum ${forum.id}; 1 invitations withdrawn; 1 emails cancelled`);

    // Twice, sending it after, or cancelling one that went out: 409, nothing changes.
    await organiser.post(`/api/v1/campaigns/${campaign.body.id}/cancel`).expect(409);
    await organiser.post(`/api/v1/campaigns/${campaign.body.id}/send`).send({}).expect(409);
    const again = await make('Zimbabwe now');
    await organiser.post(`/api/v1/campaigns/${again.body.id}/send`).send({}).expect(200);
    expect((await organiser.get(`/api/v1/campaigns/${again.body.id}`).expect(200)).body.campaign.invitedCount).toBe(1);
    await organiser.post(`/api/v1/campaigns/${again.body.id}/cancel`).expect(409);
    await organiser.post('/api/v1/campaigns/00000000-0000-4000-8000-000000000000/cancel').expect(404);
  });

  it('checks consent again when sending: a member who withdrew it gets nothing', async () => {
    const [member] = await addMembers(t, [aMember({ countryCode: 'NA', region: null, email: 'withdraws@example.org' })]);
    const campaign = await organiser
      .post(`/api/v1/forums/${forum.id}/campaigns`)
      .send({ name: 'Namibia', audience: { memberIds: [member.id] } })
      .expect(201);
    await organiser.post(`/api/v1/campaigns/${campaign.body.id}/send`).send({}).expect(200);
    await t.dataSource.query('UPDATE members SET consentInvitations = ? WHERE id = ?', [false, member.id]);
    await t.app.get(MailWorker).drainOnce();
    expect(sink.to('withdraws@example.org')).toHaveLength(0);
    const progress = await organiser.get(`/api/v1/campaigns/${campaign.body.id}`).expect(200);
    expect(progress.body.delivery).toEqual({ cancelled: 1 });
  });

  it('reminds those who have not answered, at most once per interval', async () => {
    const [campaign] = (await organiser.get(`/api/v1/forums/${forum.id}/campaigns`).expect(200)).body.filter(
      (c: { name: string }) => c.name === 'Lesotho residents',
    );
    await organiser.post(`/api/v1/campaigns/${campaign.id}/remind`).expect(200, { count: 0 }); // invited just now
    t.setNow(new Date(Date.now() + 73 * 3600_000));
    try {
      await organiser.post(`/api/v1/campaigns/${campaign.id}/remind`).expect(200, { count: 2 });
      await organiser.post(`/api/v1/campaigns/${campaign.id}/remind`).expect(200, { count: 0 });
      await t.app.get(MailWorker).drainOnce();
    } finally {
      t.setNow(undefined);
    }
    expect(sink.to('ok2@example.org').map((m) => m.parsed.subject)).toEqual([
      'You are invited: Basotho Diaspora Forum 2027',
      'Reminder: will you come to Basotho Diaspora Forum 2027?',
    ]);
  });

  it('refuses a campaign without a clear audience, and bad input, with field messages', async () => {
    const both = await organiser
      .post(`/api/v1/forums/${forum.id}/campaigns`)
      .send({ name: 'Both', audience: { filter: {}, memberIds: ['00000000-0000-4000-8000-000000000000'] } })
      .expect(400);
    expect(both.body.fields.audience).toBeDefined();
    const bad = await organiser
      .post(`/api/v1/forums/${forum.id}/campaigns`)
      .send({ name: '', audience: { memberIds: ['x'] } })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['audience.memberIds', 'name']);
    await organiser
      .post(`/api/v1/forums/00000000-0000-4000-8000-000000000000/campaigns`)
      .send({ name: 'Nowhere', audience: { filter: {} } })
      .expect(404);
  });

  it('answers two sends of one campaign at once with one 200 and one 409, inviting each member once', async () => {
    const members = await addMembers(t, [
      aMember({ countryCode: 'NA', region: 'Khomas' }),
      aMember({ countryCode: 'NA', region: 'Khomas' }),
    ]);
    const campaign = await organiser
      .post(`/api/v1/forums/${forum.id}/campaigns`)
      .send({ name: 'Namibia (race)', audience: { memberIds: members.map((m) => m.id) } })
      .expect(201);
    const other = await t.signedIn('organiser');
    const answers = await Promise.all(
      [organiser, other].map((agent) => agent.post(`/api/v1/campaigns/${campaign.body.id}/send`).send({})),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body).toMatchObject({
      error: 'conflict',
      message: expect.stringMatching(/^This campaign (is being|has been) sent already$/),
      correlationId: expect.any(String),
    });
    const [row] = await t.dataSource.query('SELECT COUNT(*) AS n FROM invitations WHERE campaignId = ?', [campaign.body.id]);
    expect(Number(row.n)).toBe(2);
    const progress = await organiser.get(`/api/v1/campaigns/${campaign.body.id}`).expect(200);
    expect(progress.body.campaign).toMatchObject({ status: 'sent', invitedCount: 2 });
  });
});
