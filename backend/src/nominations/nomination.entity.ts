import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';
import type { Language } from '../register/register.constants';
import type { NominationCategory, NominationStatus, NominatorKind } from './nomination.constants';

/**
 * A proposal that a member present at a forum. The nominee is always a register member (matched by
 * email/phone or created with source "nomination"); the nominator's contact is kept as given.
 */
@Entity('nominations')
@Index(['forumId', 'status'])
export class Nomination {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  forumId: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 24 })
  category: NominationCategory;

  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Column({ type: 'varchar', length: 2000 })
  summary: string;

  @Column({ type: 'varchar', length: 16, default: 'submitted' })
  status: NominationStatus;

  @Column({ type: 'varchar', length: 12 })
  nominatorKind: NominatorKind;

  @Column({ type: 'varchar', length: 160, nullable: true })
  nominatorName: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  nominatorEmail: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  nominatorPhone: string | null;

  /** The staff user who nominated from the console (registrar or organiser). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  nominatorUserId: string | null;

  /** Language of the emails about this nomination. */
  @Column({ type: 'varchar', length: 2, default: 'en' })
  locale: Language;

  /** When the nominee themself agreed to be contacted about the nomination (self-nomination or personal link). */
  @Column({ type: 'datetime', nullable: true })
  nomineeContactConsentAt: Date | null;

  /** When the nominee themself agreed that their name and profile be published; null: never published. */
  @Column({ type: 'datetime', nullable: true })
  nomineePublishConsentAt: Date | null;

  /** A short biography the nominee gave for their presenter profile. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  nomineeBio: string | null;

  /** An accepted nominee confirmed through their personal link that they will present. */
  @Column({ type: 'datetime', nullable: true })
  confirmedAt: Date | null;

  /** The personal confirm/withdraw link sent on acceptance: only its SHA-256 is kept. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  responseTokenHash: string | null;

  @Column({ type: 'datetime', nullable: true })
  responseTokenExpiresAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  responseTokenUsedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
