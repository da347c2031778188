import { type ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { eventually } from './eventually';

export interface SinkMail {
  to: string;
  parsed: ParsedMail;
}

/** Decides how the sink answers one recipient: accept, or refuse with an SMTP code (4xx temporary, 5xx permanent). */
export type SinkPolicy = (recipient: string) => { code: number; message: string } | null;

/**
 * A real SMTP server on a free local port that keeps what it receives, for tests and benchmarks.
 * STARTTLS is off and auth optional, as for a local relay.
 */
export class SmtpSink {
  readonly mails: SinkMail[] = [];
  policy: SinkPolicy = () => null;
  /** How long the sink takes to acknowledge each message (a slow relay); 0 answers at once. */
  delayMs = 0;
  /** While held, messages are received but not acknowledged; a client that goes away meanwhile has delivered nothing. */
  private held = false;
  private readonly pending = new Map<string, { mail: SinkMail; ack: () => void }[]>();
  private readonly server: SMTPServer;
  private port = 0;

  constructor(private readonly parse = true) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const refusal = this.policy(address.address);
        if (!refusal) return callback();
        const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
        callback(error);
      },
      onData: (stream, session, callback) => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        const received = (parsed: ParsedMail) => {
          const mail = { to, parsed };
          if (!this.held) {
            const accept = () => (this.mails.push(mail), callback());
            if (this.delayMs) setTimeout(accept, this.delayMs);
            else accept();
            return;
          }
          const list = this.pending.get(session.id) ?? [];
          list.push({ mail, ack: () => (this.mails.push(mail), callback()) });
          this.pending.set(session.id, list);
        };
        if (!this.parse) {
          stream.on('data', () => undefined).on('end', () => received({} as ParsedMail));
          return;
        }
        simpleParser(stream).then(received).catch(callback);
      },
      onClose: (session) => {
        // Never acknowledged: as with a real mail server, the message was not delivered.
        this.pending.delete(session.id);
      },
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  hold(): void {
    this.held = true;
  }

  /** Waits until a message is held unacknowledged (its sender is mid-delivery). */
  async waitForHeld(timeoutMs = 10_000): Promise<void> {
    await eventually(() => this.pending.size > 0, 'a message to be held', { timeoutMs });
  }

  /** Waits until every client holding unacknowledged messages has gone away (e.g. its process was killed). */
  async waitForDisconnects(timeoutMs = 10_000): Promise<void> {
    await eventually(
      () => this.pending.size === 0,
      () => `${this.pending.size} client(s) holding messages to go away`,
      { timeoutMs },
    );
  }

  /** Acknowledges what was held (for clients still connected) and accepts normally again. */
  release(): void {
    this.held = false;
    for (const list of this.pending.values()) for (const p of list) p.ack();
    this.pending.clear();
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(recipient: string): SinkMail[] {
    return this.mails.filter((m) => m.to === recipient);
  }

  async waitFor(count: number, timeoutMs = 10_000): Promise<void> {
    await eventually(
      () => this.mails.length >= count,
      () => `${count} mails (got ${this.mails.length})`,
      { timeoutMs },
    );
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
