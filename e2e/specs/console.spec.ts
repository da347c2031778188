import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { type RunningApp, setupOrganiser, startApp } from '../support/app';
import { launchChromium, phoneContext, screenshotPath } from '../support/browser';

describe('organiser console on a phone', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    page = await (await phoneContext(browser, app.url)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('sends a fresh installation to first-run setup, then to sign-in once an organiser exists', async () => {
    await page.goto('/admin');
    await page.waitForURL('**/setup');
    await expect(page.getByRole('heading', { name: 'Create the first organiser' }).isVisible()).resolves.toBe(true);
    await setupOrganiser(app);
    await page.goto('/admin/forums');
    await page.waitForURL('**/sign-in?next=%2Fadmin%2Fforums');
  });

  it('refuses a wrong password with a message', async () => {
    await page.getByLabel('Email').fill('organiser@example.org');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Email or password is not right');
  });

  it('signs in, creates a forum and sees it listed', async () => {
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/forums');
    await expect(page.getByText('No forums yet.').isVisible()).resolves.toBe(true);

    await page.getByRole('link', { name: 'New forum' }).click();
    await page.getByLabel('Name').fill('Basotho Diaspora Forum 2027');
    await page.getByLabel('Venue').fill('Manthabiseng Convention Centre, Maseru');
    await page.getByLabel('First day').fill('2027-04-08');
    await page.getByLabel('Last day').fill('2027-04-09');
    await page.getByLabel('Capacity (places)').fill('0');
    await page.getByRole('button', { name: 'Create forum' }).click();
    // Bad input: the field says why, and nothing is created.
    await expect(page.locator('#capacity-error').textContent()).resolves.toContain('must be at least 1');
    await page.screenshot({ path: screenshotPath('console-forum-invalid'), fullPage: true });

    await page.getByLabel('Capacity (places)').fill('300');
    await page.getByLabel('RSVP deadline (optional)').fill('2027-03-25T23:59');
    await page.getByRole('button', { name: 'Create forum' }).click();
    await page.waitForURL('**/admin/forums');
    const item = page.getByRole('listitem').filter({ hasText: 'Basotho Diaspora Forum 2027' });
    await expect(item.textContent()).resolves.toContain('Thu, 8 April 2027 – Fri, 9 April 2027');
    await page.screenshot({ path: screenshotPath('console-forums'), fullPage: true });

    const forums = await page.evaluate(() => fetch('/api/v1/forums').then((r) => r.json()));
    expect(forums).toHaveLength(1);
    expect(forums[0]).toMatchObject({ capacity: 300, rsvpDeadline: '2027-03-25T21:59:00.000Z', timezone: 'Africa/Maseru' });
  });

  it('signs out, and the console then asks to sign in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto('/admin/staff');
    await page.waitForURL('**/sign-in?next=%2Fadmin%2Fstaff');
  });
});
