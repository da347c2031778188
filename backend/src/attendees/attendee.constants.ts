export const attendeeRoles = ['attendee', 'presenter', 'organiser', 'press', 'vip', 'staff'] as const;
export type AttendeeRole = (typeof attendeeRoles)[number];
