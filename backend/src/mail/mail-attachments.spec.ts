import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SmtpSink } from '../test/smtp-sink';
import { createTestApp, type TestApp } from '../test/test-app';
import { MailAttachments } from './mail-attachments';
import { MailWorker } from './mail-worker';
import { OutboxService } from './outbox.service';

describe(MailAttachments.name, () => {
  let sink: SmtpSink;
  let t: TestApp;
  let failNext = true;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({ SMTP_URL: sink.url, MAIL_WORKER: 'off', MAIL_RATE_PER_SECOND: '0' });
    t.app.get(MailAttachments).register('note', async (value) => {
      if (failNext) throw new Error('database busy');
      return { filename: 'note.txt', contentType: 'text/plain', content: Buffer.from(String(value)) };
    });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('attaches what a provider makes at sending, and tries again later when it cannot make it yet', async () => {
    const sample = { firstName: 'Lineo', forumName: 'Forum', venue: 'Maseru', days: [], badgeNumber: 1, rsvpUrl: 'x' };
    await t.app.get(OutboxService).enqueue([
      {
        recipient: 'note@example.org',
        template: 'rsvp-confirmation',
        locale: 'en',
        idempotencyKey: 'note-1',
        data: { ...sample, note: 'Zoë Ntšekhe' },
      },
    ]);
    await t.app.get(MailWorker).drainOnce();
    const [row] = await t.dataSource.query("SELECT state, attempts, lastError FROM messages WHERE idempotencyKey = 'note-1'");
    expect(row).toMatchObject({ state: 'queued', lastError: 'attachment: database busy' });
    expect(Number(row.attempts)).toBe(1);
    expect(sink.to('note@example.org')).toHaveLength(0);

    failNext = false;
    t.setNow(new Date(Date.now() + 3 * 60 * 60_000));
    await t.app.get(MailWorker).drainOnce();
    t.setNow(undefined);
    const [mail] = sink.to('note@example.org');
    expect(mail.parsed.attachments.map((a) => [a.filename, a.content.toString('utf8')])).toEqual([['note.txt', 'Zoë Ntšekhe']]);
  });
});
