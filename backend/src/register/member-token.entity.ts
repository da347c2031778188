import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';

export const memberTokenPurposes = ['confirm', 'manage'] as const;
export type MemberTokenPurpose = (typeof memberTokenPurposes)[number];

/** A member's personal link: confirm a registration, or manage their own data. Only the hash is kept. */
@Entity('member_tokens')
export class MemberToken {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Index()
  @Column({ type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 12 })
  purpose: MemberTokenPurpose;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
