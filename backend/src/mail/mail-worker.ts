import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
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
    const now = this.clock.now();
    const claimed = await this.messages.claim(now, new Date(now.getTime() + this.config.mail.leaseSeconds * 1000), BATCH);
    const sent = new SentRecorder((ids) => this.messages.markSent(ids, this.clock.now()), RECORD_EVERY_MS);
    let next = 0;
    try {
      await Promise.all(
        Array.from({ length: Math.min(PARALLEL, claimed.length) }, async () => {
          while (next < claimed.length) await this.deliver(claimed[next++], sent);
        }),
      );
    } finally {
      await sent.flush();
    }
    return claimed.length;
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

  private async deliver(message: ClaimedMessage, sent: SentRecorder): Promise<void> {
    const refusal = this.refusal(message);
    if (refusal) return this.messages.markFinal(message.id, 'cancelled', message.attempts, refusal);
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
        return this.messages.markFinal(message.id, 'failed', attempts, reason);
      }
      const delay = Math.min(RETRY_BASE_MS * 2 ** (attempts - 1), RETRY_MAX_MS) * (0.5 + Math.random());
      await this.messages.markRetry(message.id, attempts, new Date(this.clock.now().getTime() + delay), reason);
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
