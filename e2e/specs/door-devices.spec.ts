import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { poppler } from '../../backend/src/test/pdf-tools';
import { signedInFetch } from '../support/api';
import { type RunningApp, setupOrganiser, startApp } from '../support/app';
import { seriousA11yViolations } from '../support/axe';
import { launchChromium, phoneContext, screenshotPath } from '../support/browser';

const doorUser = { email: 'gate@example.org', password: 'door staff password', name: 'Tumelo Letsie' };

interface Conflict {
  kind: string;
  attendee: { lastName: string };
  duplicate: { forced: boolean; reason: string | null; door: string; deviceId: string | null };
}

/** Door staff scoped to their forum, a queue that never jams, overrides on the record, the paper list, and a lost phone signed out. */
describe('the door app: assigned forums, set-aside check-ins, overrides, the paper list and revoked devices', () => {
  let app: RunningApp;
  let browser: Browser;
  let organiser: Awaited<ReturnType<typeof signedInFetch>>;
  let organiserCredentials: { email: string; password: string };
  let doorContext: BrowserContext;
  let door: Page;
  let console: Page;
  let forumId: string;
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Maseru' }).format(d);
  const today = day(new Date());
  const tomorrow = day(new Date(Date.now() + 86_400_000));

  beforeAll(async () => {
    app = await startApp();
    organiserCredentials = await setupOrganiser(app);
    organiser = await signedInFetch(app, organiserCredentials);
    await organiser('POST', '/api/v1/users', { ...doorUser, role: 'door' });
    const forum = await organiser('POST', '/api/v1/forums', {
      name: 'Diaspora Forum 2027',
      venue: 'Manthabiseng, Maseru',
      startDate: today,
      endDate: tomorrow,
      capacity: 100,
      status: 'open',
    });
    forumId = forum.id;
    for (const [firstName, lastName] of [
      ['Lineo', 'Ntšekhe'],
      ['Thabo', 'Mokoena'],
      ['Palesa', 'Adams'],
      ['Mpho', 'Letsie'],
    ]) {
      await organiser('POST', `/api/v1/forums/${forumId}/attendees`, {
        role: 'attendee',
        firstName,
        lastName,
        countryCode: 'LS',
      });
    }
    browser = await launchChromium();
    console = await (await phoneContext(browser, app.url)).newPage();
    console.on('dialog', (dialog) => void dialog.accept());
    await signIn(console, organiserCredentials);
    await console.waitForURL((url) => url.pathname === '/admin/forums');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function signIn(page: Page, credentials: { email: string; password: string }) {
    await page.goto('/sign-in');
    await page.locator('#email').fill(credentials.email);
    await page.locator('#password').fill(credentials.password);
    await page.locator('form button[type=submit]').click();
  }

  async function checkInByName(page: Page, query: string, name: string) {
    await page.getByLabel('Name, last digits of phone, or badge number').fill(query);
    await page.getByRole('button', { name: `Check in: ${name}` }).click();
  }

  it('a door account sees no forum until an organiser assigns it one in the staff console', async () => {
    doorContext = await phoneContext(browser, app.url);
    door = await doorContext.newPage();
    await signIn(door, doorUser);
    await door.waitForURL((url) => url.pathname === '/door');
    await door.getByText('No open forums.').waitFor();

    await console.goto('/admin/staff');
    const form = console.getByRole('form', { name: `Forums ${doorUser.name} works` });
    await form.getByLabel('Diaspora Forum 2027').check();
    await form.getByRole('button', { name: `Save forums for ${doorUser.name}` }).click();
    await form.getByText(`Saved: ${doorUser.name} works 1 forum.`).waitFor();
    expect(await seriousA11yViolations(console)).toEqual([]);
    await console.screenshot({ path: screenshotPath('door-staff-assigned'), fullPage: true });

    await door.reload();
    await door.locator('#forum option').first().waitFor({ state: 'attached' });
    await expect(door.locator('#forum option').allInnerTexts()).resolves.toEqual(['Diaspora Forum 2027']);
  });

  it('warns when the day chosen is not today at the venue', async () => {
    await door.getByLabel('Day').selectOption(tomorrow);
    await door.getByLabel('Name of this door').fill('Main gate');
    await door.getByRole('button', { name: 'Start scanning' }).click();
    await door.getByTestId('door-wrong-day').waitFor();
    await expect(door.getByTestId('door-wrong-day').innerText()).resolves.toContain('but this door is set to');
    await door.screenshot({ path: screenshotPath('door-wrong-day') });
    await door.goto('/door');
    await door.getByLabel('Day').selectOption(today);
    await door.getByRole('button', { name: 'Start scanning' }).click();
    await door.getByTestId('door-freshness').filter({ hasText: 'Data from just now' }).waitFor();
    await expect(door.getByTestId('door-wrong-day').count()).resolves.toBe(0);
  });

  it('admits someone already checked in by override, with a reason that lands in the conflict report and audit log', async () => {
    await door.getByRole('link', { name: 'Search by name or phone' }).click();
    await checkInByName(door, 'ntsekhe', 'Lineo Ntšekhe');
    await door.locator('[data-verdict="admitted"]').waitFor();
    await door.getByTestId('door-pending').filter({ hasText: 'All check-ins sent' }).waitFor();
    await checkInByName(door, 'ntsekhe', 'Lineo Ntšekhe');
    await door.locator('[data-verdict="already"]').waitFor();
    await door.getByRole('button', { name: 'Admit anyway…' }).click();
    await door.getByLabel('Why admit anyway? (kept on record)').fill('Went out to fetch her assistant');
    expect(await seriousA11yViolations(door)).toEqual([]);
    await door.screenshot({ path: screenshotPath('door-override-reason') });
    await door.getByRole('button', { name: 'Admit with this reason' }).click();
    await door.getByTestId('override-done').waitFor();
    await door.getByTestId('door-pending').filter({ hasText: 'All check-ins sent' }).waitFor();

    const conflicts = (await organiser('GET', `/api/v1/forums/${forumId}/check-ins/conflicts`)) as unknown as Conflict[];
    expect(conflicts).toEqual([
      expect.objectContaining({
        kind: 'override',
        attendee: expect.objectContaining({ lastName: 'Ntšekhe' }),
        duplicate: expect.objectContaining({ forced: true, reason: 'Went out to fetch her assistant', door: 'Main gate' }),
      }),
    ]);
    expect(conflicts[0].duplicate.deviceId).toEqual(expect.any(String));
    const audit = (await organiser('GET', '/api/v1/audit?action=door.override')) as unknown as { items: { summary: string }[] };
    expect(audit.items.map((e) => e.summary)).toEqual([expect.stringMatching(/badge=1 day=\S+ result=forced device=/)]);

    await console.goto(`/admin/forums/${forumId}/arrivals`);
    await console.getByText('Override: “Went out to fetch her assistant”').waitFor();
    await console.screenshot({ path: screenshotPath('door-override-conflict-report'), fullPage: true });
  });

  it('sets aside a check-in the server refuses for good, sends the rest, shows and reports it', async () => {
    await doorContext.setOffline(true);
    await door.getByTestId('door-online').filter({ hasText: 'Offline' }).waitFor();
    await checkInByName(door, 'mokoena', 'Thabo Mokoena');
    await door.locator('[data-verdict="admitted"]').waitFor();
    await checkInByName(door, 'adams', 'Palesa Adams');
    await door.locator('[data-verdict="admitted"]').waitFor();
    await door.getByTestId('door-pending').filter({ hasText: '2 check-ins waiting to be sent' }).waitFor();

    // Thabo's check-in was kept with a time a day ahead (a phone clock that jumped): the server will refuse it.
    await door.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('diaspora-door');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const store = db.transaction('checkIns', 'readwrite').objectStore('checkIns');
      const all = await new Promise<{ name: string; scannedAt: string }[]>((resolve) => {
        const request = store.getAll();
        request.onsuccess = () => resolve(request.result as { name: string; scannedAt: string }[]);
      });
      const thabo = all.find((c) => c.name === 'Thabo Mokoena')!;
      store.put({ ...thabo, scannedAt: new Date(Date.now() + 86_400_000).toISOString() });
      db.close();
    });
    await door.reload();
    await door.getByTestId('door-pending').filter({ hasText: '2 check-ins waiting to be sent' }).waitFor();

    await doorContext.setOffline(false);
    await door.getByTestId('door-pending').filter({ hasText: 'All check-ins sent' }).waitFor({ timeout: 20_000 });
    const setAside = door.getByTestId('door-set-aside');
    await setAside.getByText(/Thabo Mokoena, scanned .*: scan time is in the future/).waitFor();
    await expect(setAside.innerText()).resolves.not.toContain('Palesa');
    await door.screenshot({ path: screenshotPath('door-set-aside'), fullPage: true });

    const data = await organiser('GET', `/api/v1/door/forums/${forumId}/data?day=${today}`);
    const admitted = (data.attendees as unknown as unknown[][]).filter((t) => t[10] !== null).map((t) => t[4]);
    expect(admitted.sort()).toEqual(['Adams', 'Ntšekhe']);
    // Reported: the organisers see the device with one check-in set aside and none waiting.
    const devices = (await organiser('GET', '/api/v1/door-devices')) as unknown as Record<string, unknown>[];
    expect(devices).toEqual([
      expect.objectContaining({ userName: doorUser.name, deviceName: 'Main gate', waitingCount: 0, setAsideCount: 1 }),
    ]);
  });

  it('prints the paper door list from the door app: by surname, badge numbers, tick boxes', async () => {
    await door.getByRole('link', { name: 'Back to scanning' }).click();
    const [download] = await Promise.all([
      door.waitForEvent('download'),
      door.getByRole('link', { name: 'Paper door list (PDF)' }).click(),
    ]);
    const pdf = readFileSync((await download.path())!);
    const text = poppler('pdftotext-raw', pdf);
    expect(text).toContain('Door list · Diaspora Forum 2027');
    const order = ['Adams Palesa 3', 'Letsie Mpho 4', 'Mokoena Thabo 2', 'Ntšekhe Lineo 1'].map((line) => text.indexOf(line));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', '-', screenshotPath('door-list-pdf').replace(/\.png$/, '')], {
      input: pdf,
    });
  });

  it('an organiser signs out the lost phone: it gets 401 and clears its data at its next contact, the person is not disabled', async () => {
    await console.goto('/admin/staff');
    const row = console.getByTestId('door-device').filter({ hasText: 'Main gate' });
    await expect(row.innerText()).resolves.toContain('1');
    await console.screenshot({ path: screenshotPath('door-devices'), fullPage: true });
    await row.getByRole('button', { name: /Sign out Main gate/ }).click();
    await row.getByText(/signed out/).waitFor();

    const before = await door.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(before).toContain('diaspora-door');
    // Its next contact (here a check-in it sends; else the sync every 30 s or the next sign-in check).
    await door.getByRole('link', { name: 'Search by name or phone' }).click();
    await checkInByName(door, 'letsie', 'Mpho Letsie');
    await door.getByTestId('door-revoked').waitFor({ timeout: 20_000 });
    const left = await door.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      settings: Object.keys(localStorage).filter((k) => k.startsWith('door.')),
      caches: await caches.keys(),
    }));
    expect(left).toEqual({ databases: [], settings: [], caches: [] });
    await door.screenshot({ path: screenshotPath('door-revoked') });

    // Not disabled: the same person signs in again on this phone and starts afresh.
    await door.getByRole('link', { name: 'Sign in again' }).click();
    await door.locator('#email').fill(doorUser.email);
    await door.locator('#password').fill(doorUser.password);
    await door.locator('form button[type=submit]').click();
    await door.waitForURL((url) => url.pathname === '/door');
    await door.getByLabel('Name of this door').waitFor();
    await expect(door.getByLabel('Name of this door').inputValue()).resolves.toBe('');
  });
});
