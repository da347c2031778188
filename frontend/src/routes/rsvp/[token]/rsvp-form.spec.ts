import { describe, expect, it } from 'vitest';
import { toAnswer, toggle, type RsvpFormValue } from './rsvp-form';

const base: RsvpFormValue = {
  response: 'accepted',
  days: ['2027-04-08'],
  dietary: ['halal'],
  dietaryNote: ' ',
  accessibility: [],
  accessibilityNote: '',
  arrivalCountry: 'ZA',
  arrivalCity: ' Bloemfontein ',
  declineReason: 'busy',
};

describe('RSVP answer', () => {
  it('sends what applies to an acceptance, trimmed, without empty notes', () => {
    expect(toAnswer(base)).toEqual({
      response: 'accepted',
      days: ['2027-04-08'],
      dietary: ['halal'],
      dietaryNote: undefined,
      accessibility: [],
      accessibilityNote: undefined,
      arrivalCountry: 'ZA',
      arrivalCity: 'Bloemfontein',
    });
  });

  it('sends only the reason with a refusal', () => {
    expect(toAnswer({ ...base, response: 'declined' })).toEqual({ response: 'declined', declineReason: 'busy' });
  });

  it('has no answer before a response is chosen', () => {
    expect(toAnswer({ ...base, response: '' })).toBeNull();
  });

  it('toggles choices without duplicates', () => {
    expect(toggle(['a'], 'a', true)).toEqual(['a']);
    expect(toggle(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
