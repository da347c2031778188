/**
 * What the audit log records: each staff (or scheduled) action that changes who may do what, what
 * is held about people, or what was sent to them. Grouped by area; the console filters on them.
 */
export const auditActions = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_in_locked',
  'staff.created',
  'staff.updated',
  'staff.disabled',
  'staff.unlocked',
  'door.assigned',
  'door.device_revoked',
  'door.override',
  'import.committed',
  'import.rolled_back',
  'member.merged',
  'member.consent_recorded',
  'member.erased',
  'data.exported',
  'campaign.sent',
  'campaign.scheduled',
  'campaign.cancelled',
  'badge.reissued',
  'badge.revoked',
  'settings.changed',
  'retention.run',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** Who acted: a staff role, the scheduler, a member through their own link, or someone not signed in. */
export const auditActorRoles = ['organiser', 'registrar', 'door', 'system', 'member', 'anonymous'] as const;
export type AuditActorRole = (typeof auditActorRoles)[number];

/** The part of an action before the dot ('staff', 'import', …): the console filters by area too. */
export type AuditArea = AuditAction extends `${infer Area}.${string}` ? Area : never;
export const auditAreas = [...new Set(auditActions.map((a) => a.split('.')[0]))] as AuditArea[];
