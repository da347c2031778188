import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';
import type { AttendeeRole } from './attendee.constants';

export { type AttendeeRole, attendeeRoles } from './attendee.constants';

/** Someone who will be let in: an accepted invitation, a presenter, staff, or a walk-in. */
@Entity('attendees')
@Index(['forumId', 'badgeNumber'], { unique: true })
@Index(['forumId', 'lastName'])
// A register member is one attendee per forum: two doors registering the same walk-in at once cannot make two.
@Index(['forumId', 'memberId'], { unique: true })
export class Attendee {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  forumId: string;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  memberId: string | null;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 36, nullable: true })
  invitationId: string | null;

  @Column({ type: 'varchar', length: 12 })
  role: AttendeeRole;

  @Column({ type: 'varchar', length: 80 })
  firstName: string;

  @Column({ type: 'varchar', length: 80 })
  lastName: string;

  @Column({ type: 'varchar', length: 2, nullable: true })
  countryCode: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  region: string | null;

  /** Printed on the badge; unique within the forum. */
  @Column({ type: 'int' })
  badgeNumber: number;

  /** Bumped when a badge is re-issued: older versions are refused at the door. */
  @Column({ type: 'int', default: 1 })
  badgeVersion: number;

  @Column({ type: 'boolean', default: false })
  badgeRevoked: boolean;

  /** cancelled: the place was given up (e.g. the invitee declined after accepting). */
  @Column({ type: 'varchar', length: 12, default: 'confirmed' })
  status: 'confirmed' | 'cancelled';

  /** What door staff should know: accessibility needs, in short. */
  @Column({ type: 'simple-json', nullable: true })
  needs: string[] | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}
