import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { RenderedMail } from './mail-renderer';

export interface SendResult {
  messageId: string | null;
}

/** Why a send failed, as the worker needs it: try again later, or give up. */
export class SendFailure extends Error {
  constructor(
    message: string,
    public readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** nodemailer over SMTP_URL behind a small adapter; tests point SMTP_URL at a local smtp-server sink. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private transporter?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return !!this.config.smtpUrl;
  }

  async send(to: string, mail: RenderedMail, messageId: string): Promise<SendResult> {
    if (!this.config.smtpUrl) throw new SendFailure('SMTP_URL is not set', false);
    // Pooled, and each connection kept for any number of messages: reconnecting every 100 costs a third of the rate.
    // A relay that stalls (no connection, no greeting, no answer) fails the send within the timeout,
    // to be retried later, instead of holding it for nodemailer's ten-minute default.
    const timeout = this.config.mail.smtpTimeoutSeconds * 1000;
    this.transporter ??= nodemailer.createTransport({
      url: this.config.smtpUrl,
      pool: true,
      maxConnections: 5,
      maxMessages: Infinity,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    try {
      const info = await this.transporter.sendMail({
        from: this.config.mail.from,
        to,
        subject: mail.subject,
        html: mail.html,
        attachments: mail.attachments,
        text: mail.text,
        messageId,
      });
      return { messageId: info.messageId ?? null };
    } catch (error) {
      const err = error as { responseCode?: number; message?: string; code?: string };
      // 5xx from the server is a final answer; 4xx and network trouble are worth another try.
      const permanent = typeof err.responseCode === 'number' && err.responseCode >= 500;
      throw new SendFailure(
        `${err.responseCode ? `${err.responseCode} ` : ''}${err.code ? `${err.code} ` : ''}${err.message ?? String(error)}`.trim(),
        permanent,
      );
    }
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
