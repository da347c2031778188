export { type AttendeeRole, attendeeRoles } from '@diaspora-forum/lists';
