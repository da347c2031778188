import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SmtpSink } from '../test/smtp-sink';
import { StallingProxy } from '../test/stalling-proxy';
import { createTestApp, type TestApp } from '../test/test-app';
import { MailWorker } from './mail-worker';
import { OutboxService } from './outbox.service';

describe('a mail relay that stalls', () => {
  let sink: SmtpSink;
  let relay: StallingProxy;
  let t: TestApp;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    relay = await new StallingProxy(sink.url).start();
    t = await createTestApp({ SMTP_URL: relay.url, SMTP_TIMEOUT_SECONDS: '1', MAIL_WORKER: 'off', MAIL_RATE_PER_SECOND: '0' });
  });
  afterAll(async () => {
    await t.close();
    await relay.stop();
    await sink.stop();
  });

  it('fails the send within the timeout and retries it, so every message is delivered once the relay answers', async () => {
    const messages = Array.from({ length: 3 }, (_, n) => ({
      recipient: `stalled${n}@example.org`,
      template: 'register-confirm',
      locale: 'en' as const,
      data: { firstName: `Member ${n}`, confirmUrl: `https://forum.example.org/register/confirm/s${n}` },
      idempotencyKey: `stalled:${n}`,
    }));
    relay.stalled = true;
    await t.app.get(OutboxService).enqueue(messages);
    const started = Date.now();
    expect(await t.app.get(MailWorker).drainOnce()).toBe(3);
    expect(Date.now() - started).toBeLessThan(8_000);
    const rows = (await t.dataSource.query(
      "SELECT state, attempts, lastError FROM messages WHERE idempotencyKey LIKE 'stalled:%'",
    )) as { state: string; attempts: number; lastError: string }[];
    expect(rows.map((r) => [r.state, Number(r.attempts)])).toEqual([
      ['queued', 1],
      ['queued', 1],
      ['queued', 1],
    ]);
    expect(rows[0].lastError).toMatch(/greeting|timeout/i);

    relay.stalled = false;
    t.setNow(new Date(Date.now() + 3 * 3600_000));
    try {
      expect(await t.app.get(MailWorker).drainOnce()).toBe(3);
    } finally {
      t.setNow(undefined);
    }
    for (let n = 0; n < 3; n++) expect(sink.to(`stalled${n}@example.org`)).toHaveLength(1);
  });
});
