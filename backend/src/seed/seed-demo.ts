import type { ForumsService } from '../forums/forums.service';
import type { RegisterService } from '../register/register.service';
import { syntheticMembers } from './synthetic-register';

export interface SeedResult {
  members: number;
  forum: string | null;
  skipped: boolean;
}

const CHUNK = 500;

/** Fills an empty register with synthetic members and adds a demo forum. Refuses a register that has members. */
export async function seedDemo(
  register: RegisterService,
  forums: ForumsService,
  options: { members: number; now?: Date },
): Promise<SeedResult> {
  if (!(await register.isEmpty())) return { members: 0, forum: null, skipped: true };
  const consentAt = options.now ?? new Date();

  let batch: Parameters<RegisterService['addSeedMembers']>[0] = [];
  for (const s of syntheticMembers(options.members)) {
    batch.push({
      firstName: s.firstName,
      lastName: s.lastName,
      email: s.email,
      phone: s.phone,
      whatsapp: s.whatsapp,
      countryCode: s.countryCode,
      region: s.region,
      city: s.city,
      occupation: s.occupation,
      sectors: s.sectors,
      preferredChannel: s.preferredChannel,
      preferredLanguage: s.preferredLanguage,
      consentAt: s.consent ? consentAt : null,
      consentMethod: s.consent ? 'paper_form' : null,
      consentInvitations: s.consent,
      consentUpdates: s.consent,
      source: 'seed',
      sourceBatchId: null,
      status: 'active',
      createdById: null,
    });
    if (batch.length === CHUNK) {
      await register.addSeedMembers(batch);
      batch = [];
    }
  }
  if (batch.length) await register.addSeedMembers(batch);

  const existing = (await forums.list()).find((f) => f.slug === 'basotho-diaspora-forum-demo');
  const forum =
    existing ??
    (await forums.create({
      name: 'Basotho Diaspora Forum (demo)',
      slug: 'basotho-diaspora-forum-demo',
      venue: 'Manthabiseng Convention Centre, Maseru',
      timezone: 'Africa/Maseru',
      startDate: '2027-04-08',
      endDate: '2027-04-09',
      capacity: 300,
      rsvpDeadline: '2027-03-25T21:59:00.000Z',
      status: 'draft',
    }));
  return { members: options.members, forum: forum.name, skipped: false };
}
