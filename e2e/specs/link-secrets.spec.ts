import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { SmtpSink } from '../../backend/src/test/smtp-sink';
import { signedInFetch } from '../support/api';
import { type RunningApp, setupOrganiser, startApp } from '../support/app';
import { launchChromium, phoneContext, screenshotPath } from '../support/browser';

const MEMBERS = [
  { firstName: 'Lineo', lastName: 'Ntšekhe', email: 'lineo.secret@example.org', preferredLanguage: 'st' },
  { firstName: 'Thabo', lastName: 'Mokoena', email: 'thabo.secret@example.org', preferredLanguage: 'en' },
  { firstName: 'Palesa', lastName: 'Molapo', email: 'palesa.secret@example.org', preferredLanguage: 'st' },
];

/** The personal-link token in an email's HTML (href="…/rsvp/<token>"). */
function rsvpTokenIn(html: string): string {
  const match = /\/rsvp\/([A-Za-z0-9_-]{43})["?]/.exec(html);
  if (!match) throw new Error(`no RSVP link in:\n${html}`);
  return match[1];
}

/**
 * Every row of every table, as text, plus the raw bytes of the database file(s): what a backup or a
 * stolen disk holds. MariaDB: the test database through mariadb-dump.
 */
function databaseDump(app: RunningApp): string {
  const target = app.db.target;
  if (target.type === 'mysql') {
    const url = new URL(target.url);
    return execFileSync(
      'mariadb-dump',
      [
        `-h${url.hostname}`,
        `-P${url.port || '3306'}`,
        `-u${decodeURIComponent(url.username)}`,
        ...(url.password ? [`-p${decodeURIComponent(url.password)}`] : []),
        '--skip-extended-insert',
        url.pathname.slice(1),
      ],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
  }
  const db = new Database(target.file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const rows = tables.map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all()));
    // The file itself too, with its write-ahead log: free pages and not yet checkpointed pages included.
    const files = [target.file, `${target.file}-wal`, `${target.file}-journal`].filter((f) => existsSync(f));
    return [...rows, ...files.map((f) => readFileSync(f).toString('latin1'))].join('\n');
  } finally {
    db.close();
  }
}

describe('personal links are kept nowhere but in the emails', () => {
  let sink: SmtpSink;
  let app: RunningApp;
  let browser: Browser;
  let organiser: Awaited<ReturnType<typeof signedInFetch>>;
  let cookie: string;
  let forum: Record<string, string>;
  const tokens = new Map<string, string>();
  const organiserSaw: string[] = [];

  /** An organiser's GET, answer kept as text: whatever the console shows is searched for tokens. */
  const seen = async (path: string): Promise<string> => {
    const res = await fetch(`${app.url}${path}`, { headers: { cookie } });
    const body = await res.text();
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    organiserSaw.push(`${path}\n${body}`);
    return body;
  };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startApp({
      SMTP_URL: sink.url,
      // Every request line is logged, so the log is searched as it would be in production.
      LOG_LEVEL: 'info',
      LINK_GRACE_DAYS: '0',
      DIRECTORATE_EMAIL: 'diaspora@foreign.gov.ls',
      DIRECTORATE_PHONE: '+26622311150',
    });
    browser = await launchChromium();
    const credentials = await setupOrganiser(app);
    organiser = await signedInFetch(app, credentials);
    const signIn = await fetch(`${app.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    cookie = signIn.headers.get('set-cookie')!.split(';')[0];
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sink?.stop();
  });

  it('sends a campaign, and the invitees accept through the links in their emails', async () => {
    forum = await organiser('POST', '/api/v1/forums', {
      name: 'Foramo ea Diaspora 2027',
      slug: 'foramo-2027',
      venue: 'Manthabiseng, Maseru',
      startDate: '2027-04-08',
      endDate: '2027-04-09',
      capacity: 100,
      status: 'open',
    });
    const ids: string[] = [];
    for (const m of MEMBERS) {
      const member = await organiser('POST', '/api/v1/members', {
        ...m,
        countryCode: 'ZA',
        region: 'Free State',
        consent: { invitations: true, updates: true, method: 'paper_form' },
      });
      ids.push(member.id);
    }
    const campaign = await organiser('POST', `/api/v1/forums/${forum.id}/campaigns`, {
      name: 'Everyone',
      audience: { memberIds: ids },
    });
    await organiser('POST', `/api/v1/campaigns/${campaign.id}/send`, {});
    await sink.waitFor(MEMBERS.length);

    const page = await (await phoneContext(browser, app.url)).newPage();
    for (const m of MEMBERS) {
      const [invitation] = sink.to(m.email);
      const token = rsvpTokenIn(String(invitation.parsed.html));
      tokens.set(m.email, token);
      expect(invitation.parsed.text).toContain(`/rsvp/${token}`);
      // As the invitee does: the page from the link, then the answer.
      await page.goto(`${app.url}/rsvp/${token}`);
      await page.locator('form').waitFor();
      const answer = await fetch(`${app.url}/api/v1/public/rsvp/${token}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response: 'accepted', dietary: ['vegetarian'] }),
      });
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { confirmed: boolean }).confirmed).toBe(true);
    }
    await sink.waitFor(MEMBERS.length * 2);
    for (const m of MEMBERS) {
      const confirmation = sink.to(m.email)[1];
      // The confirmation carries the same personal link, for changing the answer.
      expect(rsvpTokenIn(String(confirmation.parsed.html))).toBe(tokens.get(m.email));
      const badge = await fetch(`${app.url}/api/v1/public/rsvp/${tokens.get(m.email)}/badge.pdf`);
      expect(badge.status).toBe(200);
    }
  });

  it('puts the public agenda, not the personal link, in the calendar files', () => {
    for (const m of MEMBERS) {
      const calendars = sink
        .to(m.email)
        .flatMap((mail) => mail.parsed.attachments)
        .filter((a) => a.contentType.startsWith('text/calendar'));
      expect(calendars).toHaveLength(1);
      const ics = calendars[0].content.toString('utf8');
      expect(ics).toContain(`${app.url}/agenda/foramo-2027`);
      expect(ics).not.toContain('/rsvp/');
      expect(ics).not.toContain(tokens.get(m.email));
    }
  });

  it('shows organisers the messages with the links masked, and no token in any list or export', async () => {
    const list = JSON.parse(await seen('/api/v1/mail/messages?pageSize=200')) as { items: { id: string }[] };
    expect(list.items.length).toBeGreaterThanOrEqual(MEMBERS.length * 2);
    for (const { id } of list.items) {
      const detail = JSON.parse(await seen(`/api/v1/mail/messages/${id}`)) as { rendered: { html: string } };
      expect(detail.rendered.html).toMatch(/\/rsvp\/••••••••/);
    }
    const campaigns = JSON.parse(await seen(`/api/v1/forums/${forum.id}/campaigns`)) as { id: string }[];
    for (const c of campaigns) await seen(`/api/v1/campaigns/${c.id}/invitees`);
    await seen(`/api/v1/forums/${forum.id}/attendees`);
    await seen(`/api/v1/forums/${forum.id}/attendance.csv`);
    await seen('/api/v1/members/export.csv');
    const members = JSON.parse(await seen('/api/v1/members?pageSize=100')) as { items: { id: string }[] };
    for (const { id } of members.items) await seen(`/api/v1/privacy/members/${id}/export`);

    const everything = organiserSaw.join('\n');
    expect(everything).toContain('Lineo');
    for (const token of tokens.values()) expect(everything).not.toContain(token);
  });

  it('keeps no token in the database (every row, and the raw file) or in the app log', () => {
    const dump = databaseDump(app);
    expect(dump).toContain('lineo.secret@example.org');
    for (const token of tokens.values()) expect(dump).not.toContain(token);

    const log = app.output();
    // The request lines are there, with their tokens cut out.
    expect(log).toContain('/rsvp/[token]');
    expect(log).toContain('/api/v1/public/rsvp/[token]/badge.pdf');
    for (const token of tokens.values()) expect(log).not.toContain(token);
  });

  it('answers 410 once the forum is over, and the page says so in Sesotho with the directorate contact', async () => {
    // The forum moved into the past: with LINK_GRACE_DAYS=0 its links are over now.
    await organiser('PATCH', `/api/v1/forums/${forum.id}`, { startDate: '2025-04-08', endDate: '2025-04-09', status: 'closed' });
    const lineo = tokens.get('lineo.secret@example.org')!;
    const api = await fetch(`${app.url}/api/v1/public/rsvp/${lineo}`);
    expect(api.status).toBe(410);
    expect(await api.json()).toMatchObject({ expiredLink: { locale: 'st', contactEmail: 'diaspora@foreign.gov.ls' } });
    expect((await fetch(`${app.url}/api/v1/public/rsvp/${lineo}/badge.pdf`)).status).toBe(410);

    // A browser that speaks English still gets the member's language.
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 760 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/rsvp/${lineo}`);
    await page.getByRole('heading', { level: 1, name: 'Foramo ena e fetile' }).waitFor();
    await expect(page.getByText('sehokelo sena sa hau ha se sa sebetsa', { exact: false }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'diaspora@foreign.gov.ls' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: '+26622311150' }).count()).resolves.toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('st');
    await page.screenshot({ path: screenshotPath('rsvp-st-forum-over'), fullPage: true });
    await context.close();
  });
});
