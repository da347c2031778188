import type { Schemas } from '$lib/api/client';
import { southAfricanProvinces } from '$lib/countries';

export { languageLabels } from '@diaspora-forum/lists';

export type Member = Schemas['MemberDto'];
export type MemberSummary = Schemas['MemberSummaryDto'];
export type Sector = Schemas['Sector'];
export type Channel = Schemas['Channel'];
export type Language = Schemas['Language'];
export type MemberSource = Schemas['MemberSource'];
export type ConsentMethod = Schemas['ConsentMethod'];

// The register's fixed lists with the words the console shows for them. The values are the API's
// (the typed client checks them); the order is the order menus use.
export const provinces = southAfricanProvinces;

export const sectorLabels: Record<Sector, string> = {
  investment: 'Investment',
  trade: 'Trade and business',
  education: 'Education',
  health: 'Health',
  social: 'Social',
  cultural: 'Cultural',
  other: 'Other',
};

export const channelLabels: Record<Channel, string> = {
  email: 'Email',
  whatsapp: 'WhatsApp',
  phone: 'Phone call',
  sms: 'SMS',
};

export const sourceLabels: Record<MemberSource, string> = {
  import: 'Import',
  self: 'Self-registration',
  registrar: 'Added by staff',
  walk_in: 'Walk-in',
  nomination: 'Nomination',
  seed: 'Demo data',
};

export const consentMethodLabels: Record<ConsentMethod, string> = {
  paper_form: 'Paper form',
  phone_call: 'Phone call',
  in_person: 'In person',
  email: 'Email',
  web_form: 'Web form',
  import: 'Import',
};

export const statusLabels: Record<Schemas['MemberStatus'], string> = {
  active: 'Active',
  pending_confirmation: 'Email not confirmed',
  merged: 'Merged',
  erased: 'Erased',
};

export const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as K[];

export function fullName(member: Pick<MemberSummary, 'firstName' | 'lastName'>): string {
  return `${member.firstName} ${member.lastName}`;
}
