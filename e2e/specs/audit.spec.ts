import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../../backend/src/test/eventually';
import { doEveryStaffAction, type StaffApi, wiredActions } from '../../backend/src/test/audit-helpers';
import { actionLabels } from '../../frontend/src/routes/admin/audit/audit-labels';
import { type RunningApp, setupOrganiser, startApp } from '../support/app';
import { launchChromium, screenshotPath } from '../support/browser';

type AuditAction = (typeof wiredActions)[number];

/** The helper's StaffApi over fetch with the organiser's session cookie. */
async function fetchApi(app: RunningApp, credentials: { email: string; password: string }): Promise<StaffApi> {
  const signIn = await fetch(`${app.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
  const answer = async (res: Response, what: string) => {
    const text = await res.text();
    if (!res.ok) throw new Error(`${what}: ${res.status} ${text}`);
    return res.headers.get('content-type')?.startsWith('application/json') && text ? JSON.parse(text) : text;
  };
  return {
    async call(method, path, body, signedIn = true) {
      const res = await fetch(`${app.url}${path}`, {
        method,
        headers: { ...(signedIn ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return answer(res, `${method} ${path}`);
    },
    async upload(path, fileName, content) {
      const form = new FormData();
      form.append('file', new Blob([content], { type: 'text/csv' }), fileName);
      return answer(await fetch(`${app.url}${path}`, { method: 'POST', headers: { cookie }, body: form }), `upload ${path}`);
    },
  };
}

describe('audit log page', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let credentials: { email: string; password: string };
  let done: { forumId: string; memberId: string };

  beforeAll(async () => {
    app = await startApp();
    credentials = await setupOrganiser(app);
    done = await doEveryStaffAction(await fetchApi(app, credentials), 'e2e1');
    browser = await launchChromium();
    page = await (
      await browser.newContext({ baseURL: app.url, viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    ).newPage();
    await page.goto('/sign-in?next=%2Fadmin%2Fforums');
    await page.getByLabel('Email').fill(credentials.email);
    await page.getByLabel('Password').fill(credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/forums');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const rows = () => page.locator('tbody tr');

  it('is in the admin menu and lists the staff actions, newest first, by the organiser’s name', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL('**/admin/audit');
    await expect(page.getByRole('heading', { name: 'Audit log' }).isVisible()).resolves.toBe(true);
    // Newest first: this browser's sign-in, then the last action done through the API.
    await expect(rows().nth(0).textContent()).resolves.toContain('Signed in');
    await expect(rows().nth(1).textContent()).resolves.toContain('Badge revoked');
    await expect(rows().nth(1).textContent()).resolves.toContain('Palesa Mokoena (organiser)');
    await page.screenshot({ path: screenshotPath('audit-log'), fullPage: true });
  });

  /** Filters the page to each action in turn: every row shown is that action, and there is at least one. */
  async function filterToEach(actions: readonly AuditAction[]): Promise<void> {
    await page.goto('/admin/audit');
    for (const action of actions) {
      await page.getByLabel('Action').selectOption(action);
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(`**/admin/audit?**action=${encodeURIComponent(action)}**`);
      const texts = await eventually(async () => {
        const all = await rows().allTextContents();
        return all.length > 0 && all.every((t) => t.includes(actionLabels[action])) && all;
      }, `only ${action} rows`);
      expect([action, texts.length > 0]).toEqual([action, true]);
    }
  }

  it('filters to each action done through the API', async () => {
    await filterToEach(wiredActions);
  });

  it('filters by area and staff member, and exports what it shows as CSV', async () => {
    await page.goto('/admin/audit');
    await page.getByLabel('Area').selectOption('staff');
    await page.getByLabel('Staff member').selectOption({ label: 'Palesa Mokoena (organiser)' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL('**/admin/audit?**area=staff**');
    const texts = await eventually(async () => {
      const all = await rows().allTextContents();
      return all.length === 3 && all;
    }, 'three staff rows');
    expect(texts.map((t) => t.match(/Staff account (disabled|changed|created)/)?.[0])).toEqual([
      'Staff account disabled',
      'Staff account changed',
      'Staff account created',
    ]);
    await expect(page.getByRole('status').textContent()).resolves.toBe('3 entries');
    await page.screenshot({ path: screenshotPath('audit-log-staff'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"Time (UTC)","Action","Actor","Actor ID","Role","Target type","Target ID","Summary"');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['"staff.disabled"', '"staff.updated"', '"staff.created"']);
    expect(lines[1]).toContain('"Palesa Mokoena"');

    // The export is itself in the log.
    await page.goto('/admin/audit?action=data.exported');
    await page.locator('tbody tr').filter({ hasText: 'audit log CSV; 3 rows' }).waitFor();
  });

  it('refuses a day range that ends before it starts, with a message', async () => {
    const res = await page.request.get('/api/v1/audit?from=2027-05-02&to=2027-05-01');
    expect(res.status()).toBe(400);
    expect((await res.json()).fields).toEqual({ to: ['must be after the start'] });
  });

  it('shows the retention panel: next run, each forum’s due date and what it will touch', async () => {
    await page.getByRole('link', { name: 'Retention' }).click();
    await page.waitForURL('**/admin/retention');
    const forum = page.locator('tbody tr').filter({ hasText: 'Audit forum e2e1' });
    await expect(forum.textContent()).resolves.toContain('10 Oct 2027');
    await expect(page.getByText('Next run', { exact: true }).isVisible()).resolves.toBe(true);
    // Out of bounds: the browser stops it (the API answers 400 too, see the backend's retention spec).
    const months = page.getByLabel('Retention months for Audit forum e2e1');
    await months.fill('0');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await expect(months.evaluate((el: HTMLInputElement) => el.validity.rangeUnderflow)).resolves.toBe(true);
    await page.getByLabel('Retention months for Audit forum e2e1').fill('18');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Retention period saved.' }).waitFor();
    await page.locator('tbody tr').filter({ hasText: 'Audit forum e2e1' }).filter({ hasText: '10 Oct 2028' }).waitFor();
    await page.screenshot({ path: screenshotPath('retention'), fullPage: true });
  });

  it('lists what sign-in, the door staff console and privacy record too', async () => {
    const api = await fetchApi(app, credentials);
    const door = await api.call('POST', '/api/v1/users', {
      email: 'second.door.e2e1@example.org',
      name: 'Second Door',
      password: 'a long door password',
      role: 'door',
    });
    await api.call('PUT', `/api/v1/door-staff/${door.id}/assignments`, { assignments: [{ forumId: done.forumId }] });
    const signIn = (password: string) =>
      fetch(`${app.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'second.door.e2e1@example.org', password }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn('not the password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    await api.call('POST', `/api/v1/users/${door.id}/unlock`);
    expect((await signIn('a long door password')).status).toBe(200);
    const devices = (await api.call('GET', '/api/v1/door-devices')) as { deviceId: string; userId: string }[];
    await api.call('POST', `/api/v1/door-devices/${devices.find((d) => d.userId === door.id)!.deviceId}/revoke`);
    const copy = await api.call('GET', `/api/v1/privacy/members/${done.memberId}/export`);
    await api.call('POST', `/api/v1/privacy/members/${done.memberId}/erase`, { basedOn: copy.version });

    await filterToEach([
      'auth.sign_in',
      'auth.sign_in_failed',
      'auth.sign_in_locked',
      'staff.unlocked',
      'door.assigned',
      'door.device_revoked',
      'member.erased',
    ]);
    await page.screenshot({ path: screenshotPath('audit-log-erased'), fullPage: true });
  });
});
