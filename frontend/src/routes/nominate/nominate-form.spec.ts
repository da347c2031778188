import { describe, expect, it } from 'vitest';
import { emptyNomination, formatForumDates, toRequest, translateNominationErrors } from './nominate-form';

describe('nominate form', () => {
  it('sends only the fields of the kind of nomination chosen, without blanks', () => {
    const v = emptyNomination();
    Object.assign(v.nominee, { firstName: ' Palesa ', lastName: 'Ntšekhe', email: 'p@example.org', region: 'Gauteng' });
    v.category = 'investment';
    const self = toRequest(v, 'st', 'forum-2027', '')!;
    expect(self).toMatchObject({ nominatorKind: 'self', locale: 'st', consentToContact: true, consentToPublish: true });
    expect(self.nominee).toMatchObject({ firstName: 'Palesa', phone: undefined });
    expect(self.nominator).toBeUndefined();
    v.kind = 'member';
    v.nominator = { name: 'Lineo', email: 'l@example.org', phone: '' };
    const other = toRequest(v, 'en', 'forum-2027', '')!;
    expect(other).toMatchObject({ nominator: { name: 'Lineo', phone: undefined }, nomineeAware: false });
    expect(other.consentToPublish).toBeUndefined();
  });

  it('has nothing to send until a category is chosen', () => {
    expect(toRequest(emptyNomination(), 'en', 'forum-2027', '')).toBeNull();
  });

  it('translates the API’s field messages, ours and the shared ones', () => {
    const fields = translateNominationErrors({
      topic: ['enter a proposed topic'],
      'nominee.region': ['choose the province'],
      x: ['odd'],
    });
    expect(fields).toEqual({ topic: ['Enter a proposed topic.'], 'nominee.region': ['Choose your province.'], x: ['odd'] });
  });

  it('formats forum dates in English and Sesotho', () => {
    expect(formatForumDates('2027-04-08', '2027-04-09', 'en')).toBe('8–9 April 2027');
    expect(formatForumDates('2027-04-30', '2027-05-01', 'st')).toBe('30 Mmesa – 1 Motšeanong 2027');
  });
});
