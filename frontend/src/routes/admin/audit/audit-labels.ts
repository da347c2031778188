import type { AuditAction, AuditArea } from '@diaspora-forum/lists';

/** What each audit action is called on the page: every action has a label (the type says so). */
export const actionLabels: Record<AuditAction, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.sign_in_locked': 'Sign-in locked',
  'staff.created': 'Staff account created',
  'staff.updated': 'Staff account changed',
  'staff.disabled': 'Staff account disabled',
  'staff.unlocked': 'Staff account unlocked',
  'door.assigned': 'Door device assigned',
  'door.device_revoked': 'Door device revoked',
  'door.override': 'Door override',
  'import.committed': 'Import committed',
  'import.rolled_back': 'Import rolled back',
  'member.merged': 'Members merged',
  'member.consent_recorded': 'Consent recorded',
  'member.erased': 'Member erased',
  'data.exported': 'Data exported',
  'campaign.sent': 'Campaign sent',
  'campaign.scheduled': 'Campaign scheduled',
  'campaign.cancelled': 'Campaign cancelled',
  'badge.reissued': 'Badge re-issued',
  'badge.revoked': 'Badge revoked',
  'settings.changed': 'Settings changed',
  'retention.run': 'Retention run',
};

export const areaLabels: Record<AuditArea, string> = {
  auth: 'Sign-in',
  staff: 'Staff',
  door: 'Door',
  import: 'Imports',
  member: 'Members',
  data: 'Exports',
  campaign: 'Campaigns',
  badge: 'Badges',
  settings: 'Settings',
  retention: 'Retention',
};

/** A label for an action this build does not know yet (a newer server): the action's own name. */
export function actionLabel(action: string): string {
  return (actionLabels as Record<string, string>)[action] ?? action;
}
