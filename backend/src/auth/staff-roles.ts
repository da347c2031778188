/** What a staff account may do: organise everything, register members for some countries, or work a door. */
export const staffRoles = ['organiser', 'registrar', 'door'] as const;
export type StaffRole = (typeof staffRoles)[number];
