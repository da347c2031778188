export const attendeeRoles = ['attendee', 'presenter', 'organiser', 'press', 'vip', 'staff'] as const;
export type AttendeeRole = (typeof attendeeRoles)[number];

/** The console's and the door's word for a role, in the order menus offer them. */
export const attendeeRoleLabels: Record<AttendeeRole, string> = {
  attendee: 'Attendee',
  presenter: 'Presenter',
  organiser: 'Organiser',
  press: 'Press',
  vip: 'VIP',
  staff: 'Staff',
};
