import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins counted against one account (by the email typed, known or not) or one client
 * address. The key is an HMAC of that email or address, so the table names nobody.
 */
@Entity('sign_in_throttles')
export class SignInThrottleRow {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  keyHash: string;

  @Column({ type: 'varchar', length: 8 })
  scope: 'account' | 'address';

  /** Failures (and attempts under way, counted in advance) since the last success or the last quiet day. */
  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ type: 'datetime', nullable: true })
  lockedUntil: Date | null;

  @Index()
  @Column({ type: 'datetime' })
  lastFailureAt: Date;
}
