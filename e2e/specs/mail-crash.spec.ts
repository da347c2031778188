import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../../backend/src/test/eventually';
import { SmtpSink } from '../../backend/src/test/smtp-sink';
import { signedInFetch } from '../support/api';
import { type RunningApp, setupOrganiser, startApp } from '../support/app';

const MEMBERS = 500;
const env = { MAIL_RATE_PER_SECOND: '60', MAIL_LEASE_SECONDS: '3' };

describe('a campaign survives the app being killed half-way', () => {
  let sink: SmtpSink;
  let app: RunningApp;

  beforeAll(async () => {
    sink = await new SmtpSink(false).start();
    app = await startApp({ ...env, SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.stop();
  });

  it('delivers each of 500 invitations exactly once after a SIGKILL and a restart', async () => {
    const organiser = await signedInFetch(app, await setupOrganiser(app));
    const forum = await organiser('POST', '/api/v1/forums', {
      name: 'Crash-proof forum',
      venue: 'Maseru',
      startDate: '2027-04-08',
      endDate: '2027-04-09',
      capacity: 1000,
      status: 'open',
    });
    for (let i = 0; i < MEMBERS; i += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, MEMBERS - i) }, (_, k) =>
          organiser('POST', '/api/v1/members', {
            firstName: `Member${i + k}`,
            lastName: 'Mokoena',
            email: `crash${i + k}@example.org`,
            countryCode: 'LS',
            consent: { invitations: true, updates: false, method: 'paper_form' },
          }),
        ),
      );
    }
    const campaign = await organiser('POST', `/api/v1/forums/${forum.id}/campaigns`, {
      name: 'Everyone',
      audience: { filter: { countries: ['LS'] } },
    });
    await organiser('POST', `/api/v1/campaigns/${campaign.id}/send`, {});

    // Mid-campaign: the mail server stops answering (messages in flight stay unacknowledged),
    // the app is killed outright, and the messages it had not seen acknowledged are not delivered.
    await sink.waitFor(100, 30_000);
    sink.hold();
    await sink.waitForHeld();
    const port = Number(new URL(app.url).port);
    await app.kill();
    await sink.waitForDisconnects();
    const before = sink.mails.length;
    expect(before).toBeGreaterThanOrEqual(100);
    expect(before).toBeLessThan(MEMBERS);
    sink.release();

    app = await startApp({ ...env, SMTP_URL: sink.url }, { db: app.db, port });
    await sink.waitFor(MEMBERS, 60_000);
    // Nothing more may come: once no message is queued or being sent, each one is recorded as sent
    // (after its server acknowledged it), so a duplicate would already be in the sink.
    await eventually(
      async () => {
        const { counts } = (await organiser('GET', '/api/v1/mail/status')) as unknown as { counts: Record<string, number> };
        return counts.queued + counts.sending === 0;
      },
      'the outbox to have nothing queued or sending',
      { timeoutMs: 30_000, everyMs: 200 },
    );
    const perRecipient = new Map<string, number>();
    for (const mail of sink.mails) perRecipient.set(mail.to, (perRecipient.get(mail.to) ?? 0) + 1);
    expect(perRecipient.size).toBe(MEMBERS);
    expect([...perRecipient.values()].filter((n) => n !== 1)).toEqual([]);
  }, 180_000);
});
