export const sectors = ['investment', 'trade', 'education', 'health', 'social', 'cultural', 'other'] as const;
export type Sector = (typeof sectors)[number];

export const channels = ['email', 'whatsapp', 'phone', 'sms'] as const;
export type Channel = (typeof channels)[number];

export const languages = ['en', 'st'] as const;
export type Language = (typeof languages)[number];

/** The languages by their own English names, as the console and the call sheets print them. */
export const languageLabels: Record<Language, string> = { en: 'English', st: 'Sesotho' };

export const consentMethods = ['web_form', 'paper_form', 'phone_call', 'email', 'in_person', 'import'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export const memberSources = ['import', 'self', 'registrar', 'walk_in', 'nomination', 'seed'] as const;
export type MemberSource = (typeof memberSources)[number];

/** pending_confirmation: self-registered, email not yet confirmed (double opt-in). merged: kept for history, see mergedIntoId. */
export const memberStatuses = ['active', 'pending_confirmation', 'merged', 'erased'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

/** Statuses a member filter may ask for; erased records are anonymised and never listed. */
export const listableMemberStatuses = ['active', 'pending_confirmation', 'merged'] as const satisfies readonly MemberStatus[];
export type ListableMemberStatus = (typeof listableMemberStatuses)[number];

/** How the member list may be ordered. */
export const memberSorts = ['name', 'country', 'region', 'createdAt'] as const;
export type MemberSort = (typeof memberSorts)[number];
