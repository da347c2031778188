import type { MemberEvent } from '../member-event.entity';
import type { Member } from '../member.entity';
import type { DuplicateGroupDto, DuplicateMemberDto, MergedHistoryEventDto, MergeCandidateDto } from './dto/duplicates.dto';
import type { DuplicateGroup } from './duplicate-groups';
import type { DuplicateMember } from './duplicates.repository';

export function mapDuplicateMember(m: DuplicateMember): DuplicateMemberDto {
  return {
    id: m.id,
    firstName: m.firstName,
    lastName: m.lastName,
    email: m.email,
    phone: m.phone,
    whatsapp: m.whatsapp,
    countryCode: m.countryCode,
    region: m.region,
    city: m.city,
    source: m.source,
    status: m.status,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

export function mapDuplicateGroup(g: DuplicateGroup): DuplicateGroupDto {
  return { sharedEmails: g.sharedEmails, sharedPhones: g.sharedPhones, members: g.members.map(mapDuplicateMember) };
}

export function mapMergeCandidate(m: Member): MergeCandidateDto {
  return {
    ...mapDuplicateMember(m),
    occupation: m.occupation,
    sectors: (m.sectors ?? []).map((s) => s.sector).sort(),
    preferredChannel: m.preferredChannel,
    preferredLanguage: m.preferredLanguage,
    consentAt: m.consentAt?.toISOString() ?? null,
    consentMethod: m.consentMethod,
    consentInvitations: m.consentInvitations,
    consentUpdates: m.consentUpdates,
  };
}

export function mapMemberEvent(e: MemberEvent): MergedHistoryEventDto {
  return { id: e.id, memberId: e.memberId, kind: e.kind, actor: e.actor, details: e.details, at: e.at.toISOString() };
}
