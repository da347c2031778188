import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RateLimiterMemory, RateLimiterQueue } from 'rate-limiter-flexible';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailAttachments } from './mail-attachments';
import { MailRenderer } from './mail-renderer';
import { MailTransport, SendFailure } from './mail-transport';
import { type ClaimedMessage, MessageRepository } from './message.repository';
import { MessageSecrets } from './message-secrets';

const BATCH = 200;
/** Sends in flight at once; the transport's pool holds 5 connections, the rest wait there, so none idles. */
const PARALLEL = 10;
/** Sent messages are recorded in small groups, within this long: few statements, and a tiny window for a crash. */
const RECORD_EVERY_MS = 10;
const IDLE_POLL_MS = 1_000;
const RETRY_BASE_MS = 30_000;
const RETRY_MAX_MS = 60 * 60_000;

/**
 * Drains the outbox: claims due messages, checks consent as it is now, renders, sends, and
 * records the outcome. Temporary failures come back later with exponential backoff and jitter;
 * permanent ones (5xx) fail with the server's reason. Runs in the app process unless MAIL_WORKER=off.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailWorker.name);
  private readonly pace?: RateLimiterQueue;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly messages: MessageRepository,
    private readonly renderer: MailRenderer,
    private readonly attachments: MailAttachments,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    private readonly secrets: MessageSecrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const rate = config.mail.ratePerSecond;
    if (rate > 0)
      this.pace = new RateLimiterQueue(new RateLimiterMemory({ points: rate, duration: 1 }), { maxQueueSize: 100_000 });
  }

  onApplicationBootstrap(): void {
    if (this.config.mail.worker && this.transport.configured) this.start();
  }

  /** Finishes the round in hand before the database closes (that happens in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Claims and delivers one batch; returns how many messages it handled. Tests call it directly. */
  async drainOnce(): Promise<number> {
    const claim = new Claim(randomUUID(), this.messages, () => this.leaseEnd(), this.config.mail.leaseSeconds);
    const claimed = await this.messages.claim(this.clock.now(), this.leaseEnd(), this.batchSize(), claim.token);
    const sent = new SentRecorder((ids) => this.messages.markSent(ids, this.clock.now(), claim.token), RECORD_EVERY_MS);
    let next = 0;
    claim.renewWhileSending(claimed.map((m) => m.id));
    try {
      await Promise.all(
        Array.from({ length: Math.min(PARALLEL, claimed.length) }, async () => {
          while (next < claimed.length) {
            const message = claimed[next++];
            // Retaken by another worker while this one stalled past the lease: it is theirs to send now.
            if (claim.holds(message.id)) await this.deliver(message, claim.token, sent);
          }
        }),
      );
    } finally {
      claim.stop();
      await sent.flush();
    }
    return claimed.length;
  }

  private leaseEnd(): Date {
    return new Date(this.clock.now().getTime() + this.config.mail.leaseSeconds * 1000);
  }

  private batchSize(): number {
    return claimSize(this.config.mail.ratePerSecond, this.config.mail.leaseSeconds);
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if ((await this.drainOnce()) > 0) continue;
      } catch (error) {
        this.logger.error({ err: error }, 'Mail worker round failed; trying again shortly');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, IDLE_POLL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async deliver(message: ClaimedMessage, token: string, sent: SentRecorder): Promise<void> {
    const refusal = this.refusal(message);
    if (refusal) return this.messages.markFinal(message.id, token, 'cancelled', message.attempts, refusal);
    const attempts = message.attempts + 1;
    try {
      const rendered = this.renderer.render(message.template, message.locale, { ...message.data, ...this.opened(message) });
      // An attachment that could not be made now (e.g. the database is busy) is worth another try later.
      const made = await this.attachments.resolve(message.data).catch((error: unknown) => {
        throw new SendFailure(`attachment: ${error instanceof Error ? error.message : String(error)}`, false);
      });
      const mail = made.length ? { ...rendered, attachments: [...(rendered.attachments ?? []), ...made] } : rendered;
      await this.pace?.removeTokens(1);
      // A stable Message-ID: if a send is repeated after a crash, mail systems can tell it is the same message.
      await this.transport.send(message.recipient, mail, `<${message.id}@diaspora-forum>`);
      sent.add(message.id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const permanent = !(error instanceof SendFailure) || error.permanent;
      if (permanent || attempts >= this.config.mail.maxAttempts) {
        this.logger.warn({ messageId: message.id, template: message.template, attempts }, `Message failed: ${reason}`);
        return this.messages.markFinal(message.id, token, 'failed', attempts, reason);
      }
      const delay = Math.min(RETRY_BASE_MS * 2 ** (attempts - 1), RETRY_MAX_MS) * (0.5 + Math.random());
      await this.messages.markRetry(message.id, token, attempts, new Date(this.clock.now().getTime() + delay), reason);
    }
  }

  /** The message's personal links, unsealed only here, for the email itself; a seal that does not open never will. */
  private opened(message: ClaimedMessage): Record<string, string> {
    if (!message.sealedSecrets) return {};
    try {
      return this.secrets.open(message.sealedSecrets, message);
    } catch {
      throw new SendFailure('its personal link cannot be unsealed (was APP_SECRET changed?)', true);
    }
  }

  /** Consent is what the member says now, not what it was when the message was queued. */
  private refusal(message: ClaimedMessage): string | null {
    if (!message.memberId) return null;
    if (message.memberStatus === null || message.memberStatus === 'erased') return 'the member is no longer in the register';
    const needed = this.renderer.consentNeeded(message.template);
    if (needed === 'invitations' && !message.memberConsentInvitations) return 'the member has not consented to invitations';
    if (needed === 'updates' && !message.memberConsentUpdates) return 'the member has not consented to updates';
    return null;
  }
}

/**
 * How many messages one round claims: no more than the worker can send in half its lease at the
 * mail rate (0: unpaced), so a claim is never outlived by design; renewal covers a slow relay.
 */
export function claimSize(ratePerSecond: number, leaseSeconds: number): number {
  return ratePerSecond > 0 ? Math.max(1, Math.min(BATCH, Math.floor((ratePerSecond * leaseSeconds) / 2))) : BATCH;
}

/**
 * One round's claim on its messages: while it sends, the lease is renewed every third of its
 * length, and what another worker has retaken (this process stalled past the lease) is dropped.
 */
class Claim {
  private owned = new Set<string>();
  private timer?: NodeJS.Timeout;
  private readonly logger = new Logger(MailWorker.name);

  constructor(
    readonly token: string,
    private readonly messages: MessageRepository,
    private readonly leaseEnd: () => Date,
    private readonly leaseSeconds: number,
  ) {}

  renewWhileSending(ids: string[]): void {
    this.owned = new Set(ids);
    if (!ids.length) return;
    this.timer = setInterval(() => void this.renew(), (this.leaseSeconds * 1000) / 3);
  }

  holds(id: string): boolean {
    return this.owned.has(id);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async renew(): Promise<void> {
    try {
      const still = await this.messages.renewLease(this.token, this.leaseEnd());
      for (const id of this.owned) if (!still.has(id)) this.owned.delete(id);
    } catch (error) {
      // The next renewal tries again; the lease has two thirds of its length left.
      this.logger.warn({ err: error }, 'Could not renew the mail lease');
    }
  }
}

/**
 * Collects the ids of messages the server accepted and writes them in one UPDATE every few
 * milliseconds: one statement per message would cost more than the sending itself.
 */
class SentRecorder {
  private ids: string[] = [];
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (ids: string[]) => Promise<void>,
    private readonly everyMs: number,
  ) {}

  add(id: string): void {
    this.ids.push(id);
    // A failed write surfaces at the batch's final flush (awaited by drainOnce), not as an unhandled rejection here.
    this.timer ??= setTimeout(() => this.flush().catch(() => undefined), this.everyMs);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ids = this.ids;
    this.ids = [];
    this.writing = this.writing.then(() => this.write(ids));
    await this.writing;
  }
}
