import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, UpdateDateColumn } from 'typeorm';
import { UuidPrimaryColumn } from '../../database/uuid-primary-column';
import type { StaffRole } from '../staff-roles';

export { type StaffRole, staffRoles } from '../staff-roles';

/** A staff login. Members never have one: their personal links are their keys. */
@Entity('users')
export class User {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: StaffRole;

  /** ISO 3166-1 alpha-2 codes a registrar may work on; empty for other roles. */
  @Column({ type: 'simple-json' })
  countries: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'datetime', nullable: true })
  lastSignInAt: Date | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
