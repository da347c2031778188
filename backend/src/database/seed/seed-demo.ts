import type { DataSource } from 'typeorm';
import type { ForumsService } from '../../forums/forums.service';
import { MemberSector } from '../../register/member-sector.entity';
import { Member } from '../../register/member.entity';
import { syntheticMembers } from './synthetic-register';

export interface SeedResult {
  members: number;
  forum: string | null;
  skipped: boolean;
}

const CHUNK = 500;

/** Fills an empty register with synthetic members and adds a demo forum. Refuses a register that has members. */
export async function seedDemo(
  dataSource: DataSource,
  forums: ForumsService,
  options: { members: number; now?: Date },
): Promise<SeedResult> {
  const members = dataSource.getRepository(Member);
  if ((await members.count()) > 0) return { members: 0, forum: null, skipped: true };
  const consentAt = options.now ?? new Date();

  let batch: Member[] = [];
  let sectors: Partial<MemberSector>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await dataSource.transaction(async (tx) => {
      await tx.getRepository(Member).insert(batch);
      await tx.getRepository(MemberSector).insert(sectors);
    });
    batch = [];
    sectors = [];
  };

  for (const s of syntheticMembers(options.members)) {
    const member = members.create({
      firstName: s.firstName,
      lastName: s.lastName,
      email: s.email,
      phone: s.phone,
      whatsapp: s.whatsapp,
      countryCode: s.countryCode,
      region: s.region,
      city: s.city,
      occupation: s.occupation,
      preferredChannel: s.preferredChannel,
      preferredLanguage: s.preferredLanguage,
      consentAt: s.consent ? consentAt : null,
      consentMethod: s.consent ? 'paper_form' : null,
      consentInvitations: s.consent,
      consentUpdates: s.consent,
      source: 'seed',
      sourceBatchId: null,
      status: 'active',
    });
    batch.push(member);
    sectors.push(...s.sectors.map((sector) => ({ memberId: member.id, sector })));
    if (batch.length === CHUNK) await flush();
  }
  await flush();

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
