import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Phone types that can plausibly receive WhatsApp (libphonenumber cannot tell for some countries). */
const maybeMobile = new Set([undefined, 'MOBILE', 'FIXED_LINE_OR_MOBILE', 'PERSONAL_NUMBER', 'VOIP']);

/**
 * A click-to-chat link (https://wa.me/<digits>) for a member: their WhatsApp number, else their
 * phone when it may be a mobile. Numbers are stored in E.164, so the digits are the number without "+".
 */
export function whatsappLink(member: { whatsapp: string | null; phone: string | null }): string | null {
  const number = member.whatsapp ?? (member.phone && maybeMobile.has(phoneType(member.phone)) ? member.phone : null);
  const digits = number?.replace(/\D/g, '');
  return digits ? `https://wa.me/${digits}` : null;
}

function phoneType(e164: string): string | undefined {
  return parsePhoneNumberFromString(e164)?.getType();
}

/** "+27 82 123 4567" for "+27821234567": easier to read out and dial. */
export function readablePhone(e164: string | null): string | null {
  return e164 ? (parsePhoneNumberFromString(e164)?.formatInternational() ?? e164) : null;
}
