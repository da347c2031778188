export * from './attendees';
export * from './countries';
export * from './nominations';
export * from './outreach';
export * from './register';
export * from './rsvp';
