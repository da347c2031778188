import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signedInFetch } from '../support/api';
import { type RunningApp, setupOrganiser, startApp } from '../support/app';
import { seriousA11yViolations } from '../support/axe';
import { launchChromium, phoneContext, screenshotPath } from '../support/browser';
import type { DoorTuple } from '../../backend/src/checkin/door-data.service';

const doorUser = { email: 'door@example.org', password: 'door staff password', name: 'Tumelo Letsie' };

/** The door's desk work: people without their badge (search), walk-ins, and who lands where after signing in. */
describe('the door app: search, walk-ins, and door accounts', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let organiser: Awaited<ReturnType<typeof signedInFetch>>;
  let organiserCredentials: { email: string; password: string };
  let forumId: string;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Maseru' }).format(new Date());

  const doorData = async () =>
    (await organiser('GET', `/api/v1/door/forums/${forumId}/data?day=${today}`)).attendees as unknown as DoorTuple[];

  beforeAll(async () => {
    app = await startApp();
    organiserCredentials = await setupOrganiser(app);
    organiser = await signedInFetch(app, organiserCredentials);
    const doorAccount = await organiser('POST', '/api/v1/users', { ...doorUser, role: 'door' });
    const forum = await organiser('POST', '/api/v1/forums', {
      name: 'Diaspora Forum 2027',
      venue: 'Manthabiseng, Maseru',
      startDate: today,
      endDate: today,
      capacity: 100,
      status: 'open',
      // Search by the last digits of a phone is this forum's choice (off by default).
      doorPhoneSearch: true,
    });
    forumId = forum.id;
    await organiser('PUT', `/api/v1/door-staff/${doorAccount.id}/assignments`, { assignments: [{ forumId }] });
    const member = await organiser('POST', '/api/v1/members', {
      firstName: 'Lineo',
      lastName: 'Ntšekhe',
      phone: '+27 82 555 4821',
      countryCode: 'ZA',
      region: 'Gauteng',
      preferredLanguage: 'st',
      consent: { invitations: true, updates: false, method: 'paper_form' },
    });
    await organiser('POST', `/api/v1/forums/${forumId}/attendees`, {
      role: 'presenter',
      firstName: 'Lineo',
      lastName: 'Ntšekhe',
      countryCode: 'ZA',
      region: 'Gauteng',
      memberId: member.id,
    });
    await organiser('POST', `/api/v1/forums/${forumId}/attendees`, { role: 'attendee', firstName: 'Lerato', lastName: 'Ntsane' });
    browser = await launchChromium();
    context = await phoneContext(browser, app.url);
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function signIn(p: Page, credentials: { email: string; password: string }) {
    await p.goto('/sign-in');
    await p.locator('#email').fill(credentials.email);
    await p.locator('#password').fill(credentials.password);
    await p.locator('form button[type=submit]').click();
  }

  it('organisers land on the console, with a link to the door app', async () => {
    const organiserPage = await (await phoneContext(browser, app.url)).newPage();
    await signIn(organiserPage, organiserCredentials);
    await organiserPage.waitForURL((url) => url.pathname === '/admin/forums');
    await expect(
      organiserPage.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Door' }).count(),
    ).resolves.toBe(1);
    // Only door pages ask the service worker to store the app: the console (and members' pages) download nothing extra.
    await organiserPage.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const stored = await organiserPage.evaluate(async () => {
      const counts = await Promise.all((await caches.keys()).map(async (key) => (await (await caches.open(key)).keys()).length));
      return counts.reduce((a, b) => a + b, 0);
    });
    expect(stored).toBe(0);
    await organiserPage.context().close();
  });

  it('door staff land on the door app, and the console shows them no links', async () => {
    await signIn(page, doorUser);
    await page.waitForURL((url) => url.pathname === '/door');
    await page.goto('/admin/forums');
    await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link').count()).resolves.toBe(0);
  });

  it('opens the scan screen; without a camera it says so and the handheld input still works', async () => {
    await page.goto('/door');
    await page.locator('#day option').first().waitFor({ state: 'attached' });
    await page.getByLabel('Name of this door').fill('Help desk');
    await page.getByRole('button', { name: 'Start scanning' }).click();
    await page.getByTestId('door-freshness').filter({ hasText: 'Data from just now' }).waitFor();
    await page.getByText('The camera could not be started').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('finds a person by name without diacritics, or by the last digits of their phone, and checks them in by hand', async () => {
    await page.getByRole('link', { name: 'Search by name or phone' }).click();
    const search = page.getByLabel('Name, last digits of phone, or badge number');
    await search.fill('ntsekhe');
    await expect(page.locator('.results li').allInnerTexts()).resolves.toEqual([expect.stringContaining('Lineo Ntšekhe')]);
    await search.fill('nts');
    await expect(page.locator('.results li').count()).resolves.toBe(2);
    await search.fill('4821');
    await expect(page.locator('.results li').allInnerTexts()).resolves.toEqual([expect.stringContaining('Lineo Ntšekhe')]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Check in: Lineo Ntšekhe' }).click();
    await page.locator('[data-verdict="admitted"]').waitFor();
    await page.screenshot({ path: screenshotPath('door-search-admitted') });
    await page.getByTestId('door-pending').filter({ hasText: 'All check-ins sent' }).waitFor();
    const lineo = (await doorData()).find((t) => t[4] === 'Ntšekhe')!;
    expect(lineo[9]).toBe('4821');
    expect(lineo[10]).toEqual([expect.any(String), 'Help desk']);

    await page.getByRole('button', { name: 'Check in: Lineo Ntšekhe' }).click();
    await page.locator('[data-verdict="already"]').waitFor();
    await expect(page.locator('[data-verdict]').innerText()).resolves.toContain('Help desk');
  });

  it('registers a walk-in with their consent, gives them a badge number and admits them', async () => {
    await page.getByRole('link', { name: 'Back to scanning' }).click();
    await page.getByRole('link', { name: 'Register a walk-in' }).click();
    await page.getByLabel('First name').fill('Zoë');
    await page.getByLabel('Surname').fill('Mokhehle');
    await page.getByLabel('Phone (optional)').fill('+27 83 444 1234');
    await page.getByLabel('Province').selectOption('Free State');
    await page.getByLabel('Wheelchair user').check();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Register and admit' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('must agree');
    await page.getByLabel(/I agree that the Diaspora Directorate/).check();
    await page.getByRole('button', { name: 'Register and admit' }).click();
    const badge = page.getByTestId('walk-in-badge');
    await badge.waitFor();
    const badgeNumber = Number(/badge number (\d+)/.exec(await badge.innerText())![1]);
    await page.screenshot({ path: screenshotPath('door-walk-in'), fullPage: true });

    const zoe = (await doorData()).find((t) => t[0] === badgeNumber)!;
    expect(zoe.slice(3, 5)).toEqual(['Zoë', 'Mokhehle']);
    expect(zoe[10]).toEqual([expect.any(String), 'Help desk']);
    // Known to this door at once: searching finds her, already checked in.
    await page.getByRole('link', { name: 'Back to scanning' }).click();
    await page.getByRole('link', { name: 'Search by name or phone' }).click();
    await page.getByLabel('Name, last digits of phone, or badge number').fill('mokhehle');
    await page.getByRole('button', { name: 'Check in: Zoë Mokhehle' }).click();
    await page.locator('[data-verdict="already"]').waitFor();
  });

  it('keeps the queue when the session has ended, asks to sign in again, then sends it', async () => {
    await page.getByRole('link', { name: 'Back to scanning' }).click();
    await page.getByRole('link', { name: 'Search by name or phone' }).click();
    await context.clearCookies();
    await page.getByLabel('Name, last digits of phone, or badge number').fill('lerato');
    await page.getByRole('button', { name: 'Check in: Lerato Ntsane' }).click();
    await page.locator('[data-verdict="admitted"]').waitFor();
    await page.getByText('Your session has ended').waitFor();
    await expect(page.getByTestId('door-pending').innerText()).resolves.toBe('1 check-in waiting to be sent');

    await page.getByRole('link', { name: 'Sign in again' }).click();
    await page.locator('#email').fill(doorUser.email);
    await page.locator('#password').fill(doorUser.password);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((url) => url.pathname === '/door/search');
    await page.getByTestId('door-pending').filter({ hasText: 'All check-ins sent' }).waitFor();
    const lerato = (await doorData()).find((t) => t[3] === 'Lerato')!;
    expect(lerato[10]).toEqual([expect.any(String), 'Help desk']);
  });

  it('says a walk-in needs the network when offline', async () => {
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Back to scanning' }).click();
    await page.getByRole('link', { name: 'Register a walk-in' }).click();
    await page.getByText('Registering a walk-in needs the network').waitFor();
    await expect(page.getByRole('button', { name: 'Register and admit' }).isDisabled()).resolves.toBe(true);
    await context.setOffline(false);
  });
});
