import { randomUUID } from 'node:crypto';
import { Column, Entity, Index } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';

/** A presenter in a session, in speaking order. */
@Entity('session_presenters')
@Index(['sessionId', 'presenterId'], { unique: true })
export class SessionPresenter {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 36 })
  sessionId: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  presenterId: string;

  @Column({ type: 'int', default: 0 })
  position: number;
}
