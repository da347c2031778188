import type { Member } from '../member.entity';
import { sectors as sectorOrder } from '../register.constants';
import type { MemberDto, MemberEventDto, MemberSummaryDto } from './dto/member.dto';
import type { MemberRecord } from './members.service';

export function mapMemberSummary(member: Member): MemberSummaryDto {
  return {
    id: member.id,
    firstName: member.firstName,
    lastName: member.lastName,
    email: member.email,
    phone: member.phone,
    whatsapp: member.whatsapp,
    countryCode: member.countryCode,
    region: member.region,
    city: member.city,
    occupation: member.occupation,
    sectors: (member.sectors ?? []).map((s) => s.sector).sort((a, b) => sectorOrder.indexOf(a) - sectorOrder.indexOf(b)),
    preferredChannel: member.preferredChannel,
    preferredLanguage: member.preferredLanguage,
    consentInvitations: member.consentInvitations,
    consentUpdates: member.consentUpdates,
    status: member.status,
    createdAt: member.createdAt.toISOString(),
  };
}

export function mapMember({ member, events, staffNames }: MemberRecord): MemberDto {
  return {
    ...mapMemberSummary(member),
    consentAt: member.consentAt?.toISOString() ?? null,
    consentMethod: member.consentMethod,
    source: member.source,
    sourceBatchId: member.sourceBatchId,
    mergedIntoId: member.mergedIntoId,
    createdById: member.createdById,
    updatedAt: member.updatedAt.toISOString(),
    history: events.map((e): MemberEventDto => ({
      id: e.id,
      kind: e.kind,
      actor: e.actor,
      actorName: e.actor.startsWith('staff:') ? (staffNames.get(e.actor.slice('staff:'.length)) ?? null) : null,
      details: e.details,
      at: e.at.toISOString(),
    })),
  };
}
