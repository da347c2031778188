export const dietaryKeys = [
  'vegetarian',
  'vegan',
  'halal',
  'kosher',
  'no_pork',
  'gluten_free',
  'lactose_free',
  'nut_allergy',
  'diabetic',
] as const;
export const accessKeys = ['wheelchair', 'step_free', 'hearing', 'visual', 'seating', 'assistant', 'quiet_space'] as const;

export interface RsvpFormValue {
  response: 'accepted' | 'declined' | 'tentative' | '';
  days: string[];
  dietary: string[];
  dietaryNote: string;
  accessibility: string[];
  accessibilityNote: string;
  arrivalCountry: string;
  arrivalCity: string;
  declineReason: string;
}

/** The answer as the API takes it: only what applies to the chosen response, no empty strings. */
export function toAnswer(v: RsvpFormValue): Record<string, unknown> {
  const text = (s: string) => (s.trim() ? s.trim() : undefined);
  if (v.response === 'declined') return { response: 'declined', declineReason: text(v.declineReason) };
  return {
    response: v.response,
    days: v.days,
    dietary: v.dietary,
    dietaryNote: text(v.dietaryNote),
    accessibility: v.accessibility,
    accessibilityNote: text(v.accessibilityNote),
    arrivalCountry: v.arrivalCountry || undefined,
    arrivalCity: text(v.arrivalCity),
  };
}

export function toggle(list: string[], item: string, on: boolean): string[] {
  return on ? [...new Set([...list, item])] : list.filter((x) => x !== item);
}
