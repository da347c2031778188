import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { repoRoot, type RunningApp, setupOrganiser, startApp } from '../support/app';
import { launchChromium, phoneContext, screenshotPath } from '../support/browser';

// Semicolons, a UTF-8 BOM, CRLF line ends, Sesotho column names, phones in five formats, a blank
// row, a phone number repeated (row 5 has row 2's), a row without a surname (row 6), and a column
// the guesser does not know (Motse: the town) that the organiser maps by hand.
const messyCsv = join(repoRoot, 'e2e', 'fixtures', 'import', 'messy-members.csv');

describe('importing a spreadsheet on a phone', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    const { email, password } = await setupOrganiser(app);
    browser = await launchChromium();
    page = await (await phoneContext(browser, app.url)).newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/**');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('uploads a messy CSV, adjusts the mapping, sees the problems, imports and rolls back', async () => {
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.waitForURL('**/admin/imports');
    await expect(page.getByText('No imports yet.').isVisible()).resolves.toBe(true);

    // Nothing chosen: the form says so instead of sending.
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Choose a CSV' }).isVisible()).resolves.toBe(true);

    // A file that is no spreadsheet is refused with the reason, and nothing is listed.
    await page.getByLabel('Spreadsheet').setInputFiles({
      name: 'photo.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('alert').filter({ hasText: 'This file is not a CSV or XLSX spreadsheet.' }).waitFor();
    await expect(page.getByText('No imports yet.').isVisible()).resolves.toBe(true);

    await page.getByLabel('Spreadsheet').setInputFiles(messyCsv);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(/\/admin\/imports\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: 'messy-members.csv' }).isVisible()).resolves.toBe(true);
    // The guess read the BOM-prefixed Sesotho header and the semicolons.
    await expect(page.getByLabel('First name').inputValue()).resolves.toBe('Lebitso');
    await expect(page.getByLabel('Surname').inputValue()).resolves.toBe('Fane');
    await expect(page.getByLabel('Phone', { exact: true }).inputValue()).resolves.toBe('Cell no.');
    await expect(page.getByLabel('City or town').inputValue()).resolves.toBe('');
    await expect(page.getByRole('cell', { name: 'Ntšekhe' }).isVisible()).resolves.toBe(true);

    await page.getByLabel('City or town').selectOption('Motse');
    await page.getByRole('button', { name: 'Check the file' }).click();
    const summary = page.getByRole('status').filter({ hasText: 'rows checked' });
    await summary.waitFor();
    await expect(summary.innerText()).resolves.toMatch(
      /6 rows checked\. 4 will be imported; 1 is a duplicate and 1 has a problem/,
    );
    const skipped = page.getByRole('table', { name: /Rows that will be skipped/ });
    await expect(skipped.getByRole('row').nth(1).textContent()).resolves.toContain('Same phone number +27825550101 as row 2');
    await expect(skipped.getByRole('row').nth(2).textContent()).resolves.toContain('Surname: enter a surname');
    const samples = page.getByRole('table', { name: 'The first members as they will be imported' });
    await expect(samples.textContent()).resolves.toContain('Soweto, Gauteng, ZA');
    await expect(samples.textContent()).resolves.toContain('+27825550102');
    await page.screenshot({ path: screenshotPath('import-preview'), fullPage: true });

    await page.getByLabel('They agreed to receive forum invitations').check();
    await page.getByRole('button', { name: 'Import 4 members' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'members imported' }).textContent()).resolves.toContain(
      '4 members imported; skipped 1 duplicate, 1 row with problems.',
    );

    await page.getByRole('link', { name: '← Imports' }).click();
    await page.waitForURL('**/admin/imports');
    const item = page.getByRole('listitem').filter({ hasText: 'messy-members.csv' });
    await expect(item.textContent()).resolves.toContain('4 members imported');
    await page.screenshot({ path: screenshotPath('import-batches'), fullPage: true });
    const batches = await page.evaluate(() => fetch('/api/v1/imports').then((r) => r.json()));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ status: 'committed', importedCount: 4, mapping: { city: 'Motse', phone: 'Cell no.' } });

    await item.getByRole('button', { name: 'Roll back messy-members.csv' }).click();
    await item.getByRole('button', { name: 'Yes, roll back' }).click();
    await item.getByText('rolled back', { exact: true }).waitFor();
    await expect(item.textContent()).resolves.toContain('4 members imported, then removed.');
  });
});
