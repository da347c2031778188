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

export const memberStatuses = ['active', 'pending_confirmation', 'erased'] as const;
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
