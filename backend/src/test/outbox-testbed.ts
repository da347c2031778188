import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { MailWorker } from '../mail/mail-worker';
import { OutboxService } from '../mail/outbox.service';
import { SmtpSink } from './smtp-sink';
import { createTestApp, type TestApp } from './test-app';

export interface OutboxTestbed {
  sink: SmtpSink;
  t: TestApp;
  outbox: OutboxService;
  worker: MailWorker;
}

/**
 * For the describe block it is called in: an app whose mail worker is driven by hand
 * (`worker.drainOnce()`), sending to a real SMTP sink, with three attempts and no rate limit. Each
 * test starts with a sink that accepts everything and the real clock.
 */
export function outboxTestbed(): OutboxTestbed {
  const bed = {} as OutboxTestbed;
  beforeAll(async () => {
    bed.sink = await new SmtpSink().start();
    bed.t = await createTestApp({
      SMTP_URL: bed.sink.url,
      MAIL_WORKER: 'off',
      MAIL_MAX_ATTEMPTS: '3',
      MAIL_RATE_PER_SECOND: '0',
    });
    bed.outbox = bed.t.app.get(OutboxService);
    bed.worker = bed.t.app.get(MailWorker);
  });
  afterEach(() => {
    bed.sink.policy = () => null;
    bed.t.setNow(undefined);
  });
  afterAll(async () => {
    await bed.t.close();
    await bed.sink.stop();
  });
  return bed;
}
