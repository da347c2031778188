import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { type MemberInput, normaliseMember, type NormalisedMember } from './member-input';
import type { Member } from './member.entity';
import { MemberRepository } from './member.repository';
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

/** The register's core rules: one place that adds members, checks scope and finds duplicates. */
@Injectable()
export class RegisterService {
  constructor(
    private readonly members: MemberRepository,
    private readonly clock: Clock,
  ) {}

  /** A member the user may see, or 404: a registrar is never told a member exists outside their countries. */
  async getVisible(user: AuthUser, id: string): Promise<Member> {
    const member = await this.members.findById(id);
    if (!member || member.status === 'erased' || !canSeeCountry(user, member.countryCode)) throw DomainError.notFound('Member');
    return member;
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
    if (duplicates.length) {
      throw DomainError.conflict('This member is already in the register', { duplicateOf: duplicates.map((d) => d.id) });
    }
    const now = this.clock.now();
    const given = consent.invitations || consent.updates;
    return this.members.transaction(async (tx) => {
      const [created] = await tx.insert([
        {
          ...member,
          consentAt: given ? now : null,
          consentMethod: given ? consent.method : null,
          consentInvitations: consent.invitations,
          consentUpdates: consent.updates,
          source,
          sourceBatchId: null,
          status: 'active',
          createdById: user.id,
        },
      ]);
      await tx.addEvents([{ memberId: created.id, kind: 'created', actor: actorOf(user), details: { source }, at: now }]);
      return created;
    });
  }
}
