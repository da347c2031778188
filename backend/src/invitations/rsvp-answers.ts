import type { Invitation } from './invitation.entity';

/** The columns an invitee's RSVP answers live in: what retention clears once the forum is long over. */
export const rsvpAnswerColumns = [
  'days',
  'dietary',
  'dietaryNote',
  'accessibility',
  'accessibilityNote',
  'arrivalCountry',
  'arrivalCity',
  'declineReason',
] as const;

/** An invitation's RSVP answers as the invitee reads them (on their page and in their data copy). */
export function rsvpAnswersOf(i: Invitation) {
  return {
    days: i.days ?? [],
    dietary: i.dietary ?? [],
    dietaryNote: i.dietaryNote,
    accessibility: i.accessibility ?? [],
    accessibilityNote: i.accessibilityNote,
    arrivalCountry: i.arrivalCountry,
    arrivalCity: i.arrivalCity,
    declineReason: i.declineReason,
  };
}
