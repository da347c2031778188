import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, Index, OneToMany, UpdateDateColumn, type Relation } from 'typeorm';
import { UuidPrimaryColumn } from '../database/uuid-primary-column';
import { MemberSector } from './member-sector.entity';
import type { Channel, ConsentMethod, Language, MemberSource, MemberStatus } from './register.constants';

/** A person in the diaspora register. Contacts are stored normalised: emails lower-cased, phones in E.164. */
@Entity('members')
@Index(['countryCode', 'region'])
@Index(['lastName', 'firstName'])
// The usual segment (country + province + consent, sorted by name): the first page comes straight
// off this index, and its count from the next one without touching the table.
@Index('IDX_members_segment_page', ['countryCode', 'region', 'consentInvitations', 'lastName', 'firstName'])
@Index('IDX_members_segment_count', ['countryCode', 'region', 'consentInvitations', 'status'])
export class Member {
  @UuidPrimaryColumn()
  id: string = randomUUID();

  @Column({ type: 'varchar', length: 80 })
  firstName: string;

  @Column({ type: 'varchar', length: 80 })
  lastName: string;

  @Index()
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Index()
  @Column({ type: 'varchar', length: 16, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  whatsapp: string | null;

  /** ISO 3166-1 alpha-2 country of residence. */
  @Column({ type: 'varchar', length: 2 })
  countryCode: string;

  /** One of the nine provinces for ZA; free text elsewhere. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  region: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  occupation: string | null;

  @OneToMany(() => MemberSector, (s) => s.member, { cascade: true })
  sectors: Relation<MemberSector[]>;

  @Column({ type: 'varchar', length: 12, default: 'email' })
  preferredChannel: Channel;

  @Column({ type: 'varchar', length: 2, default: 'en' })
  preferredLanguage: Language;

  /** When consent was given; null means the member has not (yet) consented to be contacted. */
  @Column({ type: 'datetime', nullable: true })
  consentAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  consentMethod: ConsentMethod | null;

  /** Consent to receive forum invitations. */
  @Column({ type: 'boolean', default: false })
  consentInvitations: boolean;

  /** Consent to receive news and information from the Directorate. */
  @Column({ type: 'boolean', default: false })
  consentUpdates: boolean;

  @Column({ type: 'varchar', length: 16 })
  source: MemberSource;

  /** The import batch a member came from, so a batch can be listed and rolled back. */
  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  sourceBatchId: string | null;

  @Column({ type: 'varchar', length: 24, default: 'active' })
  status: MemberStatus;

  /** Set when this record was merged into another; it stays for its history. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  mergedIntoId: string | null;

  /** The staff user who added the member by hand (registrar or organiser). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;
}
