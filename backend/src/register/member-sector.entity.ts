import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Member } from './member.entity';
import type { Sector } from './register.constants';

/** A sector a member works in; a row each, so segments filter on it with an index. */
@Entity('member_sectors')
@Index(['sector', 'memberId'])
export class MemberSector {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  memberId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  sector: Sector;

  @ManyToOne(() => Member, (m) => m.sectors, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'memberId' })
  member: Relation<Member>;
}
