import { randomUUID } from 'node:crypto';
import { Column, Entity, Index } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';
import type { MemberEventKind } from './register.constants';

export type EventDetails = Record<string, string | number | boolean | null | string[]>;

/** A member's history: who did what to the record, and when. Survives merges (both ids keep theirs). */
@Entity('member_events')
@Index(['memberId', 'at'])
export class MemberEvent {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  memberId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: MemberEventKind;

  /** "staff:<userId>", "member" (through a personal link) or "system". */
  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ type: 'simple-json', nullable: true })
  details: EventDetails | null;

  @Column({ type: 'datetime', precision: 3 })
  at: Date;
}
