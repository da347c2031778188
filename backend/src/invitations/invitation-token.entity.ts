import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';

/**
 * A personal RSVP link: a random 256-bit token of which only the SHA-256 is kept. Each email
 * that needs a link (invitation, reminder, place offered) gets a fresh one, since the raw token
 * is never stored; re-issuing revokes every earlier link of the invitation.
 */
@Entity('invitation_tokens')
export class InvitationToken {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Index()
  @Column({ type: 'varchar', length: 36 })
  invitationId: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
