import fc from 'fast-check';
import type { Agent } from 'supertest';
import { UsersService } from '../../auth/users.service';
import { aMember, addMembers, anOpenForum, inviteMembers } from '../fixtures';
import { TEST_PASSWORD, type TestApp } from '../test-app';

/** Values that pass validation for fields with no example in the document, so requests go deeper. */
const hints: Record<string, fc.Arbitrary<string>> = {
  countryCode: fc.constantFrom('ZA', 'LS', 'GB', 'XX'),
  country: fc.constantFrom('ZA', 'LS', 'GB'),
  arrivalCountry: fc.constantFrom('ZA', 'LS'),
  region: fc.constantFrom('Gauteng', 'Maseru', 'Free State'),
  phone: fc.constantFrom('+27825550101', '082 555 0102', '+26658123456'),
  whatsapp: fc.constantFrom('+27825550103', '+26658123457'),
  timezone: fc.constantFrom('Africa/Maseru', 'Africa/Johannesburg', 'Mars/Olympus'),
  locale: fc.constantFrom('en', 'st'),
  day: fc.constantFrom('2027-04-08', '2027-04-09', '2027-04-10'),
  password: fc.constantFrom('correct horse battery', 'short'),
};

export type Role = 'anonymous' | 'organiser' | 'registrar' | 'door';

/**
 * The data the fuzzer aims at: a forum with invitees (one accepted, so there is an attendee and a
 * badge), members with personal links, a segment, an agenda room, staff accounts to act on. Path
 * parameters and id-like fields are drawn from every id in the database and every token in the
 * outbox, so requests reach the code behind the "not found" checks.
 */
export class FuzzWorld {
  readonly agents = new Map<Role, Agent>();
  private ids: string[] = [];
  private idsByTable = new Map<string, string[]>();
  private tokens: string[] = [];
  private slugs: string[] = [];
  private emails: string[] = [];
  private numbers: number[] = [];
  private round = 0;

  constructor(private readonly t: TestApp) {}

  /** (Re)builds the data: the fuzzer erases, revokes and signs out as it goes. */
  async build(): Promise<void> {
    this.round += 1;
    // The fuzzer's failed sign-ins lock this address in time; the world's own sign-ins start afresh.
    await this.t.dataSource.query('DELETE FROM sign_in_throttles');
    const organiser = await this.t.signedIn('organiser');
    this.agents.set('anonymous', this.t.anon());
    this.agents.set('organiser', organiser);
    this.agents.set('registrar', await this.t.signedIn('registrar', { countries: ['ZA', 'LS'] }));
    this.agents.set('door', await this.t.signedIn('door'));
    const users = this.t.app.get(UsersService);
    for (const role of ['organiser', 'registrar', 'door'] as const)
      await users.create({
        email: `victim.${role}.${this.round}@example.org`,
        name: 'Victim',
        password: TEST_PASSWORD,
        role,
        countries: role === 'registrar' ? ['ZA'] : [],
      });

    const members = await addMembers(this.t, [
      aMember(),
      aMember({ countryCode: 'LS', region: 'Maseru' }),
      aMember({ countryCode: 'GB', region: 'London' }),
      aMember(),
      aMember({ phone: '+27825550101' }),
      aMember({ phone: '+27825550101', firstName: 'Twin' }),
    ]);
    const forum = await anOpenForum(organiser, { capacity: 2 });
    const tokens = await inviteMembers(this.t, organiser, forum.id, members.slice(0, 4));
    await this.t.anon().put(`/api/v1/public/rsvp/${tokens[0]}`).send({ response: 'accepted' }).expect(200);
    await this.t.anon().put(`/api/v1/public/rsvp/${tokens[1]}`).send({ response: 'tentative' });
    await organiser
      .post('/api/v1/forums')
      .send({ name: `Draft ${this.round}`, venue: 'Maseru', startDate: '2028-04-08', endDate: '2028-04-09', capacity: 10 });
    await this.t.anon().post('/api/v1/public/me/link').send({ email: members[2].email }).expect(202);
    await organiser.post('/api/v1/segments').send({ name: 'South Africa', filter: { countries: ['ZA'] } });
    await organiser.post(`/api/v1/agenda/forums/${forum.id}/rooms`).send({ name: 'Main Hall' });
    await organiser
      .post(`/api/v1/forums/${forum.id}/campaigns`)
      .send({ name: 'Draft campaign', audience: { memberIds: members.map((m) => m.id) } });
    await this.collect();
  }

  /** Every id, token, slug, email and badge number in the database now. */
  async collect(): Promise<void> {
    // The fuzzing accounts stay out: disabling or demoting itself would only stop the run.
    const own = new Set([...this.agents.values()].map((a) => (a as Agent & { userId?: string }).userId));
    this.idsByTable.clear();
    for (const entity of this.t.dataSource.entityMetadatas) {
      if (!entity.primaryColumns.some((c) => c.propertyName === 'id')) continue;
      const rows: { id: unknown }[] = await this.t.dataSource.query(
        `SELECT id FROM ${entity.tableName} ORDER BY id DESC LIMIT 30`,
      );
      this.idsByTable.set(
        entity.tableName,
        rows.map((row) => String(row.id)).filter((id) => !own.has(id)),
      );
    }
    this.ids = [...this.idsByTable.values()].flat().sort();
    const messages: { data: string }[] = await this.t.dataSource.query('SELECT data FROM messages');
    const tokens = new Set<string>();
    for (const { data } of messages)
      for (const [key, value] of Object.entries(JSON.parse(data) as Record<string, unknown>))
        if (key.endsWith('Url') && typeof value === 'string') tokens.add(value.split('/').at(-1)!);
    this.tokens = [...tokens].sort();
    this.slugs = ((await this.t.dataSource.query('SELECT slug FROM forums')) as { slug: string }[]).map((r) => r.slug).sort();
    this.emails = ((await this.t.dataSource.query('SELECT email FROM members WHERE email IS NOT NULL')) as { email: string }[])
      .map((r) => r.email)
      .sort();
    this.numbers = ((await this.t.dataSource.query('SELECT badgeNumber FROM attendees')) as { badgeNumber: number }[]).map((r) =>
      Number(r.badgeNumber),
    );
  }

  /** The table an id names: `forumId` a forum's, `{id}` in `/campaigns/{id}` a campaign's. */
  private tableFor(name: string, path: string): string[] {
    const noun = name === 'id' ? (/\/([a-z-]+)\/\{id\}/.exec(path)?.[1] ?? '') : name.replace(/Ids?$/, '') + 's';
    const tables = [...this.idsByTable.keys()];
    const table =
      (path.includes('agenda') && tables.find((t) => t === `agenda_${noun}`)) ||
      tables.find((t) => t === noun || t.endsWith(`_${noun}`) || (noun === 'imports' && t === 'import_batches'));
    return (table && this.idsByTable.get(table)) || [];
  }

  /** Real values for a field or parameter whose name says what it holds, or null. */
  pick = (name: string, path = ''): fc.Arbitrary<string> | null => {
    const real = (values: string[]) => (values.length ? fc.constantFrom(...values) : fc.uuid());
    if (/^(id|.+Ids?)$/.test(name)) {
      const own = this.tableFor(name, path);
      return fc.oneof(
        { weight: own.length ? 6 : 0, arbitrary: real(own) },
        { weight: 2, arbitrary: real(this.ids) },
        fc.uuid(),
        fc.string({ maxLength: 40 }),
      );
    }
    if (/token$/i.test(name)) return fc.oneof({ weight: 4, arbitrary: real(this.tokens) }, fc.string({ maxLength: 80 }));
    if (name === 'slug') return fc.oneof({ weight: 4, arbitrary: real(this.slugs) }, fc.string({ maxLength: 40 }));
    if (name === 'email') return fc.oneof(real(this.emails), fc.emailAddress());
    if (name === 'badgeNumber' || name === 'badge') return fc.constantFrom(...this.numbers.map(String), '0', '-1');
    return hints[name] ?? null;
  };
}
