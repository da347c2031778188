import { createHash } from 'node:crypto';
import type { MemberDataRows } from '../member-data-holders';
import type { MemberEvent } from '../member-event.entity';
import type { Member } from '../member.entity';
import { mapMemberSelf } from './self-service.mapper';

/** Everything held about a member, in one file they can keep: the subject-access export. */
export interface MemberDataCopy {
  exportedAt: string;
  /** Changes whenever anything in the copy changes (not with the copy's own time or the record of exports). */
  version: string;
  profile: Record<string, unknown>;
  consent: { invitations: boolean; updates: boolean; givenAt: string | null; method: string | null };
  history: { at: string; kind: string; by: string; details: Record<string, unknown> | null }[];
  /** Each module's part (outreach, invitations, attendance, check-ins, nominations, presenter profiles, imports) and the mail log. */
  sections: Record<string, MemberDataRows>;
}

/** What each section is called in the readable copy and the erasure preview. */
export const sectionTitles: Record<string, string> = {
  profile: 'Profile',
  history: 'Consents and history of the record',
  imports: 'Import the record came from',
  outreach: 'Contact attempts (outreach log)',
  invitations: 'Invitations and answers',
  attendance: 'Badges and attendance',
  checkIns: 'Check-ins at the door',
  nominations: 'Nominations (as nominee and as nominator)',
  presenterProfiles: 'Presenter profiles',
  emails: 'Emails (mail log)',
};

export function buildDataCopy(
  member: Member,
  events: MemberEvent[],
  sections: Record<string, MemberDataRows>,
  now: Date,
): MemberDataCopy {
  const body = {
    profile: { ...mapMemberSelf(member), source: member.source },
    consent: {
      invitations: member.consentInvitations,
      updates: member.consentUpdates,
      givenAt: member.consentAt?.toISOString() ?? null,
      method: member.consentMethod,
    },
    history: events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      by: e.actor.startsWith('staff:') ? 'staff' : e.actor,
      details: e.details,
    })),
    sections: Object.fromEntries(Object.entries(sections).sort(([a], [b]) => order(a) - order(b))),
  };
  return { exportedAt: now.toISOString(), version: versionOf(body), ...body };
}

const order = (key: string) => {
  const at = Object.keys(sectionTitles).indexOf(key);
  return at < 0 ? 99 : at;
};

/** The record's version: a hash of the copy's content, leaving out the copies already taken (exporting changes nothing). */
function versionOf(body: Omit<MemberDataCopy, 'exportedAt' | 'version'>): string {
  const content = { ...body, history: body.history.filter((h) => h.kind !== 'exported') };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}

/** Rows per section, for the erasure preview. */
export function sectionCounts(copy: MemberDataCopy): { key: string; title: string; count: number }[] {
  const counts = [
    { key: 'profile', count: 1 },
    { key: 'history', count: copy.history.length },
    ...Object.entries(copy.sections).map(([key, rows]) => ({ key, count: rows.length })),
  ];
  return counts.map((c) => ({ ...c, title: sectionTitles[c.key] ?? c.key }));
}
