import { randomUUID } from 'node:crypto';
import type { AccessibilityNeed, DietaryNeed, Language, RsvpResponse } from '@diaspora-forum/lists';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';

export { type RsvpResponse, rsvpResponses } from '@diaspora-forum/lists';

/** A member invited to a forum, and their answer. One per member per forum; its links are InvitationTokens. */
@Entity('invitations')
@Index(['forumId', 'memberId'], { unique: true })
@Index(['campaignId', 'response'])
@Index(['forumId', 'waitlistedAt'])
export class Invitation {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  forumId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  campaignId: string | null;

  @Column({ type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 2 })
  locale: Language;

  /** The outbox key of the latest invitation email, to show its delivery. */
  @Column({ type: 'varchar', length: 191, nullable: true })
  messageKey: string | null;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  response: RsvpResponse | null;

  @Column({ type: 'datetime', nullable: true })
  respondedAt: Date | null;

  /** Holds one of the forum's places (accepted and not waiting). */
  @Column({ type: 'boolean', default: false })
  placeHeld: boolean;

  /** Accepted when the forum was full: waiting since then, first come first served. */
  @Column({ type: 'datetime', precision: 3, nullable: true })
  waitlistedAt: Date | null;

  @Column({ type: 'simple-json', nullable: true })
  days: string[] | null;

  @Column({ type: 'simple-json', nullable: true })
  dietary: DietaryNeed[] | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  dietaryNote: string | null;

  @Column({ type: 'simple-json', nullable: true })
  accessibility: AccessibilityNeed[] | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  accessibilityNote: string | null;

  @Column({ type: 'varchar', length: 2, nullable: true })
  arrivalCountry: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  arrivalCity: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  declineReason: string | null;

  @Column({ type: 'datetime', nullable: true })
  lastRemindedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  reminderCount: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
