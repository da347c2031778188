import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SmtpSink } from '../test/smtp-sink';
import { createTestApp, secondApp, type TestApp } from '../test/test-app';
import { claimSize, MailWorker } from './mail-worker';
import { MessageRepository } from './message.repository';
import { OutboxService } from './outbox.service';

const message = (n: number) => ({
  recipient: `lease${n}@example.org`,
  template: 'register-confirm',
  locale: 'en' as const,
  data: { firstName: `Member ${n}`, confirmUrl: `https://forum.example.org/register/confirm/t${n}` },
  idempotencyKey: `lease:${n}`,
});

describe('Outbox claims shared by two app processes', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let other: { app: NestFastifyApplication };
  const env = { MAIL_WORKER: 'off', MAIL_LEASE_SECONDS: '2', MAIL_RATE_PER_SECOND: '0' };
  const states = async (prefix: string) =>
    (await t.dataSource.query('SELECT state, COUNT(*) AS n FROM messages WHERE idempotencyKey LIKE ? GROUP BY state', [
      `${prefix}%`,
    ])) as { state: string; n: number | string }[];

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({ SMTP_URL: sink.url, ...env });
    other = await secondApp(t, { SMTP_URL: sink.url, ...env });
  });
  afterAll(async () => {
    await other.app.close();
    await t.close();
    await sink.stop();
  });

  it('keeps a slow batch to the worker sending it: its lease is renewed, the other worker takes nothing, nobody gets two', async () => {
    // 20 messages over 5 connections at 1.5 s each: 6 s of sending under a 2 s lease.
    sink.delayMs = 1500;
    try {
      await t.app.get(OutboxService).enqueue(Array.from({ length: 20 }, (_, n) => message(n)));
      const first = t.app.get(MailWorker).drainOnce();
      let done = false;
      void first.finally(() => (done = true));
      const takenByOther: number[] = [];
      while (!done) {
        await new Promise((r) => setTimeout(r, 400));
        takenByOther.push(await other.app.get(MailWorker).drainOnce());
      }
      expect(await first).toBe(20);
      expect(takenByOther.length).toBeGreaterThan(8);
      expect(takenByOther.every((n) => n === 0)).toBe(true);
    } finally {
      sink.delayMs = 0;
    }
    for (let n = 0; n < 20; n++) expect(sink.to(`lease${n}@example.org`)).toHaveLength(1);
    expect(await states('lease:')).toEqual([{ state: 'sent', n: expect.anything() }]);
    expect(Number((await states('lease:'))[0].n)).toBe(20);
  });

  it('lets only the current claim record an outcome: a claim that ran out of lease changes nothing', async () => {
    await t.app.get(OutboxService).enqueue([message(100), message(101)]);
    const repo = t.app.get(MessageRepository);
    const stalled = await repo.claim(new Date(), new Date(Date.now() - 1), 10, 'stalled-claim');
    expect(stalled.map((m) => m.idempotencyKey).sort()).toEqual(['lease:100', 'lease:101']);
    // The lease has run out: the other process retakes both and sends them.
    expect(await other.app.get(MailWorker).drainOnce()).toBe(2);
    const [a, b] = stalled;
    await repo.markRetry(a.id, 'stalled-claim', 1, new Date(), 'late answer');
    await repo.markFinal(b.id, 'stalled-claim', 'failed', 1, 'late answer');
    await repo.markSent([a.id, b.id], new Date(), 'stalled-claim');
    expect(await repo.renewLease('stalled-claim', new Date(Date.now() + 60_000))).toEqual(new Set());
    const rows = (await t.dataSource.query('SELECT state, lastError, leaseToken FROM messages WHERE idempotencyKey IN (?, ?)', [
      'lease:100',
      'lease:101',
    ])) as { state: string; lastError: string | null; leaseToken: string | null }[];
    expect(rows).toEqual([
      { state: 'sent', lastError: null, leaseToken: null },
      { state: 'sent', lastError: null, leaseToken: null },
    ]);
    expect(sink.to('lease100@example.org')).toHaveLength(1);
  });
});

describe(claimSize.name, () => {
  it('claims no more than half a lease can send at the mail rate, and at least one', () => {
    expect(claimSize(0, 120)).toBe(200);
    expect(claimSize(50, 120)).toBe(200);
    expect(claimSize(2, 10)).toBe(10);
    expect(claimSize(1, 2)).toBe(1);
    expect(claimSize(0.1, 2)).toBe(1);
  });
});
