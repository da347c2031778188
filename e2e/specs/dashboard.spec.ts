import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, type RunningApp, setupOrganiser, startApp } from '../support/app';
import { launchChromium, phoneContext, screenshotPath } from '../support/browser';

const run = promisify(execFile);

describe('register dashboard on a phone', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    const { email, password } = await setupOrganiser(app);
    // The demo seed fills the app's database with synthetic members (all provinces, several countries).
    await run(process.execPath, [join(repoRoot, 'backend', 'dist', 'cli', 'seed-demo.js'), '--members', '60'], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: app.db.dataDir, DATABASE_URL: app.db.url ?? '', LOG_LEVEL: 'warn' },
    });
    browser = await launchChromium();
    page = await (await phoneContext(browser, app.url)).newPage();
    await page.goto('/sign-in?next=%2Fadmin%2Fdashboard');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/dashboard');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the seeded members per province and country, as the API counts them', async () => {
    await expect(page.getByRole('heading', { name: 'Register dashboard' }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('total-members').textContent()).resolves.toBe('60');
    const api = await page.evaluate(() => fetch('/api/v1/register/dashboard').then((r) => r.json()));
    expect(api.totals.members).toBe(60);

    const provinces = page.getByRole('table', { name: 'Members per South African province' });
    for (const { province, members } of api.byProvince as { province: string; members: number }[]) {
      const row = provinces.getByRole('row').filter({ has: page.getByRole('rowheader', { name: province, exact: true }) });
      await expect(row.getByRole('cell').first().textContent()).resolves.toBe(String(members));
    }
    const countries = page.getByRole('table', { name: 'Members per country' });
    await expect(countries.getByRole('row').count()).resolves.toBe(api.byCountry.length + 1);
    await page.screenshot({ path: screenshotPath('dashboard'), fullPage: true });
  });

  it('lets an organiser set a target and shows progress against it', async () => {
    await page.getByLabel('Target for').selectOption('total');
    await page.getByLabel('Members wanted').fill('240');
    await page.getByRole('button', { name: 'Set target' }).click();
    await page.getByRole('status').filter({ hasText: 'Target for Whole register set to 240' }).waitFor();
    await page.getByText('25% of the target of 240').waitFor();
    await expect(page.getByRole('progressbar', { name: 'Members against the target' }).getAttribute('value')).resolves.toBe('60');

    await page.getByLabel('Members wanted').fill('0');
    await page.getByRole('button', { name: 'Set target' }).click();
    await expect(page.locator('#target-value-error').textContent()).resolves.toContain('must be at least 1');
    await page.screenshot({ path: screenshotPath('dashboard-targets'), fullPage: true });
  });
});
