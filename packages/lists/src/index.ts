export * from './audit';
export * from './attendees';
export * from './countries';
export * from './forums';
export * from './nominations';
export * from './outreach';
export * from './register';
export * from './rsvp';
