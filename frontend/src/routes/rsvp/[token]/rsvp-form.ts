import type { Schemas } from '$lib/api/client';

type Answer = Schemas['RsvpAnswerDto'];

export interface RsvpFormValue {
  /** '' until the invitee chooses. */
  response: Answer['response'] | '';
  days: string[];
  dietary: Schemas['DietaryNeed'][];
  dietaryNote: string;
  accessibility: Schemas['AccessibilityNeed'][];
  accessibilityNote: string;
  arrivalCountry: string;
  arrivalCity: string;
  declineReason: string;
}

/** The answer as the API takes it: only what applies to the chosen response, no empty strings; null before a choice. */
export function toAnswer(v: RsvpFormValue): Answer | null {
  const text = (s: string) => (s.trim() ? s.trim() : undefined);
  if (!v.response) return null;
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

export function toggle<T extends string>(list: T[], item: T, on: boolean): T[] {
  return on ? [...new Set([...list, item])] : list.filter((x) => x !== item);
}
