export const sectors = ['investment', 'trade', 'education', 'health', 'social', 'cultural', 'other'] as const;
export type Sector = (typeof sectors)[number];

export const channels = ['email', 'whatsapp', 'phone', 'sms'] as const;
export type Channel = (typeof channels)[number];

export const languages = ['en', 'st'] as const;
export type Language = (typeof languages)[number];

export const consentMethods = ['web_form', 'paper_form', 'phone_call', 'email', 'in_person', 'import'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export const memberSources = ['import', 'self', 'registrar', 'walk_in', 'nomination', 'seed'] as const;
export type MemberSource = (typeof memberSources)[number];

/** pending_confirmation: self-registered, email not yet confirmed (double opt-in). merged: kept for history, see mergedIntoId. */
export const memberStatuses = ['active', 'pending_confirmation', 'merged', 'erased'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

/** The nine provinces of South Africa: the region list for members living in ZA. */
export const southAfricanProvinces = [
  'Eastern Cape',
  'Free State',
  'Gauteng',
  'KwaZulu-Natal',
  'Limpopo',
  'Mpumalanga',
  'North West',
  'Northern Cape',
  'Western Cape',
] as const;

export const outreachOutcomes = ['reached', 'registered', 'call_back', 'no_answer', 'wrong_number', 'declined'] as const;
export type OutreachOutcome = (typeof outreachOutcomes)[number];

export const memberEventKinds = [
  'created',
  'updated',
  'imported',
  'confirmed',
  'merged',
  'exported',
  'erased',
  'outreach',
] as const;
export type MemberEventKind = (typeof memberEventKinds)[number];
