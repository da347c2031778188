import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { eventually } from '../../backend/src/test/eventually';
import { SmtpSink } from '../../backend/src/test/smtp-sink';
import { signedInFetch } from '../support/api';
import { type RunningApp, setupOrganiser, startApp } from '../support/app';
import { launchChromium, phoneContext, screenshotPath } from '../support/browser';

// What an organiser and a member see of erasure and the data copy, in Chromium; that erasure
// leaves nothing behind is erasure.spec.ts.
describe('the erase preview and "Download my data", in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let mailSink: SmtpSink;
  let credentials: { email: string; password: string };

  beforeAll(async () => {
    mailSink = await new SmtpSink().start();
    app = await startApp({ SMTP_URL: mailSink.url });
    credentials = await setupOrganiser(app);
    const organiser = await signedInFetch(app, credentials);
    await organiser('POST', '/api/v1/members', {
      firstName: 'Lineo',
      lastName: 'Mokhele',
      email: 'lineo.mokhele@example.org',
      countryCode: 'ZA',
      region: 'Free State',
      consent: { invitations: true, updates: true, method: 'paper_form' },
    });
    browser = await launchChromium();
    page = await (await phoneContext(browser, app.url)).newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(credentials.email);
    await page.getByLabel('Password').fill(credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/**');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await mailSink?.stop();
  });

  it('shows the organiser what will be removed, then erases', async () => {
    const members = await page.evaluate(() => fetch('/api/v1/members?text=lineo').then((r) => r.json()));
    const id = members.items[0].id as string;
    await page.goto(`/admin/members/${id}`);
    await page.getByRole('button', { name: 'Erase at their request…' }).click();
    const panel = page.getByRole('region', { name: /what will be removed/ });
    await panel.getByRole('cell', { name: 'Emails (mail log)' }).waitFor();
    await expect(panel.getByRole('row').count()).resolves.toBeGreaterThan(8);
    await page.screenshot({ path: screenshotPath('erase-preview'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Readable copy' }).click();
    const html = readFileSync(await (await download).path(), 'utf8');
    expect(html).toContain('lineo.mokhele@example.org');
    const readable = await page.context().newPage();
    await readable.setContent(html);
    await expect(readable.getByRole('heading', { name: 'Emails (mail log)' }).isVisible()).resolves.toBe(true);
    await readable.screenshot({ path: screenshotPath('readable-copy'), fullPage: true });
    await readable.close();

    await panel.getByRole('button', { name: 'Erase for good' }).click();
    await page.waitForURL('**/admin/members');
    const after = await page.evaluate(
      (memberId) => fetch(`/api/v1/privacy/members/${memberId}/export`).then((r) => r.status),
      id,
    );
    expect(after).toBe(409);
  });

  it('lets the member download their data from their own page', async () => {
    // The member's page, through the manage link they ask for by email.
    const organiser = await signedInFetch(app, credentials);
    await organiser('POST', '/api/v1/members', {
      firstName: 'Palesa',
      lastName: 'Ramone',
      email: 'palesa.ramone@example.org',
      countryCode: 'ZA',
      region: 'Gauteng',
      consent: { invitations: true, updates: true, method: 'paper_form' },
    });
    await fetch(`${app.url}/api/v1/public/me/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'palesa.ramone@example.org' }),
    });
    // The link as the member gets it: from the email (the outbox keeps it only sealed).
    const mail = await eventually(
      async () => mailSink.to('palesa.ramone@example.org').find((m) => /\/me\/[A-Za-z0-9_-]{20,}/.test(String(m.parsed.html))),
      'the manage-link email',
    );
    const token = /\/me\/([A-Za-z0-9_-]{20,})/.exec(String(mail.parsed.html))![1];
    await page.goto(`/me/${token}`);
    const button = page.getByRole('button', { name: 'Download my data' });
    await button.waitFor();
    await page.screenshot({ path: screenshotPath('download-my-data'), fullPage: true });
    const download = page.waitForEvent('download');
    await button.click();
    const json = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    expect(json.profile.email).toBe('palesa.ramone@example.org');
    await expect(page.getByRole('link', { name: 'Download a copy to read or print' }).isVisible()).resolves.toBe(true);
  });
});
