import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A registration goal the organisers set: total, per country, or per South African province. */
@Entity('register_targets')
export class RegisterTarget {
  /** "total", "country:ZA", "province:Gauteng" */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'int' })
  target: number;
}
