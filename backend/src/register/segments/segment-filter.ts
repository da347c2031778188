import type { ListableMemberStatus as ListableStatus } from '@diaspora-forum/lists';
import type { Channel, Language, MemberSource, MemberStatus, Sector } from '../register.constants';

/** Statuses a segment holds unless its filter names others: people still in the register. */
export const defaultSegmentStatuses = ['active', 'pending_confirmation'] as const satisfies readonly MemberStatus[];

/** Statuses a filter may ask for; erased records are anonymised and never listed (shared with the console). */
export { type ListableMemberStatus as ListableStatus, listableMemberStatuses as listableStatuses } from '@diaspora-forum/lists';

/**
 * Which members a segment holds. Every field narrows the set (AND); lists match any of their
 * values (OR); an empty or missing field does not narrow. Used by the member list, saved segments,
 * exports, call sheets and invitation campaigns. Registrars' queries are always narrowed further
 * to their own countries.
 *
 * Invitation campaigns: ask for `statuses: ['active']` and `consentInvitations: true`; the
 * default statuses include members whose email is not yet confirmed.
 */
export interface SegmentFilter {
  /** ISO 3166-1 alpha-2 codes of the country of residence. */
  countries?: string[];
  /** SA provinces, or free-text regions elsewhere (exact match). */
  regions?: string[];
  /** Members working in any of these sectors. */
  sectors?: Sector[];
  /** Preferred channel. */
  channels?: Channel[];
  /** Preferred language. */
  languages?: Language[];
  sources?: MemberSource[];
  /** Consent to be invited to forums / to receive updates (true: given; false: not given). */
  consentInvitations?: boolean;
  consentUpdates?: boolean;
  hasEmail?: boolean;
  /** Has a phone or a WhatsApp number. */
  hasPhone?: boolean;
  /** Free text: every word must appear in a name, the email, a phone number, the city or the occupation. */
  text?: string;
  /** Default: active and pending_confirmation (merged records are kept for history only). */
  statuses?: ListableStatus[];
}

/** The keys a filter may have, for code that copies or checks filters. */
export const segmentFilterKeys = [
  'countries',
  'regions',
  'sectors',
  'channels',
  'languages',
  'sources',
  'consentInvitations',
  'consentUpdates',
  'hasEmail',
  'hasPhone',
  'text',
  'statuses',
] as const satisfies readonly (keyof SegmentFilter)[];

/** A copy holding only the fields that narrow the set: no undefined values, no empty lists or text. */
export function compactFilter(filter: SegmentFilter): SegmentFilter {
  const compact: Record<string, unknown> = {};
  for (const key of segmentFilterKeys) {
    const value = filter[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === 'string' && !value.trim()) continue;
    compact[key] = Array.isArray(value) ? [...new Set(value)] : typeof value === 'string' ? value.trim() : value;
  }
  return compact as SegmentFilter;
}
