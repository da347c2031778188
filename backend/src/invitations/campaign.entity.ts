import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';

export const campaignStatuses = ['draft', 'sending', 'sent', 'cancelled'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** Who a campaign is for: a saved segment, a filter, or members picked by hand. */
export interface CampaignAudience {
  segmentId?: string;
  filter?: Record<string, unknown>;
  memberIds?: string[];
}

/** One mailing of invitations to a forum. Its invitations and their messages are its progress. */
@Entity('campaigns')
@Index(['forumId', 'createdAt'])
export class Campaign {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  forumId: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'simple-json' })
  audience: CampaignAudience;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: CampaignStatus;

  /** When the invitations go out; null means as soon as it is sent. */
  @Column({ type: 'datetime', nullable: true })
  scheduledAt: Date | null;

  @Column({ type: 'int', default: 0 })
  invitedCount: number;

  /** Why members of the audience were not invited, counted by reason. */
  @Column({ type: 'simple-json', nullable: true })
  skipped: Record<string, number> | null;

  /** Reminders to those who have not answered go out at most once in this many hours. */
  @Column({ type: 'int', default: 72 })
  reminderIntervalHours: number;

  @Column({ type: 'varchar', length: 36 })
  createdById: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  sentAt: Date | null;
}
