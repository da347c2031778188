import { randomUUID } from 'node:crypto';
import type { Language, MessageState } from '@diaspora-forum/lists';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';

/** What a template is filled with: plain JSON values only. */
export type MessageData = Record<string, string | number | boolean | null | string[]>;

export { type MessageState, messageStates } from '@diaspora-forum/lists';

/**
 * One email in the outbox, written in the same transaction as the change that caused it. The
 * worker claims, sends and records it; nothing is sent that was not first written here.
 */
@Entity('messages')
@Index(['state', 'nextAttemptAt'])
export class Message {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  memberId: string | null;

  /** The template folder under templates/email/. */
  /** The forum the message is about (invitations, RSVP replies), so retention can de-identify it with the forum. */
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  forumId: string | null;

  @Column({ type: 'varchar', length: 64 })
  template: string;

  @Column({ type: 'varchar', length: 2 })
  locale: Language;

  /** Shown and kept as is: a personal link in it is masked (see `sealedSecrets`). */
  @Column({ type: 'simple-json' })
  data: MessageData;

  /** The real values of the masked links, sealed under the app secret (MessageSecrets); wiped once sent or cancelled. */
  @Column({ type: 'text', nullable: true })
  sealedSecrets: string | null;

  /** Unique: writing the same message twice (a retried request, a restarted job) is a no-op. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 191 })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 12 })
  state: MessageState;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  /** While "sending": the claim lasts until then; a crashed worker's claim expires and is retaken. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  leaseUntil: Date | null;

  /** While "sending": which worker's claim it is; only that claim may renew it or record its outcome. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  leaseToken: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  smtpMessageId: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null;
}
