import { randomUUID } from 'node:crypto';
import { Column, Entity, Index } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';
import type { Channel, OutreachOutcome } from '../register/register.constants';

/** One attempt to reach a member: a call, a WhatsApp message, an email, a visit. */
@Entity('outreach_logs')
@Index(['memberId', 'contactedAt'])
export class OutreachLog {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 12 })
  channel: Channel | 'visit';

  @Column({ type: 'varchar', length: 16 })
  outcome: OutreachOutcome;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 36 })
  staffUserId: string;

  @Column({ type: 'datetime' })
  contactedAt: Date;
}
