import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';

/**
 * A person presenting at a forum: a register member (often an accepted nominee), a staff user, or
 * a guest known only by name. Their public profile needs consent: the nominee's own (from their
 * nomination) or one recorded here by an organiser.
 */
@Entity('agenda_presenters')
@Index(['forumId', 'memberId'], { unique: true })
@Index(['forumId', 'userId'], { unique: true })
export class AgendaPresenter {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  forumId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  memberId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 160 })
  name: string;

  /** Role and organisation, e.g. "Founder, Maluti Agritech". */
  @Column({ type: 'varchar', length: 160, nullable: true })
  affiliation: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  bio: string | null;

  /** When an organiser recorded the presenter's consent to a public profile (for non-nominees). */
  @Column({ type: 'datetime', nullable: true })
  publishConsentAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
