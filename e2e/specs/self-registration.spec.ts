import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { SmtpSink } from '../../backend/src/test/smtp-sink';
import { type RunningApp, startApp } from '../support/app';
import { launchChromium, phoneContext, screenshotPath } from '../support/browser';

describe('a member registers themselves on a phone, in Sesotho', () => {
  let sink: SmtpSink;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startApp({ SMTP_URL: sink.url });
    browser = await launchChromium();
    page = await (await phoneContext(browser, app.url)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sink?.stop();
  });

  it('fills the form in Sesotho, is told what is wrong, then is asked to check their email', async () => {
    await page.goto('/register');
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('st');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ingolise ngolisong ea diaspora');
    await page.getByLabel('Lebitso').fill('Lineo');
    await page.getByLabel('Fane').fill('Ntšekhe');
    await page.getByLabel('Imeile').fill('lineo.ntsekhe@example.org');
    await page.getByLabel('Nomoro ea mohala (ha e qobelloe)').fill('082 555 0101');
    await page.getByLabel('Profinse').selectOption('Free State');
    await page.getByLabel('Bophelo bo botle').check();
    await page.getByRole('button', { name: 'Ingolise' }).click();
    // Without the agreement nothing is registered, and the page says so in Sesotho.
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Ka kopo lokisa');
    await page.screenshot({ path: screenshotPath('register-st-error'), fullPage: true });

    await page.getByLabel(/Ke lumela hore Lekala/).check();
    await page.getByRole('button', { name: 'Ingolise' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('lineo.ntsekhe@example.org');
  });

  it('opens the link from the Sesotho email and lands on their own details', async () => {
    await sink.waitFor(1);
    const [mail] = sink.to('lineo.ntsekhe@example.org');
    expect(mail.parsed.subject).toBe('Netefatsa ngoliso ea hau le Lekala la Diaspora');
    const link = /href="([^"]+\/register\/confirm\/[^"]+)"/.exec(String(mail.parsed.html))![1];
    expect(link.startsWith(app.url)).toBe(true);

    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Re a u amohela, Lineo!');
    await page.getByRole('link', { name: 'Lintlha tsa ka' }).click();
    await page.waitForURL('**/me/**');
    await expect(page.getByLabel('Fane').inputValue()).resolves.toBe('Ntšekhe');
    await expect(page.getByLabel('Nomoro ea mohala (ha e qobelloe)').inputValue()).resolves.toBe('+27825550101');
    await page.screenshot({ path: screenshotPath('me-st'), fullPage: true });

    await sink.waitFor(2);
    expect(sink.to('lineo.ntsekhe@example.org')[1].parsed.subject).toBe('U se u le ngolisong ea diaspora');
  });

  it('corrects their details, then removes themselves from the register', async () => {
    await page.getByLabel('Toropo (ha e qobelloe)').fill('Bloemfontein');
    await page.getByRole('button', { name: 'Boloka liphetoho' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('li bolokiloe');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Ntlose ngolisong' }).click();
    await page.getByRole('status').filter({ hasText: 'Lintlha tsa hau li tlositsoe' }).waitFor();
    await page.reload();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Sehokelo sena ha se sa sebetsa');
  });
});
