import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { type RunningApp, setupOrganiser, startApp } from '../support/app';
import { launchChromium, phoneContext, screenshotPath } from '../support/browser';

/** An organiser builds a session in the timetable editor on a phone, and the public sees it once published. */
describe('the timetable editor and the public agenda', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let visitor: Page;
  let forumId: string;
  let credentials: { email: string; password: string };

  beforeAll(async () => {
    app = await startApp();
    credentials = await setupOrganiser(app);
    const { email, password } = credentials;
    browser = await launchChromium();
    page = await (await phoneContext(browser, app.url)).newPage();
    visitor = await (await phoneContext(browser, app.url)).newPage();
    await page.goto('/sign-in?next=%2Fadmin%2Fagenda');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/agenda');
    forumId = await page.evaluate(() =>
      fetch('/api/v1/forums', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Basotho Diaspora Forum 2027',
          slug: 'forum-2027',
          venue: 'Manthabiseng Convention Centre, Maseru',
          startDate: '2027-04-08',
          endDate: '2027-04-09',
          capacity: 300,
        }),
      })
        .then((r) => r.json())
        .then((f: { id: string }) => f.id),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('adds rooms and a presenter, then creates a session from an empty slot', async () => {
    await page.reload();
    await page.getByRole('link', { name: 'Basotho Diaspora Forum 2027' }).click();
    await page.waitForURL(`**/admin/agenda/${forumId}`);
    for (const room of ['Main Hall', 'Room 2']) {
      await page.getByLabel('Add a room').fill(room);
      await page.getByRole('button', { name: 'Add room' }).click();
      await page.getByRole('button', { name: `New session at 09:00 in ${room}` }).waitFor();
    }
    await page.getByLabel('Name', { exact: true }).fill('Mpho Letsie');
    await page.getByLabel('Role and organisation').fill('Founder, Maluti Agritech');
    await page.getByLabel('They agreed to a public profile').check();
    await page.getByRole('button', { name: 'Add guest' }).click();
    await page.getByRole('region', { name: 'Presenters' }).getByText('Mpho Letsie').waitFor();
    // A member of the register, found by name.
    await page.evaluate(() =>
      fetch('/api/v1/members', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          firstName: 'Refiloe',
          lastName: 'Mohapi',
          email: 'refiloe@example.org',
          countryCode: 'US',
          preferredLanguage: 'en',
          consent: { invitations: true, updates: false, method: 'paper_form' },
        }),
      }),
    );
    await page.getByLabel('Search the register').fill('Mohapi');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('Refiloe Mohapi · US').getByRole('button', { name: 'Add' }).click();
    await page.getByRole('region', { name: 'Presenters' }).getByText('Refiloe Mohapi').waitFor();

    await page.getByRole('button', { name: 'New session at 09:00 in Main Hall' }).click();
    await page.getByLabel('Title').fill('Investing at home: the first ten years');
    await page.getByLabel('End').fill('10:30');
    await page.getByLabel('Mpho Letsie').check();
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved “Investing at home: the first ten years” (09:00–10:30)' }).waitFor();
    await page.getByRole('button', { name: /09:00–10:30 · draft Investing at home/ }).waitFor();
    await page.screenshot({ path: screenshotPath('agenda-editor-created'), fullPage: true });
    await page.locator('.grid-wrap').screenshot({ path: screenshotPath('agenda-editor-grid') });
  });

  it('shows the API’s refusal of a clash, and moves a session with buttons', async () => {
    await page.getByRole('button', { name: 'Close' }).click();
    // The slots under a session are covered by it: start from the free 10:30 slot, then type 10:00.
    await page.getByRole('button', { name: 'New session at 10:30 in Main Hall' }).click();
    await page.getByLabel('Title').fill('Trade panel');
    await page.getByLabel('Start').fill('10:00');
    await page.getByRole('button', { name: 'Create session' }).click();
    const editor = page.getByRole('form', { name: 'New session' });
    await expect(editor.getByRole('alert').textContent()).resolves.toBe(
      'Main Hall is taken from 09:00 to 10:30 on 2027-04-08 by “Investing at home: the first ten years”',
    );
    await page.screenshot({ path: screenshotPath('agenda-editor-conflict'), fullPage: true });
    await page.getByLabel('Room', { exact: true }).selectOption({ label: 'Room 2' });
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved “Trade panel” (10:00–11:00)' }).waitFor();
    await page.getByRole('button', { name: '15 min later', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved “Trade panel” (10:15–11:15)' }).waitFor();
    await page.getByRole('button', { name: 'End 15 min later' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved “Trade panel” (10:15–11:30)' }).waitFor();
  });

  it('keeps drafts off the public page until published, then shows them with a calendar feed in Maseru time', async () => {
    await visitor.goto('/agenda/forum-2027');
    await visitor.getByText('This agenda is not published yet.').waitFor();

    await page.getByRole('button', { name: 'Publish all drafts (2)' }).click();
    await page.getByRole('status').filter({ hasText: '2 sessions published' }).waitFor();

    await visitor.reload();
    await visitor.getByRole('heading', { name: 'Basotho Diaspora Forum 2027' }).waitFor();
    const session = visitor.locator('article').filter({ hasText: 'Investing at home' });
    await expect(session.textContent()).resolves.toContain('09:00–10:30');
    await expect(session.getByRole('link', { name: 'Mpho Letsie' }).isVisible()).resolves.toBe(true);
    await visitor.screenshot({ path: screenshotPath('agenda-public'), fullPage: true });

    const href = await session.getByRole('link', { name: 'Add to calendar' }).getAttribute('href');
    const ics = await visitor.evaluate((url) => fetch(url!).then((r) => r.text()), href);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Investing at home: the first ten years');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-04-08T07:00:00.000Z');

    await session.getByRole('link', { name: 'Mpho Letsie' }).click();
    await visitor.getByRole('heading', { name: 'Mpho Letsie' }).waitFor();
    await expect(visitor.textContent('main')).resolves.toContain('Founder, Maluti Agritech');
  });

  it('moves a session by dragging it on a desktop screen', async () => {
    const desk = await (await browser.newContext({ baseURL: app.url, viewport: { width: 1400, height: 1000 } })).newPage();
    await desk.goto(`/sign-in?next=${encodeURIComponent(`/admin/agenda/${forumId}`)}`);
    await desk.getByLabel('Email').fill(credentials.email);
    await desk.getByLabel('Password').fill(credentials.password);
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await desk.waitForURL(`**/admin/agenda/${forumId}`);
    // Headless Chromium's simulated mouse drag is unreliable here, so the drag is played as the
    // browser would: dragstart on the session, then dragenter, dragover and drop on the slot.
    const session = desk.getByRole('button', { name: /10:15–11:30 Trade panel/ });
    const slot = desk.getByRole('button', { name: 'New session at 14:00 in Main Hall' });
    const dataTransfer = await desk.evaluateHandle(() => new DataTransfer());
    await session.dispatchEvent('dragstart', { dataTransfer });
    for (const type of ['dragenter', 'dragover', 'drop']) await slot.dispatchEvent(type, { dataTransfer });
    await session.dispatchEvent('dragend', { dataTransfer });
    await desk.getByRole('status').filter({ hasText: 'Saved “Trade panel” (14:00–15:15)' }).waitFor();
    await desk.screenshot({ path: screenshotPath('agenda-editor-desktop'), fullPage: true });
    const api = await desk.evaluate((id) => fetch(`/api/v1/agenda/forums/${id}`).then((r) => r.json()), forumId);
    const moved = api.sessions.find((s: { title: string }) => s.title === 'Trade panel');
    expect(moved).toMatchObject({ start: '14:00', end: '15:15', startsAt: '2027-04-08T12:00:00.000Z', published: true });
  });
});
