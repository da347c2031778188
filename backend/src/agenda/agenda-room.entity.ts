import { randomUUID } from 'node:crypto';
import { Column, Entity, Index } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';

/** A room of a forum's venue: a column of the timetable grid, kept even while it has no session. */
@Entity('agenda_rooms')
@Index(['forumId', 'name'], { unique: true })
export class AgendaRoom {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  forumId: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  /** Left-to-right order in the grid. */
  @Column({ type: 'int', default: 0 })
  position: number;
}
