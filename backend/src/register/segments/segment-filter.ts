import type { Channel, Language, MemberSource, Sector } from '../register.constants';

/**
 * Which members a segment holds. Every field narrows the set (AND); lists match any of their
 * values (OR). Used by the member list, saved segments, exports, call sheets and invitation
 * campaigns. Registrars' queries are always narrowed further to their own countries.
 */
export interface SegmentFilter {
  countries?: string[];
  /** SA provinces, or free-text regions elsewhere (exact match). */
  regions?: string[];
  sectors?: Sector[];
  channels?: Channel[];
  languages?: Language[];
  sources?: MemberSource[];
  /** Consent to be invited to forums / to receive updates. */
  consentInvitations?: boolean;
  consentUpdates?: boolean;
  hasEmail?: boolean;
  hasPhone?: boolean;
  /** Free text: names, email, phone, city, occupation. */
  text?: string;
}
