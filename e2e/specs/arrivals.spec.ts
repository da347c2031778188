import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { signedInFetch } from '../support/api';
import { type RunningApp, setupOrganiser, startApp } from '../support/app';
import { launchChromium, screenshotPath } from '../support/browser';

type Call = Awaited<ReturnType<typeof signedInFetch>>;

describe('arrivals: organisers watch the doors live', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let organiser: Call;
  let doors: Call[];
  let forumId: string;
  let today: string;
  const people = [
    { role: 'presenter', firstName: 'Lerato', lastName: 'Mokoena', countryCode: 'ZA', region: 'Gauteng' },
    { role: 'attendee', firstName: 'Thabang', lastName: 'Moshoeshoe', countryCode: 'GB' },
    { role: 'attendee', firstName: 'Nthabiseng', lastName: 'Letsie', countryCode: 'ZA', region: 'Free State' },
  ];
  const badges: number[] = [];

  /** One live scan, as a door phone sends it; the result the server gave. */
  const scan = async (door: Call, badgeNumber: number, doorName: string): Promise<string> => {
    const answer = await door('POST', `/api/v1/door/forums/${forumId}/check-ins`, {
      checkIns: [
        {
          nonce: randomUUID(),
          badgeNumber,
          badgeVersion: 1,
          day: today,
          scannedAt: new Date().toISOString(),
          door: doorName,
          method: 'scan',
          offline: false,
        },
      ],
    });
    return (answer.results as unknown as { result: string }[])[0].result;
  };

  beforeAll(async () => {
    app = await startApp();
    const credentials = await setupOrganiser(app);
    organiser = await signedInFetch(app, credentials);
    const forum = await organiser('POST', '/api/v1/forums', {
      name: 'Diaspora Forum 2027',
      venue: 'Manthabiseng Convention Centre, Maseru',
      startDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Maseru' }).format(new Date()),
      endDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Maseru' }).format(new Date(Date.now() + 86_400_000)),
      capacity: 100,
      status: 'open',
    });
    forumId = forum.id;
    today = forum.startDate;
    for (const person of people)
      badges.push(Number((await organiser('POST', `/api/v1/forums/${forumId}/attendees`, person)).badgeNumber));
    doors = [];
    for (const name of ['Lineo', 'Teboho']) {
      const email = `${name.toLowerCase()}@example.org`;
      const account = await organiser('POST', '/api/v1/users', { email, name, password: 'correct horse battery', role: 'door' });
      await organiser('PUT', `/api/v1/door-staff/${account.id}/assignments`, { assignments: [{ forumId }] });
      doors.push(await signedInFetch(app, { email, password: 'correct horse battery' }));
    }
    browser = await launchChromium();
    page = await (await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto('/sign-in?next=%2Fadmin%2Fforums');
    await page.getByLabel('Email').fill(credentials.email);
    await page.getByLabel('Password').fill(credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/forums');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const dayFigure = () => page.getByRole('region', { name: 'Admitted per day' }).getByRole('button', { pressed: true });
  const countIn = (table: string, label: string) =>
    page
      .getByRole('heading', { name: table })
      .locator('..')
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
      .getByRole('cell');

  it('counts admissions per day, role, country and province as the doors scan, without a reload', async () => {
    await page.goto(`/admin/forums/${forumId}/arrivals`);
    await page.getByText('Live ·').waitFor();
    await expect(dayFigure().innerText()).resolves.toMatch(/0\s*\/\s*3/);

    expect(await scan(doors[0], badges[0], 'Main gate')).toBe('admitted');
    expect(await scan(doors[1], badges[1], 'Side door')).toBe('admitted');
    await dayFigure()
      .filter({ hasText: /2\s*\/\s*3/ })
      .waitFor();
    await expect(countIn('By role', 'Presenter').innerText()).resolves.toBe('1');
    await expect(countIn('By country of residence', 'United Kingdom').innerText()).resolves.toBe('1');
    await expect(countIn('By province (South Africa)', 'Gauteng').innerText()).resolves.toBe('1');
    await expect(page.getByRole('heading', { name: 'Conflicts (0)' }).isVisible()).resolves.toBe(true);
  });

  it('lists a badge admitted again at another door in the conflict report as it happens', async () => {
    expect(await scan(doors[1], badges[0], 'Side door')).toBe('duplicate');
    await page.getByRole('heading', { name: 'Conflicts (1)' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Lerato Mokoena' });
    await expect(row.innerText()).resolves.toMatch(/Main gate · Lineo[\s\S]*Side door · Teboho/);
    await expect(dayFigure().innerText()).resolves.toMatch(/2\s*\/\s*3/);
    await page.screenshot({ path: screenshotPath('arrivals-live'), fullPage: true });
  });

  it('exports who attended as CSV: one row per person admitted, with the first door', async () => {
    const csv = await page.evaluate((id) => fetch(`/api/v1/forums/${id}/attendance.csv`).then((r) => r.text()), forumId);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('Mokoena'))).toContain('"Main gate"');
    expect(lines.find((l) => l.includes('Moshoeshoe'))).toContain('"Side door"');
    expect(csv).not.toContain('Letsie');
  });
});
