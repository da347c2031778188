import type { AuditAction } from '@diaspora-forum/lists';
import type { Agent } from 'supertest';

/** What the helper needs of an HTTP client: JSON calls and one file upload, each throwing on an error status. */
export interface StaffApi {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown, signedIn?: boolean): Promise<any>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  upload(path: string, fileName: string, content: string): Promise<any>;
}

/** The StaffApi over supertest agents (an organiser's and an anonymous one). */
export function supertestApi(organiser: Agent, anon: Agent): StaffApi {
  const check = (res: { status: number; body: unknown; text: string }, what: string) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text}`);
    return res.body;
  };
  return {
    async call(method, path, body, signedIn = true) {
      const agent = signedIn ? organiser : anon;
      const req =
        method === 'GET'
          ? agent.get(path)
          : agent[method.toLowerCase() as 'post' | 'patch' | 'put'](path).send((body ?? {}) as object);
      return check(await req, `${method} ${path}`);
    },
    async upload(path, fileName, content) {
      return check(await organiser.post(path).attach('file', Buffer.from(content), fileName), `upload ${path}`);
    },
  };
}

/** The staff actions this module wires (sign-in, door, erasure and retention are other modules' to record). */
export const wiredActions: AuditAction[] = [
  'staff.created',
  'staff.updated',
  'staff.disabled',
  'import.committed',
  'import.rolled_back',
  'member.merged',
  'member.consent_recorded',
  'data.exported',
  'campaign.sent',
  'campaign.scheduled',
  'campaign.cancelled',
  'badge.reissued',
  'badge.revoked',
  'settings.changed',
];

/**
 * Does, through the API as an organiser would, every action in `wiredActions`. Used by the audit
 * spec over supertest and by the e2e browser test over HTTP. `tag` keeps emails unique.
 */
export async function doEveryStaffAction(
  api: StaffApi,
  tag: string,
): Promise<{ forumId: string; staffId: string; memberId: string }> {
  const staff = await api.call('POST', '/api/v1/users', {
    email: `door.${tag}@example.org`,
    name: 'Door Person',
    password: 'a long door password',
    role: 'door',
  });
  await api.call('PATCH', `/api/v1/users/${staff.id}`, { role: 'registrar', countries: ['ZA'] });
  await api.call('PATCH', `/api/v1/users/${staff.id}`, { active: false });

  const csv = ['Name;Surname;Email;Country;Province', `Lerato;Import${tag};lerato.${tag}@example.org;ZA;Free State`].join('\n');
  const up = await api.upload('/api/v1/imports', 'members.csv', csv);
  await api.call('POST', `/api/v1/imports/${up.batch.id}/preview`, { mapping: up.batch.mapping });
  await api.call('POST', `/api/v1/imports/${up.batch.id}/commit`, {});
  await api.call('POST', `/api/v1/imports/${up.batch.id}/rollback`);

  // A member added by staff with consent; the same person registers themselves with another email
  // (the register only matches self-registrations by email), and the two records are merged.
  const phone = `+2782${tag.replace(/\D/g, '').padEnd(7, '0').slice(0, 7)}`;
  const member = await api.call('POST', '/api/v1/members', {
    firstName: 'Palesa',
    lastName: 'Mokoena',
    email: `palesa.${tag}@example.org`,
    phone,
    countryCode: 'ZA',
    region: 'Gauteng',
    consent: { invitations: true, updates: false, method: 'paper_form' },
  });
  const self = {
    firstName: 'Palesa',
    lastName: 'Mokoena',
    email: `palesa.other.${tag}@example.org`,
    phone,
    countryCode: 'ZA',
    region: 'Gauteng',
    sectors: ['health'],
    preferredLanguage: 'en',
    consentInvitations: true,
    consentUpdates: false,
    agree: true,
  };
  await api.call('POST', '/api/v1/public/register', self, false);
  const groups = await api.call('GET', '/api/v1/register/duplicates');
  const group = groups.groups.find((g: { members: { id: string }[] }) => g.members.some((m) => m.id === member.id));
  const other = group.members.find((m: { id: string }) => m.id !== member.id);
  await api.call('POST', '/api/v1/register/duplicates/merge', { keepId: member.id, mergeId: other.id });
  await api.call('PUT', `/api/v1/members/${member.id}/consent`, { invitations: true, updates: true, method: 'phone_call' });

  await api.call('GET', '/api/v1/members/export.csv?countries=ZA');
  const segment = await api.call('POST', '/api/v1/segments', { name: `Gauteng ${tag}`, filter: { regions: ['Gauteng'] } });
  await api.call('GET', `/api/v1/segments/${segment.id}/export.csv`);

  const forum = await api.call('POST', '/api/v1/forums', {
    name: `Audit forum ${tag}`,
    venue: 'Maseru',
    startDate: '2027-04-08',
    endDate: '2027-04-09',
    capacity: 50,
  });
  await api.call('PATCH', `/api/v1/forums/${forum.id}`, { capacity: 60, retentionMonths: 6 });
  await api.call('GET', `/api/v1/forums/${forum.id}/attendance.csv`);
  await api.call('PUT', '/api/v1/register/targets/total', { target: 5000 });
  const now = await api.call('POST', `/api/v1/forums/${forum.id}/campaigns`, {
    name: 'Now',
    audience: { memberIds: [member.id] },
  });
  await api.call('POST', `/api/v1/campaigns/${now.id}/send`, {});
  const later = await api.call('POST', `/api/v1/forums/${forum.id}/campaigns`, {
    name: 'Later',
    audience: { memberIds: [member.id] },
  });
  await api.call('POST', `/api/v1/campaigns/${later.id}/send`, { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() });
  const cancelled = await api.call('POST', `/api/v1/forums/${forum.id}/campaigns`, {
    name: 'Cancelled',
    audience: { memberIds: [member.id] },
  });
  await api.call('POST', `/api/v1/campaigns/${cancelled.id}/send`, {
    scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  await api.call('POST', `/api/v1/campaigns/${cancelled.id}/cancel`);
  const attendee = await api.call('POST', `/api/v1/forums/${forum.id}/attendees`, {
    role: 'press',
    firstName: 'Zoë',
    lastName: 'Ntšekhe',
  });
  await api.call('POST', `/api/v1/forums/${forum.id}/attendees/${attendee.id}/badge/reissue`);
  await api.call('POST', `/api/v1/forums/${forum.id}/attendees/${attendee.id}/badge/revoke`);
  return { forumId: forum.id, staffId: staff.id, memberId: member.id };
}
