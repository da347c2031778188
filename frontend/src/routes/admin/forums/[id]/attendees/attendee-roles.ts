import { attendeeRoleLabels, attendeeRoles } from '@diaspora-forum/lists';
import type { Schemas } from '$lib/api/client';

export type AttendeeRole = Schemas['AttendeeRole'];

/** The roles in the order the console offers them, with the console's word for each. */
export const roleOptions: { value: AttendeeRole; label: string }[] = attendeeRoles.map((value) => ({
  value,
  label: attendeeRoleLabels[value],
}));

export const roleLabel = (role: AttendeeRole): string => attendeeRoleLabels[role];
