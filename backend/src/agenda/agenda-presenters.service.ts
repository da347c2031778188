import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import type { StaffRole } from '../auth/staff-roles';
import { UsersService } from '../auth/users.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { ForumsService } from '../forums/forums.service';
import { NomineePresentersService } from '../nominations/nominee-presenters.service';
import { RegisterService } from '../register/register.service';
import type { AgendaPresenter } from './agenda-presenter.entity';
import { AgendaRepository } from './agenda.repository';

export interface PresenterInput {
  memberId?: string;
  userId?: string;
  name?: string;
  affiliation?: string | null;
  bio?: string | null;
  /** An organiser records that this presenter agreed to a public profile (not needed for nominees who consented). */
  publishConsent?: boolean;
}

export interface PresenterCandidates {
  nominees: { memberId: string; name: string; topic: string; confirmed: boolean; publishConsent: boolean }[];
  staff: { userId: string; name: string; role: StaffRole }[];
}

/** The people who present at a forum: accepted nominees, other members, staff, or guests by name. */
@Injectable()
export class AgendaPresentersService {
  constructor(
    private readonly agenda: AgendaRepository,
    private readonly forums: ForumsService,
    private readonly nominees: NomineePresentersService,
    private readonly registry: RegisterService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async candidates(forumId: string): Promise<PresenterCandidates> {
    await this.forums.get(forumId);
    const [accepted, staff] = await Promise.all([this.nominees.accepted(forumId), this.users.list()]);
    return {
      nominees: accepted
        .filter((r) => r.nominee.status !== 'erased')
        .map((r) => ({
          memberId: r.nominee.id,
          name: `${r.nominee.firstName} ${r.nominee.lastName}`,
          topic: r.nomination.topic,
          confirmed: !!r.nomination.confirmedAt,
          publishConsent: !!r.nomination.nomineePublishConsentAt,
        })),
      staff: staff.filter((u) => u.active && u.role !== 'door').map((u) => ({ userId: u.id, name: u.name, role: u.role })),
    };
  }

  /** Adds a presenter; the same member or staff user twice gives back the one already there. */
  async add(user: AuthUser, forumId: string, input: PresenterInput): Promise<AgendaPresenter> {
    await this.forums.get(forumId);
    const given = [input.memberId, input.userId, input.name?.trim()].filter(Boolean).length;
    if (given === 0 || (input.memberId && input.userId)) {
      throw DomainError.validation({ name: ['choose a member or a staff user, or enter a name'] });
    }
    const now = this.clock.now();
    const consent = input.publishConsent ? now : null;
    if (input.memberId) {
      const existing = await this.agenda.findPresenterBy(forumId, { memberId: input.memberId });
      if (existing) return existing;
      const member = await this.registry.getVisible(user, input.memberId);
      const nomination = (await this.nominees.nomineeConsents(forumId, [member.id])).get(member.id);
      return this.agenda.savePresenter({
        forumId,
        memberId: member.id,
        userId: null,
        name: input.name?.trim() || `${member.firstName} ${member.lastName}`,
        affiliation: input.affiliation?.trim() || member.occupation,
        bio: input.bio?.trim() || nomination?.bio || null,
        publishConsentAt: consent,
      });
    }
    if (input.userId) {
      const existing = await this.agenda.findPresenterBy(forumId, { userId: input.userId });
      if (existing) return existing;
      const staff = await this.users.get(input.userId);
      return this.agenda.savePresenter({
        forumId,
        memberId: null,
        userId: staff.id,
        name: input.name?.trim() || staff.name,
        affiliation: input.affiliation?.trim() || null,
        bio: input.bio?.trim() || null,
        publishConsentAt: consent,
      });
    }
    return this.agenda.savePresenter({
      forumId,
      memberId: null,
      userId: null,
      name: input.name!.trim(),
      affiliation: input.affiliation?.trim() || null,
      bio: input.bio?.trim() || null,
      publishConsentAt: consent,
    });
  }

  async update(id: string, input: Omit<PresenterInput, 'memberId' | 'userId'>): Promise<AgendaPresenter> {
    const presenter = await this.get(id);
    if (input.name !== undefined) {
      if (!input.name.trim()) throw DomainError.validation({ name: ['enter a name'] });
      presenter.name = input.name.trim();
    }
    if (input.affiliation !== undefined) presenter.affiliation = input.affiliation?.trim() || null;
    if (input.bio !== undefined) presenter.bio = input.bio?.trim() || null;
    if (input.publishConsent !== undefined) {
      presenter.publishConsentAt = input.publishConsent ? (presenter.publishConsentAt ?? this.clock.now()) : null;
    }
    return this.agenda.savePresenter(presenter);
  }

  async remove(id: string): Promise<void> {
    const presenter = await this.get(id);
    if (await this.agenda.countSessionsOfPresenter(id)) {
      throw DomainError.conflict(`${presenter.name} is in sessions: take them out of those sessions first`);
    }
    await this.agenda.removePresenter(id);
  }

  private async get(id: string): Promise<AgendaPresenter> {
    const presenter = await this.agenda.findPresenter(id);
    if (!presenter) throw DomainError.notFound('Presenter');
    return presenter;
  }
}
