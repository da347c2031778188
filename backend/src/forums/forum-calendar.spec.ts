import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { forumCalendar } from './forum-calendar';

describe(forumCalendar.name, () => {
  it('puts each attended day at 08:00–17:00 Maseru time (06:00–15:00 UTC), readable by an iCalendar parser', () => {
    const ics = forumCalendar(
      { id: 'f1', name: 'Basotho Diaspora Forum 2027', venue: 'Manthabiseng, Maseru', timezone: 'Africa/Maseru' },
      ['2027-04-08', '2027-04-09'],
      'https://forum.example.org/rsvp/x',
    );
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(
      events.map((e) => [e.summary, e.location, e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()]),
    ).toEqual([
      ['Basotho Diaspora Forum 2027', 'Manthabiseng, Maseru', '2027-04-08T06:00:00.000Z', '2027-04-08T15:00:00.000Z'],
      ['Basotho Diaspora Forum 2027', 'Manthabiseng, Maseru', '2027-04-09T06:00:00.000Z', '2027-04-09T15:00:00.000Z'],
    ]);
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics.split('\r\n').length).toBeGreaterThan(10);
  });
});
