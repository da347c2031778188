import type { Member } from '../member.entity';
import type { MemberSelfDto } from './dto/self-service.dto';

export function mapMemberSelf(m: Member): MemberSelfDto {
  return {
    firstName: m.firstName,
    lastName: m.lastName,
    email: m.email,
    phone: m.phone,
    whatsapp: m.whatsapp,
    countryCode: m.countryCode,
    region: m.region,
    city: m.city,
    occupation: m.occupation,
    sectors: (m.sectors ?? []).map((s) => s.sector).sort(),
    preferredChannel: m.preferredChannel,
    preferredLanguage: m.preferredLanguage,
    consentInvitations: m.consentInvitations,
    consentUpdates: m.consentUpdates,
    consentAt: m.consentAt?.toISOString() ?? null,
    status: m.status,
    createdAt: m.createdAt.toISOString(),
  };
}
