import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from './user.entity';

/** A signed-in browser. Only the SHA-256 of the cookie's token is kept, so a leaked table signs nobody in. */
@Entity('sessions')
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user: Relation<User>;

  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime' })
  lastSeenAt: Date;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  /** The session's public id: organisers name a device by it (the token hash never leaves the server). */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 36, nullable: true })
  deviceId: string | null;

  /** What a door phone reports at each sync: the door it works, when, and what it still holds. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  deviceName: string | null;

  @Column({ type: 'datetime', nullable: true })
  lastSyncAt: Date | null;

  @Column({ type: 'int', nullable: true })
  waitingCount: number | null;

  @Column({ type: 'int', nullable: true })
  setAsideCount: number | null;

  /** An organiser signed this device out: it gets 401 (device_revoked) and clears its local data. */
  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
