import type { Language } from '@diaspora-forum/lists';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Tx } from '../database/transactions';
import { MailRenderer, type RenderedMail } from './mail-renderer';
import { MailTransport } from './mail-transport';
import type { Message, MessageData, MessageState } from './message.entity';
import { MessageRepository } from './message.repository';
import { maskLink, MessageSecrets } from './message-secrets';

export interface OutgoingMessage {
  recipient: string;
  template: string;
  locale: Language;
  data: MessageData;
  /**
   * Personal links (values are URLs whose last segment is the key): rendered into the email when
   * it is sent, kept only sealed until then, and shown masked everywhere else.
   */
  secrets?: Record<string, string>;
  /** The same key twice writes one message: use what makes the message unique (e.g. "register-confirm:<memberId>:<tokenId>"). */
  idempotencyKey: string;
  memberId?: string | null;
  /** The forum it is about, when there is one: its mail is de-identified with the forum's other data (retention). */
  forumId?: string | null;
}

/**
 * The outbox: every email is written here first, inside the caller's transaction, so a crash
 * never loses one and a rolled-back change sends nothing. The worker delivers it later.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly messages: MessageRepository,
    private readonly renderer: MailRenderer,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    private readonly secrets: MessageSecrets,
  ) {}

  /** Whether mail leaves this installation; without SMTP, messages are held for reading in the console. */
  get delivering(): boolean {
    return this.transport.configured;
  }

  /** Writes messages (in `tx` when given); `notBefore` holds them until a scheduled time. */
  async enqueue(messages: OutgoingMessage[], tx?: Tx, notBefore?: Date): Promise<number> {
    const state: MessageState = this.delivering ? 'queued' : 'held';
    const now = notBefore ?? this.clock.now();
    for (const m of messages) {
      if (!this.renderer.has(m.template)) throw new Error(`Unknown email template "${m.template}"`);
    }
    return this.messages.insertIgnoringDuplicates(
      messages.map((m) => ({
        recipient: m.recipient,
        memberId: m.memberId ?? null,
        forumId: m.forumId ?? null,
        template: m.template,
        locale: m.locale,
        data: { ...m.data, ...maskAll(m.secrets) },
        sealedSecrets:
          m.secrets && Object.keys(m.secrets).length
            ? this.secrets.seal(m.secrets, { recipient: m.recipient, idempotencyKey: m.idempotencyKey })
            : null,
        idempotencyKey: m.idempotencyKey,
        state,
        nextAttemptAt: now,
      })),
      tx,
    );
  }

  list(filter: { state?: MessageState; template?: string; memberId?: string }, page: number, pageSize: number) {
    return this.messages.list(filter, page, pageSize);
  }

  async get(id: string): Promise<{ message: Message; rendered: RenderedMail }> {
    const message = await this.messages.findById(id);
    if (!message) throw DomainError.notFound('Message');
    return { message, rendered: this.renderer.render(message.template, message.locale, message.data) };
  }

  async counts(): Promise<Record<MessageState, number>> {
    const counts = await this.messages.countByState();
    return { queued: 0, sending: 0, sent: 0, failed: 0, held: 0, cancelled: 0, ...counts };
  }

  /** Failed messages, or held ones once SMTP is set up, go back in the queue. */
  async retry(ids: string[] | 'all'): Promise<number> {
    if (!this.delivering) throw DomainError.conflict('Mail is not being delivered: set SMTP_URL first, then retry');
    return this.messages.transition(ids, ['failed', 'held'], 'queued', this.clock.now());
  }

  cancel(ids: string[] | 'all'): Promise<number> {
    return this.messages.transition(ids, ['queued', 'failed', 'held'], 'cancelled', this.clock.now());
  }

  /** Cancels, in `tx`, the messages with these idempotency keys that have not been sent (a cancelled campaign). */
  cancelUnsent(idempotencyKeys: string[], tx: Tx): Promise<number> {
    return this.messages.cancelUnsent(idempotencyKeys, tx);
  }

  /** A message as the console may show it: personal links masked. */
  render(template: string, locale: string, data: MessageData, secrets?: Record<string, string>): RenderedMail {
    return this.renderer.render(template, locale, { ...data, ...maskAll(secrets) });
  }

  templates(): string[] {
    return this.renderer.names();
  }

  preview(template: string, locale: string): RenderedMail {
    if (!this.renderer.has(template)) throw DomainError.notFound('Template');
    return this.renderer.render(template, locale, this.renderer.sample(template));
  }

  /** The emails a member was sent, as their data export shows them (register/self-service asks). */
  async exportForMember(
    memberId: string,
    recipients: string[] = [],
    tx?: Tx,
  ): Promise<{ at: string; to: string; template: string; subject: string; state: MessageState; sentAt: string | null }[]> {
    const messages = await this.messages.forMember(memberId, recipients, tx);
    return messages.map((m) => ({
      at: m.createdAt.toISOString(),
      to: m.recipient,
      template: m.template,
      subject: this.subjectOf(m),
      state: m.state,
      sentAt: m.sentAt?.toISOString() ?? null,
    }));
  }

  private subjectOf(m: Message): string {
    try {
      return this.renderer.render(m.template, m.locale, m.data).subject;
    } catch {
      return m.template; // a scrubbed copy no longer renders
    }
  }

  /**
   * Erasure: nothing more is sent to the member, and no copy keeps their address or the mail's data.
   * `recipients`: their addresses, for messages not filed under their id. How many messages were scrubbed.
   */
  eraseMember(memberId: string, tx: Tx, recipients: string[] = []): Promise<number> {
    return this.messages.eraseMember(memberId, recipients, tx);
  }

  /** Erasure of messages sent to others that mention the member (their module knows the idempotency keys). */
  eraseMessages(idempotencyKeys: string[], tx: Tx): Promise<number> {
    return this.messages.eraseByKeys(idempotencyKeys, tx);
  }

  /** Retention: how many of a forum's messages still hold a recipient and data. */
  countHeldForForum(forumId: string): Promise<number> {
    return this.messages.countHeldForForum(forumId);
  }

  /** Retention: a forum's mail keeps its template, state and times, not its recipient or data. */
  deidentifyForum(forumId: string, tx: Tx): Promise<number> {
    return this.messages.deidentifyForum(forumId, tx);
  }
}

function maskAll(secrets: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(secrets ?? {}).map(([key, value]) => [key, maskLink(value)]));
}
