import type { Member } from '../register/register.service';
import type { OutreachAttemptDto, OutreachContactDto } from './dto/outreach.dto';
import type { OutreachLogWithStaff } from './outreach.service';
import { readablePhone, whatsappLink } from './whatsapp-link';

export function mapOutreachAttempt(log: OutreachLogWithStaff): OutreachAttemptDto {
  return {
    id: log.id,
    memberId: log.memberId,
    channel: log.channel,
    outcome: log.outcome,
    note: log.note,
    contactedAt: log.contactedAt.toISOString(),
    staffUserId: log.staffUserId,
    staffName: log.staffName,
  };
}

export function mapOutreachContact(member: Member): OutreachContactDto {
  return {
    id: member.id,
    firstName: member.firstName,
    lastName: member.lastName,
    email: member.email,
    phone: member.phone,
    whatsapp: member.whatsapp,
    phoneDisplay: readablePhone(member.phone),
    whatsappDisplay: readablePhone(member.whatsapp),
    whatsappLink: whatsappLink(member),
    countryCode: member.countryCode,
    region: member.region,
    city: member.city,
    preferredChannel: member.preferredChannel,
    preferredLanguage: member.preferredLanguage,
    consentInvitations: member.consentInvitations,
    consentUpdates: member.consentUpdates,
    status: member.status,
  };
}
