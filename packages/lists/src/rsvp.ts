export const rsvpResponses = ['accepted', 'declined', 'tentative'] as const;
export type RsvpResponse = (typeof rsvpResponses)[number];

/** Where an invitation stands, as the campaign's invitee list filters it. */
export const inviteeStates = ['invited', 'delivered', 'failed', 'opened', 'responded', 'revoked'] as const;
export type InviteeState = (typeof inviteeStates)[number];

/** What an invitee may tick on the RSVP page (the words are in the console's message files). */
export const dietaryNeeds = [
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
export type DietaryNeed = (typeof dietaryNeeds)[number];

export const accessibilityNeeds = [
  'wheelchair',
  'step_free',
  'hearing',
  'visual',
  'seating',
  'assistant',
  'quiet_space',
] as const;
export type AccessibilityNeed = (typeof accessibilityNeeds)[number];
