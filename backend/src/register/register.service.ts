import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { Transactions, type Tx } from '../database/transactions';
import { AuditTrail } from '../logging/audit/audit-trail';
import { DomainError } from '../common/domain-error';
import type { MemberEvent } from './member-event.entity';
import { type MemberInput, normaliseMember, type NormalisedMember } from './member-input';
import type { Member } from './member.entity';
import { type EventInput, MemberRepository, type NewMember } from './member.repository';

/** The register's records as other modules hold them (type only: the entity stays the register's). */
export type { Member } from './member.entity';
import type { ConsentMethod, MemberSource } from './register.constants';
import { canSeeCountry } from './register-scope';

export interface ConsentInput {
  invitations: boolean;
  updates: boolean;
  method: ConsentMethod;
}

/** Who made a change, as the member's history records it. */
export function actorOf(user: AuthUser): string {
  return `staff:${user.id}`;
}

/** Who adds a member: the staff user (null when a member of the public does) and the history's actor. */
export interface Author {
  userId: string | null;
  actor: string;
}

export function authorOf(user: AuthUser): Author {
  return { userId: user.id, actor: actorOf(user) };
}

/** The register's core rules: one place that adds members, checks scope and finds duplicates. */
@Injectable()
export class RegisterService {
  constructor(
    private readonly members: MemberRepository,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly audit: AuditTrail,
  ) {}

  /** A member the user may see, or 404: a registrar is never told a member exists outside their countries. */
  async getVisible(user: AuthUser, id: string): Promise<Member> {
    const member = await this.members.findById(id);
    if (!member || member.status === 'erased' || !canSeeCountry(user, member.countryCode)) throw DomainError.notFound('Member');
    return member;
  }

  /** A member by id, whoever asks (public pages decide themselves what to show); null when there is none. */
  find(id: string): Promise<Member | null> {
    return this.members.findById(id);
  }

  /** Live members by id (erased and merged records left out), in `tx` when given: audiences, invitees. */
  liveMembers(ids: string[], tx?: Tx): Promise<Member[]> {
    return (tx ? this.members.withTx(tx) : this.members).findLive(ids);
  }

  /** Adds to a member's history inside the caller's transaction (an outreach attempt logged with it). */
  recordEvent(tx: Tx, event: EventInput): Promise<void> {
    return this.members.withTx(tx).addEvents([event]);
  }

  /** Normalises input or fails with 400 and a message per field. */
  normalise(input: MemberInput): NormalisedMember {
    const result = normaliseMember(input);
    if (result.errors) throw DomainError.validation(result.errors);
    return result.member;
  }

  /** Live members who share this member's email or phone numbers. */
  findDuplicates(member: Pick<NormalisedMember, 'email' | 'phone' | 'whatsapp'>): Promise<Member[]> {
    const phones = [member.phone, member.whatsapp].filter((p): p is string => !!p);
    return this.members.findByContacts(member.email ? [member.email] : [], phones);
  }

  /** Adds one member by hand (console, walk-in); refuses a duplicate with 409 naming the existing record. */
  async addMember(
    user: AuthUser,
    input: MemberInput,
    consent: ConsentInput,
    source: MemberSource = 'registrar',
  ): Promise<Member> {
    const member = this.normalise(input);
    if (!canSeeCountry(user, member.countryCode)) {
      throw DomainError.forbidden(`You can add members living in ${user.countries.join(', ')} only`);
    }
    const duplicates = await this.findDuplicates(member);
    if (duplicates.length) throw duplicateConflict(user, duplicates, 'This member is already in the register');
    return this.transactions.run(async (tx) => {
      const created = await this.write(this.members.withTx(tx), authorOf(user), member, consent, source);
      if (consent.invitations || consent.updates) await this.recordConsent(user, created.id, consent, tx);
      return created;
    });
  }

  private recordConsent(user: AuthUser, memberId: string, consent: ConsentInput, tx: Tx): Promise<void> {
    const summary = `invitations ${consent.invitations ? 'yes' : 'no'}; updates ${consent.updates ? 'yes' : 'no'}; method ${consent.method}`;
    return this.audit.record(
      { action: 'member.consent_recorded', actor: user, target: { type: 'member', id: memberId }, summary },
      tx,
    );
  }

  /**
   * Adds a member already normalised and checked for duplicates, inside the caller's transaction (the
   * door writes a walk-in, their attendee record and their admission together; a nomination, its
   * nominee and the nomination).
   */
  insertMember(
    tx: Tx,
    author: Author,
    member: NormalisedMember,
    consent: ConsentInput,
    source: MemberSource,
    details: Record<string, unknown> = {},
  ): Promise<Member> {
    return this.write(this.members.withTx(tx), author, member, consent, source, details);
  }

  private async write(
    repo: MemberRepository,
    author: Author,
    member: NormalisedMember,
    consent: ConsentInput,
    source: MemberSource,
    details: Record<string, unknown> = {},
  ): Promise<Member> {
    const now = this.clock.now();
    const given = consent.invitations || consent.updates;
    const [created] = await repo.insert([
      {
        ...member,
        consentAt: given ? now : null,
        consentMethod: given ? consent.method : null,
        consentInvitations: consent.invitations,
        consentUpdates: consent.updates,
        source,
        sourceBatchId: null,
        status: 'active',
        createdById: author.userId,
      },
    ]);
    await repo.addEvents([
      { memberId: created.id, kind: 'created', actor: author.actor, details: { source, ...details }, at: now },
    ]);
    return created;
  }

  /**
   * Edits a member with the rules of adding one: the patch (only the fields given; null clears) is
   * normalised together with the rest of the record; a registrar can neither see members outside
   * their countries (404) nor move one there (403); a new email or phone already held by another
   * live member is refused with 409 naming it. Records an 'updated' event with the changed fields.
   */
  async updateMember(user: AuthUser, id: string, patch: MemberInput): Promise<Member> {
    const current = await this.getVisible(user, id);
    refuseMerged(current);
    const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const next = this.normalise({ ...inputOf(current), ...given });
    if (!canSeeCountry(user, next.countryCode)) {
      throw DomainError.forbidden(`You can keep members living in ${user.countries.join(', ')} only`);
    }
    const known = [current.phone, current.whatsapp];
    const newEmails = next.email && next.email !== current.email ? [next.email] : [];
    const newPhones = [next.phone, next.whatsapp].filter((p): p is string => !!p && !known.includes(p));
    const duplicates = (await this.members.findByContacts(newEmails, newPhones)).filter((d) => d.id !== id);
    if (duplicates.length) throw duplicateConflict(user, duplicates, 'Another member already has this email or phone number');
    const changed = changedFields(current, next);
    if (!changed.length) return current;
    const { sectors, ...fields } = next;
    return this.members.transaction(async (tx) => {
      const saved = await tx.save(Object.assign(current, fields), changed.includes('sectors') ? sectors : undefined);
      await tx.addEvents([
        { memberId: id, kind: 'updated', actor: actorOf(user), details: { fields: changed }, at: this.clock.now() },
      ]);
      return saved;
    });
  }

  /**
   * Records consent as staff heard it (paper form, phone call...): the flags replace the current
   * ones, consentAt/consentMethod say when and how the latest consent was given (cleared when all
   * is withdrawn), and the event keeps the method and flags even when nothing changed.
   */
  async setConsent(user: AuthUser, id: string, consent: ConsentInput): Promise<Member> {
    const current = await this.getVisible(user, id);
    refuseMerged(current);
    const now = this.clock.now();
    const given = consent.invitations || consent.updates;
    const changed = [
      ...(current.consentInvitations !== consent.invitations ? ['consentInvitations'] : []),
      ...(current.consentUpdates !== consent.updates ? ['consentUpdates'] : []),
    ];
    Object.assign(current, {
      consentInvitations: consent.invitations,
      consentUpdates: consent.updates,
      consentAt: given ? now : null,
      consentMethod: given ? consent.method : null,
    });
    return this.transactions.run(async (t) => {
      const tx = this.members.withTx(t);
      const saved = await tx.save(current);
      await this.recordConsent(user, id, consent, t);
      await tx.addEvents([
        {
          memberId: id,
          kind: 'updated',
          actor: actorOf(user),
          details: {
            change: 'consent',
            fields: changed,
            consentInvitations: consent.invitations,
            consentUpdates: consent.updates,
            method: consent.method,
          },
          at: now,
        },
      ]);
      return saved;
    });
  }

  /** Retention's review list: live members holding no consent, untouched since `before` (listed, never deleted here). */
  withoutConsentUntouchedSince(before: Date, page: number, pageSize: number): Promise<{ items: Member[]; total: number }> {
    return this.members.withoutConsentUntouchedSince(before, page, pageSize);
  }

  /** True while the register has no member at all (the demo seed refuses to add to a real one). */
  async isEmpty(): Promise<boolean> {
    return (await this.members.count()) === 0;
  }

  /**
   * Adds members in bulk as given, without the per-member checks (the demo seed's synthetic
   * register, already normalised and free of duplicates), one transaction a call.
   */
  async addSeedMembers(members: NewMember[]): Promise<void> {
    await this.members.transaction((repo) => repo.insert(members));
  }

  /** A visible member's history, newest first. */
  async history(user: AuthUser, id: string): Promise<{ member: Member; events: MemberEvent[] }> {
    const member = await this.getVisible(user, id);
    return { member, events: await this.members.events([member.id]) };
  }
}

function refuseMerged(member: Member): void {
  if (member.status === 'merged') {
    throw DomainError.conflict('This record was merged into another one; change that one instead');
  }
}

/** A stored member as input again, so a partial edit is normalised as a whole record. */
function inputOf(member: Member): MemberInput {
  return {
    firstName: member.firstName,
    lastName: member.lastName,
    email: member.email,
    phone: member.phone,
    whatsapp: member.whatsapp,
    countryCode: member.countryCode,
    region: member.region,
    city: member.city,
    occupation: member.occupation,
    sectors: (member.sectors ?? []).map((s) => s.sector),
    preferredChannel: member.preferredChannel,
    preferredLanguage: member.preferredLanguage,
  };
}

function changedFields(current: Member, next: NormalisedMember): string[] {
  const sectorKey = (list: string[]) => [...list].sort().join(',');
  return (Object.keys(next) as (keyof NormalisedMember)[]).filter((key) =>
    key === 'sectors'
      ? sectorKey(next.sectors) !== sectorKey((current.sectors ?? []).map((s) => s.sector))
      : next[key] !== current[key],
  );
}

/**
 * The 409 for a contact already in the register. It names (`fields.duplicateOf`) only the
 * duplicates the user may see: a registrar learns nothing about a member outside their countries,
 * only that the contact is taken.
 */
function duplicateConflict(user: AuthUser, duplicates: Member[], message: string): DomainError {
  const visible = duplicates.filter((d) => canSeeCountry(user, d.countryCode)).map((d) => d.id);
  return DomainError.conflict(
    visible.length
      ? message
      : 'This email or phone number is already in the register, outside your countries. Ask the Diaspora Directorate.',
    { duplicateOf: visible },
  );
}
