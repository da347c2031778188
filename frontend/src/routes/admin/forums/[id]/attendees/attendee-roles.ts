import type { Schemas } from '$lib/api/client';

export type AttendeeRole = Schemas['AttendeeDto']['role'];

/** The roles in the order the console offers them, with the word printed on the badge. */
export const roleOptions: { value: AttendeeRole; label: string }[] = [
  { value: 'attendee', label: 'Attendee' },
  { value: 'presenter', label: 'Presenter' },
  { value: 'organiser', label: 'Organiser' },
  { value: 'press', label: 'Press' },
  { value: 'vip', label: 'VIP' },
  { value: 'staff', label: 'Staff' },
];

export const roleLabel = (role: AttendeeRole): string => roleOptions.find((r) => r.value === role)?.label ?? role;
