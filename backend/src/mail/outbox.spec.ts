import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { Transactions } from '../database/transactions';
import { createTestApp, type TestApp } from '../test/test-app';
import { outboxTestbed } from '../test/outbox-testbed';
import { SmtpSink } from '../test/smtp-sink';
import { MailWorker } from './mail-worker';
import { MessageRepository } from './message.repository';
import { OutboxService } from './outbox.service';

const message = (n: number, over: Record<string, unknown> = {}) => ({
  recipient: `member${n}@example.org`,
  template: 'register-confirm',
  locale: 'en' as const,
  data: { firstName: `Member ${n}`, confirmUrl: `https://forum.example.org/register/confirm/t${n}` },
  idempotencyKey: `test:${n}`,
  ...over,
});

describe(OutboxService.name, () => {
  const bed = outboxTestbed();
  const stateOf = async (key: string) =>
    (
      await bed.t.dataSource.query('SELECT state, attempts, lastError, nextAttemptAt FROM messages WHERE idempotencyKey = ?', [
        key,
      ])
    )[0];

  it('delivers a queued message over SMTP and records it as sent', async () => {
    await bed.outbox.enqueue([message(1)]);
    expect(await bed.worker.drainOnce()).toBe(1);
    const [mail] = bed.sink.to('member1@example.org');
    expect(mail.parsed.subject).toBe('Confirm your registration with the Diaspora Directorate');
    expect(mail.parsed.text).toContain('https://forum.example.org/register/confirm/t1');
    expect(mail.parsed.messageId).toMatch(/@diaspora-forum>$/);
    expect(await stateOf('test:1')).toMatchObject({ state: 'sent', attempts: 0, lastError: null });
  });

  it('writes one message for one idempotency key, however often it is enqueued', async () => {
    await bed.outbox.enqueue([message(2)]);
    await bed.outbox.enqueue([message(2), message(2)]);
    await bed.worker.drainOnce();
    expect(bed.sink.to('member2@example.org')).toHaveLength(1);
  });

  it('sends nothing for a change that was rolled back', async () => {
    await expect(
      bed.t.app.get(Transactions).run(async (tx) => {
        await bed.outbox.enqueue([message(3)], tx);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await bed.worker.drainOnce()).toBe(0);
    expect(await stateOf('test:3')).toBeUndefined();
  });

  it('retries a temporary refusal later with backoff, then delivers', async () => {
    bed.sink.policy = (to) => (to === 'member4@example.org' ? { code: 451, message: 'Try again later' } : null);
    await bed.outbox.enqueue([message(4)]);
    await bed.worker.drainOnce();
    const retry = await stateOf('test:4');
    expect(retry).toMatchObject({ state: 'queued', attempts: 1 });
    expect(retry.lastError).toContain('451');
    expect(new Date(retry.nextAttemptAt).getTime()).toBeGreaterThan(Date.now() + 10_000);
    expect(await bed.worker.drainOnce()).toBe(0); // not due yet

    bed.sink.policy = () => null;
    bed.t.setNow(new Date(Date.now() + 60 * 60_000));
    expect(await bed.worker.drainOnce()).toBe(1);
    expect(await stateOf('test:4')).toMatchObject({ state: 'sent' });
    expect(bed.sink.to('member4@example.org')).toHaveLength(1);
  });

  it('gives up after the last attempt, keeping the reason', async () => {
    bed.sink.policy = () => ({ code: 421, message: 'Service busy' });
    await bed.outbox.enqueue([message(5)]);
    for (let i = 1; i <= 3; i++) {
      bed.t.setNow(new Date(Date.now() + i * 2 * 60 * 60_000));
      await bed.worker.drainOnce();
    }
    expect(await stateOf('test:5')).toMatchObject({ state: 'failed', attempts: 3 });
  });

  it('marks a permanent refusal failed at once with the server’s reason', async () => {
    bed.sink.policy = () => ({ code: 550, message: 'No such mailbox' });
    await bed.outbox.enqueue([message(6)]);
    await bed.worker.drainOnce();
    const failed = await stateOf('test:6');
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('550');
    expect(failed.lastError).toContain('No such mailbox');
  });

  it('takes back a message whose worker died while sending, once its lease has run out', async () => {
    await bed.outbox.enqueue([message(7)]);
    const repo = bed.t.app.get(MessageRepository);
    const claimed = await repo.claim(new Date(), new Date(Date.now() + 60_000), 10, 'dead-worker');
    expect(claimed.map((m) => m.idempotencyKey)).toContain('test:7');
    expect(await bed.worker.drainOnce()).toBe(0); // leased to the "dead" worker
    bed.t.setNow(new Date(Date.now() + 2 * 60_000));
    expect(await bed.worker.drainOnce()).toBe(1);
    expect(bed.sink.to('member7@example.org')).toHaveLength(1);
  });

  it('lets organisers read, retry and cancel messages through the API', async () => {
    bed.sink.policy = () => ({ code: 550, message: 'Rejected' });
    await bed.outbox.enqueue([message(8), message(9)]);
    await bed.worker.drainOnce();
    const organiser = await bed.t.signedIn('organiser');
    const failed = await organiser.get('/api/v1/mail/messages?state=failed').expect(200);
    const idOf = (recipient: string) =>
      failed.body.items.find((m: { recipient: string }) => m.recipient === recipient)?.id as string;
    const ids = [idOf('member8@example.org'), idOf('member9@example.org')];
    expect(ids.every(Boolean)).toBe(true);
    const detail = await organiser.get(`/api/v1/mail/messages/${ids[0]}`).expect(200);
    expect(detail.body.rendered.subject).toContain('Confirm your registration');
    await organiser
      .post('/api/v1/mail/messages/cancel')
      .send({ ids: [ids[1]] })
      .expect(200, { affected: 1 });
    bed.sink.policy = () => null;
    await organiser.post('/api/v1/mail/messages/retry').send({ ids }).expect(200, { affected: 1 });
    await bed.worker.drainOnce();
    expect(bed.sink.to('member8@example.org')).toHaveLength(1);
    expect(bed.sink.to('member9@example.org')).toHaveLength(0);
    await organiser
      .post('/api/v1/mail/messages/retry')
      .send({ ids: ['nope'] })
      .expect(400);
    const status = await organiser.get('/api/v1/mail/status').expect(200);
    expect(status.body.delivering).toBe(true);
    const preview = await organiser.get('/api/v1/mail/templates/register-welcome/preview?locale=st').expect(200);
    expect(preview.body.subject).toBe('U se u le ngolisong ea diaspora');
    await organiser.get('/api/v1/mail/templates/nothing/preview').expect(404);
  });
});

describe('mail worker at shutdown', () => {
  it('finishes the message in hand and records it before the database closes', async () => {
    const sink = await new SmtpSink().start();
    const t = await createTestApp({ SMTP_URL: sink.url, MAIL_RATE_PER_SECOND: '0' });
    try {
      sink.hold();
      await t.app.get(OutboxService).enqueue([message(1)]);
      await sink.waitForHeld();
      // The server answers only once the shutdown has reached the worker: a worker that did not finish
      // its round there would let the database close first, and the row would not say 'sent'.
      const worker = t.app.get(MailWorker);
      const shutdownReached = new Promise<void>((resolve) => {
        const stop = worker.beforeApplicationShutdown.bind(worker);
        worker.beforeApplicationShutdown = () => {
          resolve();
          return stop();
        };
      });
      const closing = t.app.close();
      await shutdownReached;
      sink.release();
      await closing;
      // The app and its data source are closed: read the row as a later process would.
      const stored = await readAfterClose(t, "SELECT state FROM messages WHERE idempotencyKey = 'test:1'");
      expect(stored).toEqual([{ state: 'sent' }]);
      expect(sink.to('member1@example.org')).toHaveLength(1);
    } finally {
      await t.db.drop();
      await sink.stop();
    }
  });
});

async function readAfterClose(t: TestApp, sql: string): Promise<unknown[]> {
  if (t.db.target.type === 'sqlite') {
    const db = new Database(t.db.target.file, { readonly: true });
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  }
  const conn = await createConnection({ uri: t.db.url!.replace(/^mariadb:/, 'mysql:') });
  try {
    return (await conn.query(sql))[0] as unknown[];
  } finally {
    await conn.end();
  }
}

describe('outbox without SMTP', () => {
  it('holds messages for the console instead of dropping them, and refuses to retry them', async () => {
    const t = await createTestApp({ MAIL_WORKER: 'off' });
    try {
      await t.app.get(OutboxService).enqueue([message(1)]);
      const organiser = await t.signedIn('organiser');
      const status = await organiser.get('/api/v1/mail/status').expect(200);
      expect(status.body).toMatchObject({ delivering: false, counts: { held: 1 } });
      const held = await organiser.get('/api/v1/mail/messages?state=held').expect(200);
      expect(held.body.items[0]).toMatchObject({ recipient: 'member1@example.org', state: 'held' });
      await organiser.post('/api/v1/mail/messages/retry').send({ ids: 'all' }).expect(409);
    } finally {
      await t.close();
    }
  });
});
