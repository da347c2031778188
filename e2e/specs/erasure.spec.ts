import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { SmtpSink } from '../../backend/src/test/smtp-sink';
import { signedInFetch } from '../support/api';
import { type RunningApp, setupOrganiser, startApp } from '../support/app';

// One member through every flow that keeps data about them, then erased: nothing of theirs is
// left in the database (SQLite: the file's bytes with its free pages and WAL, and every table's
// rows; MariaDB: a mariadb-dump) or in the app's log. Their export before erasure holds all of it.
const person = {
  firstName: 'Nthatisi',
  lastName: 'Qhobosheane',
  email: 'nthatisi.qhobosheane@example.org',
  phone: '+27825550177',
  whatsapp: '+447911123456',
  city: 'Kliptown',
  occupation: 'Hydroponics agronomist',
};
const freeText = {
  outreachNote: 'Prefers a call after the school run',
  dietaryNote: 'No peanuts, severe allergy',
  accessibilityNote: 'Needs the ramp at the east entrance',
  arrivalCity: 'Ladybrand',
  nominationTopic: 'Rooftop gardens for Maseru schools',
  nominationSummary: 'Built twelve hydroponic school gardens across Soweto',
  reviewComment: 'Strong community record, call her first',
  presenterBio: 'Grows lettuce on township rooftops since 2015',
  presenterAffiliation: 'Rooftop Greens Cooperative',
};

describe('erasure is complete: one member through every flow, then erased', () => {
  let sink: SmtpSink;
  let app: RunningApp;
  let organiser: Awaited<ReturnType<typeof signedInFetch>>;
  let credentials: { email: string; password: string };
  let memberId: string;
  let forumId: string;
  const tokens: Record<string, string> = {};
  let exported = '';
  let exportedHtml = '';

  const linkIn = (html: string, path: string) => new RegExp(`href=["']([^"']*/${path}/([^"']+))["']`).exec(html)!;
  const mailTo = async (to: string, subject: RegExp) => {
    for (let i = 0; i < 100; i++) {
      const found = sink.to(to).find((m) => subject.test(String(m.parsed.subject)));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no mail to ${to} matching ${subject}: ${sink.to(to).map((m) => m.parsed.subject)}`);
  };
  const anon = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res;
  };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startApp({ SMTP_URL: sink.url, LOG_LEVEL: 'info' });
    credentials = await setupOrganiser(app);
    organiser = await signedInFetch(app, credentials);
    forumId = (
      await organiser('POST', '/api/v1/forums', {
        name: 'Diaspora Forum 2027',
        venue: 'Manthabiseng Convention Centre, Maseru',
        startDate: '2027-04-08',
        endDate: '2027-04-09',
        capacity: 100,
        status: 'open',
      })
    ).id;
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await sink?.stop();
  });

  it('takes the member through import, outreach, consent, invitation, RSVP, badge, check-in, nominations, agenda and mail', async () => {
    // Import: a CSV with the member in it, mapped, previewed and committed.
    const csv = `First name,Last name,Email,Phone,WhatsApp,Country,Province,City,Occupation\n${person.firstName},${person.lastName},${person.email},082 555 0177,${person.whatsapp},ZA,Gauteng,${person.city},${person.occupation}\n`;
    const cookie = await signInCookie();
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'outreach-list.csv');
    const upload = await fetch(`${app.url}/api/v1/imports`, { method: 'POST', headers: { cookie }, body: form });
    expect(upload.status).toBe(201);
    const batch = ((await upload.json()) as { batch: { id: string; mapping: Record<string, string> } }).batch;
    const checked = await organiser('POST', `/api/v1/imports/${batch.id}/preview`, { mapping: batch.mapping });
    expect({ problems: checked.problems, mapping: batch.mapping }).toEqual({ problems: [], mapping: expect.anything() });
    const committed = await organiser('POST', `/api/v1/imports/${batch.id}/commit`, {
      consentInvitations: true,
      consentUpdates: true,
    });
    expect(committed).toMatchObject({ status: 'committed', importedCount: 1 });
    const found = await organiser('GET', `/api/v1/members?text=${encodeURIComponent(person.email)}`);
    memberId = (found.items as unknown as { id: string }[])[0].id;

    // Outreach, and consent changed by staff and by the member through their own link.
    await organiser('POST', `/api/v1/members/${memberId}/outreach`, {
      channel: 'phone',
      outcome: 'reached',
      note: freeText.outreachNote,
    });
    await organiser('PUT', `/api/v1/members/${memberId}/consent`, { invitations: true, updates: false, method: 'phone_call' });
    await anon('POST', '/api/v1/public/me/link', { email: person.email });
    const manage = linkIn(String((await mailTo(person.email, /personal link/i)).parsed.html), 'me');
    tokens.manage = decodeURIComponent(manage[2]);
    await anon('PATCH', `/api/v1/public/me/${tokens.manage}`, { consentUpdates: true });

    // Invitation by email; the RSVP with needs and notes through the link in it; the badge.
    const campaign = await organiser('POST', `/api/v1/forums/${forumId}/campaigns`, {
      name: 'Gauteng 2027',
      audience: { memberIds: [memberId] },
    });
    await organiser('POST', `/api/v1/campaigns/${campaign.id}/send`, {});
    const invitation = await mailTo(person.email, /invited/i);
    tokens.rsvp = linkIn(String(invitation.parsed.html), 'rsvp')[2];
    await anon('PUT', `/api/v1/public/rsvp/${tokens.rsvp}`, {
      response: 'accepted',
      dietary: ['vegetarian'],
      dietaryNote: freeText.dietaryNote,
      accessibility: ['wheelchair'],
      accessibilityNote: freeText.accessibilityNote,
      arrivalCountry: 'ZA',
      arrivalCity: freeText.arrivalCity,
    });
    const badge = await anon('GET', `/api/v1/public/rsvp/${tokens.rsvp}/badge.pdf`);
    expect(badge.headers.get('content-type')).toMatch(/pdf/);
    const attendees = await organiser('GET', `/api/v1/forums/${forumId}/attendees`);
    const attendee = (attendees as unknown as { memberId: string; badgeNumber: number; badgeVersion: number }[]).find(
      (a) => a.memberId === memberId,
    )!;

    // Check-in at the door.
    const checkIn = await organiser('POST', `/api/v1/door/forums/${forumId}/check-ins`, {
      sentAt: new Date().toISOString(),
      checkIns: [
        {
          nonce: 'erasure-test-nonce-0001',
          badgeNumber: attendee.badgeNumber,
          badgeVersion: attendee.badgeVersion,
          day: '2027-04-08',
          scannedAt: new Date(Date.now() - 1000).toISOString(),
          door: 'East ramp door',
          method: 'scan',
          offline: false,
        },
      ],
    });
    expect(JSON.stringify(checkIn)).toMatch(/admitted/);

    // Nominated (by themself) and nominating someone else, on the public form; reviewed.
    const nomination = (over: Record<string, unknown>) =>
      anon('POST', '/api/v1/public/nominations', {
        category: 'education',
        locale: 'en',
        agree: true,
        ...over,
      });
    await nomination({
      nominatorKind: 'self',
      topic: freeText.nominationTopic,
      summary: freeText.nominationSummary,
      nominee: { ...nameAndContacts(), countryCode: 'ZA', region: 'Gauteng' },
      consentToContact: true,
      consentToPublish: true,
    });
    await nomination({
      nominatorKind: 'member',
      topic: 'Mobile clinics in the highlands',
      summary: 'Runs three mobile clinics',
      nominee: { firstName: 'Teboho', lastName: 'Lebona', email: 'teboho.lebona@example.org', countryCode: 'LS' },
      nominator: { name: `${person.firstName} ${person.lastName}`, email: person.email, phone: '082 555 0177' },
      nomineeAware: true,
    });
    const board = await organiser('GET', `/api/v1/nominations?forumId=${forumId}`);
    const own = JSON.stringify(board).match(new RegExp(`"id":"([0-9a-f-]{36})"[^{}]*"topic":"${freeText.nominationTopic}"`));
    const ownId = own?.[1] ?? findNominationId(board, freeText.nominationTopic);
    await organiser('PUT', `/api/v1/nominations/${ownId}/review`, { score: 5, comment: freeText.reviewComment });

    // A presenter profile on the agenda.
    await organiser('POST', `/api/v1/agenda/forums/${forumId}/presenters`, {
      memberId,
      affiliation: freeText.presenterAffiliation,
      bio: freeText.presenterBio,
      publishConsent: true,
    });

    // Mail: the invitation, the badge confirmation, the manage link and the nomination acknowledgements arrived.
    await mailTo(person.email, /is confirmed/i);
    for (
      let i = 0;
      i < 100 && sink.to(person.email).filter((m) => /received your nomination/.test(String(m.parsed.subject))).length < 2;
      i++
    )
      await new Promise((r) => setTimeout(r, 100));
    expect(
      sink
        .to(person.email)
        .map((m) => m.parsed.subject)
        .sort(),
    ).toEqual([
      'We received your nomination for Diaspora Forum 2027',
      'We received your nomination for Diaspora Forum 2027',
      'You are invited: Diaspora Forum 2027',
      'Your personal link to your details',
      'Your place at Diaspora Forum 2027 is confirmed',
    ]);
  });

  it('exports all of it first, as JSON and as a page to read', async () => {
    const copy = await organiser('GET', `/api/v1/privacy/members/${memberId}/export`);
    exported = JSON.stringify(copy);
    const cookie = await signInCookie();
    exportedHtml = await (
      await fetch(`${app.url}/api/v1/privacy/members/${memberId}/export.html`, { headers: { cookie } })
    ).text();
    for (const value of [...Object.values(person), ...Object.values(freeText), 'wheelchair', 'vegetarian', 'East ramp door']) {
      expect(exported).toContain(value);
      expect(exportedHtml).toContain(value.replace(/'/g, '&#x27;'));
    }
    const sections = (copy as unknown as { sections: Record<string, unknown[]> }).sections;
    for (const key of [
      'outreach',
      'invitations',
      'attendance',
      'checkIns',
      'nominations',
      'presenterProfiles',
      'imports',
      'emails',
    ])
      expect(sections[key].length).toBeGreaterThan(0);
    expect(JSON.stringify(sections.nominations)).toMatch(/"as":"nominator".*|"as":"nominee"/);
    expect(exported).toMatch(/"as":"nominee"/);
    expect(exported).toMatch(/"as":"nominator"/);
    // A copy of data is no place for live link secrets.
    for (const token of Object.values(tokens)) expect(exported).not.toContain(token);
  });

  it('erases them: nothing of theirs is left in the database or the log', async () => {
    const before = await rowCounts(app);
    const preview = await organiser('GET', `/api/v1/privacy/members/${memberId}/erasure-preview`);
    await organiser('POST', `/api/v1/privacy/members/${memberId}/erase`, { basedOn: preview.version });
    await new Promise((r) => setTimeout(r, 500)); // the log is written asynchronously

    const searched = [
      ...Object.values(person),
      '825550177',
      '7911123456',
      ...Object.values(freeText),
      'wheelchair',
      ...Object.values(tokens),
    ];
    const places: Record<string, string> = { 'app log': app.output(), ...databaseDump(app), ...dataDirFiles(app) };
    // The search reads the real data: the de-identified record is there, under its id.
    expect(Object.values(places).join('\n')).toContain(memberId);
    const leaks = Object.entries(places).flatMap(([where, text]) =>
      searched
        .filter((v) => text.toLowerCase().includes(v.toLowerCase()))
        .map((v) => {
          const at = text.toLowerCase().indexOf(v.toLowerCase());
          return `${v} in ${where}: …${text.slice(Math.max(0, at - 120), at + 60)}…`;
        }),
    );
    expect(leaks).toEqual([]);
    // The counts stay: every row is still there, de-identified; only the links are gone, and the
    // erasure's own records (the member's history, the audit log, the log of exports) are added.
    const after = await rowCounts(app);
    expect(after).toEqual({
      ...before,
      member_tokens: 0,
      invitation_tokens: 0,
      member_events: before.member_events + 1,
      audit_entries: after.audit_entries,
      sessions: after.sessions,
    });
    expect(after.audit_entries).toBeGreaterThan(before.audit_entries);
    expect(before).toMatchObject({
      check_ins: 1,
      attendees: 1,
      invitations: 1,
      nominations: 2,
      outreach_logs: 1,
      agenda_presenters: 1,
    });
    const arrivals = JSON.stringify(await organiser('GET', `/api/v1/forums/${forumId}/attendees`));
    expect(arrivals).toContain('Erased');
  });

  async function signInCookie(): Promise<string> {
    const res = await fetch(`${app.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    return res.headers.get('set-cookie')!.split(';')[0];
  }
});

function nameAndContacts() {
  return { firstName: person.firstName, lastName: person.lastName, email: person.email, phone: person.phone };
}

function findNominationId(board: unknown, topic: string): string {
  const walk = (v: unknown): string | undefined => {
    if (Array.isArray(v)) return v.map(walk).find(Boolean);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.topic === topic && typeof o.id === 'string') return o.id;
      return Object.values(o).map(walk).find(Boolean);
    }
    return undefined;
  };
  const id = walk(board);
  if (!id) throw new Error(`nomination "${topic}" not on the board: ${JSON.stringify(board).slice(0, 500)}`);
  return id;
}

/** How many rows each table holds. */
async function rowCounts(app: RunningApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  if (app.db.target.type === 'mysql') {
    const conn = await createConnection({ uri: app.db.target.url.replace(/^mariadb:/, 'mysql:') });
    try {
      const [tables] = (await conn.query('SHOW TABLES')) as unknown as [Record<string, string>[]];
      for (const t of tables) {
        const name = Object.values(t)[0];
        const [[row]] = (await conn.query(`SELECT COUNT(*) AS n FROM \`${name}\``)) as unknown as [{ n: number }[]];
        counts[name] = Number(row.n);
      }
    } finally {
      await conn.end();
    }
    return counts;
  }
  const db = new Database(app.db.target.file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    for (const { name } of tables) counts[name] = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
  return counts;
}

/** Every other file the app keeps in DATA_DIR (uploaded imports among them). */
function dataDirFiles(app: RunningApp): Record<string, string> {
  const files = readdirSync(app.db.dataDir, { recursive: true, withFileTypes: true }).filter(
    (f) => f.isFile() && !f.name.startsWith('diaspora-forum.sqlite'),
  );
  return Object.fromEntries(files.map((f) => [`file ${f.name}`, readFileSync(join(f.parentPath, f.name)).toString('latin1')]));
}

/** Every place the database keeps data, as text to search: the raw files and every row (SQLite), or a dump (MariaDB). */
function databaseDump(app: RunningApp): Record<string, string> {
  if (app.db.target.type === 'mysql') {
    const url = new URL(app.db.target.url);
    const dump = execFileSync(
      'mariadb-dump',
      ['-h', url.hostname, '-P', url.port || '3306', '-u', url.username || 'root', url.pathname.slice(1)],
      {
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    return { 'mariadb-dump': dump.toString('utf8') };
  }
  const file = app.db.target.file;
  const places: Record<string, string> = {};
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    // latin1 keeps every byte as one character, so ASCII values are found wherever they sit in a page.
    if (existsSync(file + suffix)) places[`sqlite file${suffix}`] = readFileSync(file + suffix).toString('latin1');
  }
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    for (const { name } of tables) places[`table ${name}`] = JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all());
  } finally {
    db.close();
  }
  return places;
}
