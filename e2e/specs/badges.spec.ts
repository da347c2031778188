import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import type { Browser, Page } from 'playwright-core';
import { decodeBadge, forumTag } from '../../backend/src/badges/badge-code';
import { eventually } from '../../backend/src/test/eventually';
import { SmtpSink } from '../../backend/src/test/smtp-sink';
import { signedInFetch } from '../support/api';
import { type RunningApp, setupOrganiser, startApp } from '../support/app';
import { launchChromium, phoneContext, screenshotPath } from '../support/browser';
import { decodePdfQrCodes } from '../support/qr-decode';

type Call = Awaited<ReturnType<typeof signedInFetch>>;

describe('badges: printed, mailed and downloaded PDFs whose QR codes verify with the forum key', () => {
  let sink: SmtpSink;
  let app: RunningApp;
  let organiser: Call;
  let cookie: string;
  let forumId: string;
  let publicKey: string | undefined;
  let browser: Browser;
  let rsvpLink: string;
  const credentials = { email: 'organiser@example.org', password: 'correct horse battery' };
  const people = [
    { role: 'presenter', firstName: 'Zoë', lastName: 'Ntšekhe', countryCode: 'ZA', region: 'Gauteng' },
    { role: 'vip', firstName: 'Mamello', lastName: 'Seeiso', countryCode: 'LS' },
    { role: 'press', firstName: 'José', lastName: 'Ñúñez', countryCode: 'US', region: 'New York' },
    { role: 'staff', firstName: 'Thabo', lastName: 'Letšabisa', countryCode: 'LS', region: 'Maseru' },
    { role: 'organiser', firstName: 'Palesa', lastName: 'Akhosi', countryCode: 'LS' },
    { role: 'attendee', firstName: 'Björn', lastName: 'Åkesson', countryCode: 'SE' },
  ];
  const added: { id: string; lastName: string; firstName: string; badgeNumber: number }[] = [];

  /** What a door does with a scanned text: our format, this forum's tag, the forum's signature. */
  async function verifyBadge(text: string) {
    // The forum's key pair is made with its first badge: read it after that.
    publicKey ??= await forumPublicKey();
    const badge = decodeBadge(text);
    expect(badge).not.toBeNull();
    expect(badge!.forumTag).toBe(forumTag(forumId));
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey! }, format: 'jwk' });
    expect(verify(null, badge!.signed, key, badge!.signature)).toBe(true);
    return badge!;
  }

  async function pdf(path: string): Promise<{ bytes: Uint8Array; res: Response }> {
    const res = await fetch(`${app.url}${path}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    return { bytes: new Uint8Array(await res.arrayBuffer()), res };
  }

  async function forumPublicKey(): Promise<string> {
    if (app.db.target.type === 'sqlite') {
      const db = new Database(app.db.target.file, { readonly: true });
      try {
        return (db.prepare('SELECT publicKey FROM badge_keys WHERE forumId = ?').get(forumId) as { publicKey: string }).publicKey;
      } finally {
        db.close();
      }
    }
    const conn = await createConnection({ uri: app.db.url!.replace(/^mariadb:/, 'mysql:') });
    try {
      const [rows] = await conn.query('SELECT publicKey FROM badge_keys WHERE forumId = ?', [forumId]);
      return (rows as { publicKey: string }[])[0].publicKey;
    } finally {
      await conn.end();
    }
  }

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startApp({ SMTP_URL: sink.url });
    browser = await launchChromium();
    organiser = await signedInFetch(app, await setupOrganiser(app, credentials.email, credentials.password));
    const signIn = await fetch(`${app.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    const forum = await organiser('POST', '/api/v1/forums', {
      name: 'Basotho Diaspora Forum 2027',
      venue: 'Manthabiseng Convention Centre, Maseru',
      startDate: '2027-04-08',
      endDate: '2027-04-09',
      capacity: 100,
      status: 'open',
    });
    forumId = forum.id;
    for (const person of people)
      added.push((await organiser('POST', `/api/v1/forums/${forumId}/attendees`, person)) as unknown as (typeof added)[number]);

    // An invitee who accepts through their link: their confirmation email carries the badge.
    const member = await organiser('POST', '/api/v1/members', {
      firstName: 'Lineo',
      lastName: 'Mokhothu',
      email: 'lineo@example.org',
      countryCode: 'GB',
      region: 'London',
      preferredLanguage: 'en',
      consent: { invitations: true, updates: false, method: 'paper_form' },
    });
    const campaign = await organiser('POST', `/api/v1/forums/${forumId}/campaigns`, {
      name: 'London',
      audience: { memberIds: [member.id] },
    });
    await organiser('POST', `/api/v1/campaigns/${campaign.id}/send`, {});
    await sink.waitFor(1);
    rsvpLink = /href="([^"]+\/rsvp\/[^"]+)"/.exec(String(sink.to('lineo@example.org')[0].parsed.html))![1];
    const token = rsvpLink.split('/').at(-1)!;
    const accepted = await fetch(`${app.url}/api/v1/public/rsvp/${token}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response: 'accepted' }),
    });
    expect(accepted.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sink?.stop();
  });

  it('prints everyone on A4 sheets, four a page in surname order, each QR read back from the page and verified', async () => {
    const { bytes, res } = await pdf(`/api/v1/forums/${forumId}/badges.pdf`);
    expect(res.headers.get('x-badge-count')).toBe('7');
    const pages = await decodePdfQrCodes(bytes);
    expect(pages.map((p) => p.length)).toEqual([4, 3]);
    const numbers = (await Promise.all(pages.flat().map(verifyBadge))).map((b) => b.badgeNumber);
    const attendees = (await organiser('GET', `/api/v1/forums/${forumId}/attendees`)) as unknown as {
      badgeNumber: number;
      lastName: string;
    }[];
    // The list comes in surname order too; the sheets follow it, left to right, top to bottom.
    expect(numbers).toEqual(attendees.map((a) => a.badgeNumber));
    expect(attendees.map((a) => a.lastName)).toContain('Mokhothu');
  });

  it('prints one role, and re-issuing gives a badge of the new version (the old one is now refused)', async () => {
    const { bytes, res } = await pdf(`/api/v1/forums/${forumId}/badges.pdf?role=press`);
    expect(res.headers.get('x-badge-count')).toBe('1');
    const press = added.find((a) => a.lastName === 'Ñúñez')!;
    const [[before]] = await decodePdfQrCodes(bytes);
    expect(await verifyBadge(before)).toMatchObject({ badgeNumber: press.badgeNumber, badgeVersion: 1 });

    await organiser('POST', `/api/v1/forums/${forumId}/attendees/${press.id}/badge/reissue`);
    const single = await pdf(`/api/v1/forums/${forumId}/attendees/${press.id}/badge.pdf`);
    const [[after]] = await decodePdfQrCodes(single.bytes);
    expect(await verifyBadge(after)).toMatchObject({ badgeNumber: press.badgeNumber, badgeVersion: 2 });
    expect(after).not.toBe(before);
  });

  it('attaches the invitee’s badge to the confirmation email, and its QR verifies', async () => {
    await sink.waitFor(2);
    const confirmation = sink.to('lineo@example.org')[1];
    expect(confirmation.parsed.subject).toContain('is confirmed');
    const attachment = confirmation.parsed.attachments.find((a) => a.contentType === 'application/pdf')!;
    expect(attachment.filename).toMatch(/^badge-\d+\.pdf$/);
    const [[text]] = await decodePdfQrCodes(new Uint8Array(attachment.content));
    const badge = await verifyBadge(text);
    expect(attachment.filename).toBe(`badge-${badge.badgeNumber}.pdf`);
    expect(badge.badgeVersion).toBe(1);
  });

  it('lets the invitee download their badge from the RSVP page', async () => {
    const page = await (await phoneContext(browser, app.url)).newPage();
    await page.goto(rsvpLink);
    const link = page.getByRole('link', { name: 'Download your badge (PDF)' });
    await link.waitFor();
    await page.screenshot({ path: screenshotPath('rsvp-badge-download'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const [[text]] = await decodePdfQrCodes(new Uint8Array(readFileSync((await download.path())!)));
    expect((await verifyBadge(text)).badgeNumber).toBeGreaterThan(0);
    await page.context().close();
  });

  describe('the organiser’s attendees page', () => {
    let page: Page;
    beforeAll(async () => {
      const context = await browser.newContext({
        baseURL: app.url,
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      page = await context.newPage();
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(credentials.email);
      await page.getByLabel('Password').fill(credentials.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/admin/**');
      await page.goto(`/admin/forums/${forumId}/attendees`);
      await page.getByRole('heading', { name: 'Attendees and badges' }).waitFor();
    });

    it('lists attendees with their badges, filters by role, and adds someone', async () => {
      // The count and the rows load after the page: wait for them rather than read them once.
      await page.getByTestId('badge-count').getByText('7 badges · 2 sheets').waitFor();
      const rows = (n: number) => eventually(async () => (await page.locator('tbody tr').count()) === n, `${n} rows`);
      await page.getByLabel('Role', { exact: true }).first().selectOption('press');
      await rows(1);
      await page.getByLabel('Role', { exact: true }).first().selectOption('');
      await rows(7);

      // A member of the register, found by name and linked: the form takes what the register knows.
      const member = await organiser('POST', '/api/v1/members', {
        firstName: 'Nthabiseng',
        lastName: 'Ramakatsa',
        email: 'nthabiseng@example.org',
        countryCode: 'ZA',
        region: 'Free State',
        preferredLanguage: 'st',
        consent: { invitations: true, updates: false, method: 'paper_form' },
      });
      await page.getByLabel('Search the register').fill('Ramakatsa');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('button', { name: 'Link' }).click();
      await expect(page.getByTestId('linked-member').innerText()).resolves.toContain(
        'Nthabiseng Ramakatsa · nthabiseng@example.org',
      );
      await expect(page.getByLabel('Surname').inputValue()).resolves.toBe('Ramakatsa');
      await expect(page.getByLabel('Province or region').inputValue()).resolves.toBe('Free State');
      await page.locator('#add-role').selectOption('staff');
      await page.getByRole('button', { name: 'Add and give a badge number' }).click();
      await page.getByText('Nthabiseng Ramakatsa added with badge number').waitFor();
      await page.locator('tr', { hasText: 'Ramakatsa' }).waitFor();
      await expect(page.locator('tbody tr').count()).resolves.toBe(8);
      const listed = (await organiser('GET', `/api/v1/forums/${forumId}/attendees`)) as unknown as {
        lastName: string;
        memberId: string | null;
        countryCode: string | null;
      }[];
      expect(listed.find((a) => a.lastName === 'Ramakatsa')).toMatchObject({ memberId: member.id, countryCode: 'ZA' });

      await page.getByRole('button', { name: 'Revoke the badge of Mamello Seeiso' }).click();
      await page.locator('tr', { hasText: 'Seeiso' }).getByText('revoked').waitFor();
      await page.screenshot({ path: screenshotPath('attendees-console'), fullPage: true });
    });

    it('prints everyone with progress and saves the PDF', async () => {
      // Eight attendees, one badge revoked: seven print.
      await page.getByTestId('badge-count').getByText('7 badges · 2 sheets').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Print badges' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('badges-everyone.pdf');
      await page.getByText('7 badges on 2 sheets: saved.').waitFor();
      const pages = await decodePdfQrCodes(new Uint8Array(readFileSync((await download.path())!)));
      expect(pages.map((p) => p.length)).toEqual([4, 3]);
      for (const text of pages.flat()) await verifyBadge(text);
      await page.screenshot({ path: screenshotPath('attendees-console-printed'), fullPage: true });
    });
  });
});
