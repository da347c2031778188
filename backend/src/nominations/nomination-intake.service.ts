import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError, type FieldErrors } from '../common/domain-error';
import { Transactions, type Tx } from '../database/transactions';
import type { Forum } from '../forums/forums.service';
import { ForumsService } from '../forums/forums.service';
import { OutboxService } from '../mail/outbox.service';
import type { MemberInput, NormalisedMember } from '../register/member-input';
import type { Member } from '../register/register.service';
import type { Language } from '../register/register.constants';
import { canSeeCountry } from '../register/register-scope';
import { actorOf, type Author, authorOf, RegisterService } from '../register/register.service';
import type { NominationCategory } from './nomination.constants';
import type { Nomination } from './nomination.entity';
import { nominatedMessage, receivedMessage } from './nomination-mail';
import { NominationRepository, type Nominee } from './nomination.repository';

export interface NominationContent {
  category: NominationCategory;
  topic: string;
  summary: string;
}

/** What the public form sends: a nomination of oneself or of someone else. */
export interface PublicNominationInput extends NominationContent {
  forumSlug?: string;
  nominatorKind: 'self' | 'member';
  locale: Language;
  nominee: MemberInput;
  nominator?: { name: string; email: string; phone?: string | null };
  /** Self-nominations only: the nominee's own consents. */
  consentToContact?: boolean;
  consentToPublish?: boolean;
  /** Self-nominations only: keep me in the register and invite me to forums. */
  joinRegister?: boolean;
  website?: string;
}

/** A nomination made from the console: an existing member, or new details. */
export interface StaffNominationInput extends NominationContent {
  forumId: string;
  memberId?: string;
  nominee?: MemberInput;
  locale?: Language;
}

export const NOMINATION_RECEIVED = 'Thank you. Your nomination was received; a confirmation is on its way by email.';

/**
 * Where nominations come in. The nominee always becomes (or is matched to) a register member;
 * public answers are the same whatever the register holds, so it cannot be probed.
 */
@Injectable()
export class NominationIntakeService {
  constructor(
    private readonly nominations: NominationRepository,
    private readonly registry: RegisterService,
    private readonly forums: ForumsService,
    private readonly outbox: OutboxService,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** The forum taking public nominations: the open one (or the open one named by slug). */
  async openForum(slug?: string): Promise<Forum> {
    const open = (await this.forums.list()).find((f) => f.status === 'open' && (!slug || f.slug === slug));
    if (!open) throw DomainError.notFound('A forum taking nominations');
    return open;
  }

  async submitPublic(input: PublicNominationInput): Promise<void> {
    if (input.website) return; // a filled honeypot: a bot gets the usual answer, nothing is kept
    const self = input.nominatorKind === 'self';
    const fields: FieldErrors = {};
    const nominee = this.normaliseNominee({ ...input.nominee, preferredLanguage: input.locale }, fields);
    if (self && !input.nominee.email?.trim()) fields['nominee.email'] = ['enter your email address, so we can reply'];
    if (!self && !input.nominator) fields.nominator = ['tell us who you are'];
    if (Object.keys(fields).length) throw DomainError.validation(fields);
    const forum = await this.openForum(input.forumSlug);
    const now = this.clock.now();
    const existing = await this.match(nominee!);
    await this.transactions.run(async (tx) => {
      const member =
        existing ??
        (await this.createMember(
          tx,
          nominee!,
          { userId: null, actor: self ? 'member' : 'system' },
          self && !!input.joinRegister,
        ));
      const nomination = await this.nominations.withTx(tx).insert({
        ...content(input),
        forumId: forum.id,
        memberId: member.id,
        status: 'submitted',
        nominatorKind: input.nominatorKind,
        nominatorName: self ? `${member.firstName} ${member.lastName}` : input.nominator!.name.trim(),
        nominatorEmail: self ? member.email : input.nominator!.email.trim().toLowerCase(),
        nominatorPhone: self ? member.phone : input.nominator!.phone?.trim() || null,
        nominatorUserId: null,
        locale: existing && !self ? existing.preferredLanguage : input.locale,
        nomineeContactConsentAt: self && input.consentToContact ? now : null,
        nomineePublishConsentAt: self && input.consentToPublish ? now : null,
        nomineeBio: null,
        confirmedAt: null,
        responseTokenHash: null,
        responseTokenExpiresAt: null,
        responseTokenUsedAt: null,
      });
      await this.nominations.withTx(tx).addStatusChange({
        nominationId: nomination.id,
        fromStatus: null,
        toStatus: 'submitted',
        actor: 'public',
        actorName: self ? 'Nominee (public form)' : `${nomination.nominatorName} (public form)`,
        note: null,
        at: now,
      });
      const who = nomineeOf(member);
      // The nominator is told in the language they used; the nominee in their own.
      const received = receivedMessage({ ...nomination, locale: input.locale }, who, forum);
      const notice = nominatedMessage(nomination, who, forum, nomination.nominatorName ?? '');
      await this.outbox.enqueue(
        [received, notice].filter((m) => m !== null),
        tx,
      );
    });
  }

  /** Registrars nominate members of their own countries; organisers anyone. */
  async submitByStaff(user: AuthUser, input: StaffNominationInput): Promise<Nomination> {
    const forum = await this.forums.get(input.forumId);
    if (forum.status === 'archived') throw DomainError.conflict('This forum is archived');
    const now = this.clock.now();
    let existing: Member | null = null;
    let nominee: NormalisedMember | null = null;
    if (input.memberId) {
      existing = await this.registry.getVisible(user, input.memberId);
      if (existing.status === 'merged') throw DomainError.conflict('This record was merged into another one');
    } else if (input.nominee) {
      const fields: FieldErrors = {};
      nominee = this.normaliseNominee(
        { ...input.nominee, preferredLanguage: input.nominee.preferredLanguage ?? input.locale },
        fields,
      );
      if (Object.keys(fields).length) throw DomainError.validation(fields);
      if (!canSeeCountry(user, nominee!.countryCode)) {
        throw DomainError.forbidden(`You can nominate members living in ${user.countries.join(', ')} only`);
      }
      existing = await this.match(nominee!);
      if (existing && !canSeeCountry(user, existing.countryCode)) {
        throw DomainError.conflict('This person is already in the register, in a country you do not cover');
      }
    } else {
      throw DomainError.validation({ memberId: ['choose a member or enter the nominee’s details'] });
    }
    return this.transactions.run(async (tx) => {
      const member = existing ?? (await this.createMember(tx, nominee!, authorOf(user), false));
      const nomination = await this.nominations.withTx(tx).insert({
        ...content(input),
        forumId: forum.id,
        memberId: member.id,
        status: 'submitted',
        nominatorKind: user.role === 'organiser' ? 'organiser' : 'registrar',
        nominatorName: user.name,
        nominatorEmail: user.email,
        nominatorPhone: null,
        nominatorUserId: user.id,
        locale: member.preferredLanguage,
        nomineeContactConsentAt: null,
        nomineePublishConsentAt: null,
        nomineeBio: null,
        confirmedAt: null,
        responseTokenHash: null,
        responseTokenExpiresAt: null,
        responseTokenUsedAt: null,
      });
      await this.nominations.withTx(tx).addStatusChange({
        nominationId: nomination.id,
        fromStatus: null,
        toStatus: 'submitted',
        actor: actorOf(user),
        actorName: user.name,
        note: null,
        at: now,
      });
      const notice = nominatedMessage(nomination, nomineeOf(member), forum, user.name);
      if (notice) await this.outbox.enqueue([notice], tx);
      return nomination;
    });
  }

  private normaliseNominee(input: MemberInput, fields: FieldErrors): NormalisedMember | null {
    try {
      return this.registry.normalise(input);
    } catch (error) {
      if (!(error instanceof DomainError) || !error.fields) throw error;
      for (const [key, messages] of Object.entries(error.fields)) fields[`nominee.${key}`] = messages;
      return null;
    }
  }

  /** A live member with this email, else this phone: the same person is never entered twice. */
  private async match(nominee: NormalisedMember): Promise<Member | null> {
    const found = await this.registry.findDuplicates(nominee);
    return found.find((m) => nominee.email && m.email === nominee.email) ?? found[0] ?? null;
  }

  /** A new member of the register for the nominee; consent (to invitations) only when they gave it. */
  private createMember(tx: Tx, nominee: NormalisedMember, author: Author, consent: boolean): Promise<Member> {
    return this.registry.insertMember(
      tx,
      author,
      nominee,
      { invitations: consent, updates: false, method: 'web_form' },
      'nomination',
    );
  }
}

function content(input: NominationContent): NominationContent {
  return { category: input.category, topic: input.topic.trim(), summary: input.summary.trim() };
}

export function nomineeOf(member: Member): Nominee {
  return {
    id: member.id,
    firstName: member.firstName,
    lastName: member.lastName,
    email: member.email,
    phone: member.phone,
    countryCode: member.countryCode,
    city: member.city,
    occupation: member.occupation,
    status: member.status,
    preferredLanguage: member.preferredLanguage,
  };
}
