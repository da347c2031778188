import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Agent } from 'supertest';
import { MailWorker } from '../../mail/mail-worker';
import { addMembers, aMember, anOpenForum, inviteMembers } from '../../test/fixtures';
import { binary, poppler } from '../../test/pdf-tools';
import { SmtpSink } from '../../test/smtp-sink';
import { createTestApp, type TestApp } from '../../test/test-app';
import { INVALID_RSVP_LINK } from './rsvp.service';

describe('the invitee’s badge', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let organiser: Agent;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({ SMTP_URL: sink.url, MAIL_WORKER: 'off', MAIL_RATE_PER_SECOND: '0' });
    organiser = await t.signedIn('organiser');
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const invite = (forumId: string, members: { id: string }[]) => inviteMembers(t, organiser, forumId, members);
  const badge = (token: string) => t.anon().get(`/api/v1/public/rsvp/${token}/badge.pdf`).buffer(true).parse(binary);
  const notFound = async (token: string) => {
    const res = await t.anon().get(`/api/v1/public/rsvp/${token}/badge.pdf`).expect(404);
    expect(res.body.message).toBe(INVALID_RSVP_LINK);
  };

  it('is downloadable through the personal link once the place is confirmed, and not before or after', async () => {
    const forum = await anOpenForum(organiser, { name: 'Badge link forum' });
    const members = await addMembers(t, [aMember({ firstName: 'Zoë', lastName: 'Ntšekhe' }), aMember()]);
    // One campaign each: a campaign of several currently mixes up their links (TypeORM re-select by index; reported).
    const [token] = await invite(forum.id, [members.find((m) => m.firstName === 'Zoë')!]);
    const [other] = await invite(forum.id, [members.find((m) => m.firstName !== 'Zoë')!]);
    await notFound(token);
    await notFound('not-a-real-token');
    await t.anon().put(`/api/v1/public/rsvp/${token}`).send({ response: 'accepted' }).expect(200);
    const res = await badge(token).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = poppler('pdftotext', res.body as Buffer);
    expect(text).toContain('Zoë');
    expect(text).toContain('Ntšekhe');
    expect(text).toContain('Badge link forum');

    await t.anon().put(`/api/v1/public/rsvp/${other}`).send({ response: 'declined' }).expect(200);
    await notFound(other);
    await t.anon().put(`/api/v1/public/rsvp/${token}`).send({ response: 'declined' }).expect(200);
    await notFound(token);
  });

  it('comes with the confirmation email as a PDF, drawn at sending', async () => {
    const forum = await anOpenForum(organiser, { name: 'Badge mail forum' });
    const [member] = await addMembers(t, [
      aMember({ firstName: 'Lineo', lastName: 'Letšabisa', email: 'lineo.badge@example.org' }),
    ]);
    const [token] = await invite(forum.id, [member]);
    await t.app.get(MailWorker).drainOnce();
    await t.anon().put(`/api/v1/public/rsvp/${token}`).send({ response: 'accepted' }).expect(200);
    await t.app.get(MailWorker).drainOnce();
    const confirmation = sink.to('lineo.badge@example.org').find((m) => m.parsed.subject?.includes('confirmed'))!;
    expect(confirmation).toBeDefined();
    const pdf = confirmation.parsed.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(pdf.filename).toMatch(/^badge-\d+\.pdf$/);
    expect(confirmation.parsed.attachments.map((a) => a.contentType).sort()).toEqual(['application/pdf', 'text/calendar']);
    const text = poppler('pdftotext', pdf.content);
    expect(text).toContain('Letšabisa');
    expect(text).toContain('ATTENDEE');
    expect(String(confirmation.parsed.text).replace(/\s+/g, ' ')).toContain('Your badge is attached as a PDF');
  });
});
