import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { signedInFetch } from '../support/api';
import { type RunningApp, setupOrganiser, startApp } from '../support/app';
import { launchChromium, screenshotPath } from '../support/browser';

const organiserCredentials = { email: 'organiser@example.org', password: 'correct horse battery' };
const doorUser = { email: 'door.keeper@example.org', name: 'Retšepile Door', password: 'door keeper password' };

/** What a page reports against its policy: console errors and securitypolicyviolation events. */
async function watch(page: Page): Promise<{ errors: string[]; violations: () => Promise<string[]> }> {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return {
    errors,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []),
  };
}

const cspErrors = (errors: string[]) => errors.filter((e) => /content security policy|refused to/i.test(e));

describe('the web defences in a real browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let sibling: Server;
  let siblingUrl: string;
  let slug: string;

  beforeAll(async () => {
    app = await startApp();
    await setupOrganiser(app, organiserCredentials.email, organiserCredentials.password);
    const organiser = await signedInFetch(app, organiserCredentials);
    const door = (await organiser('POST', '/api/v1/users', { ...doorUser, role: 'door' })) as unknown as { id: string };
    const forum = await organiser('POST', '/api/v1/forums', {
      name: 'Diaspora Forum 2027',
      venue: 'Manthabiseng, Maseru',
      startDate: '2027-04-08',
      endDate: '2027-04-09',
      capacity: 100,
      status: 'open',
    });
    slug = forum.slug;
    await organiser('PUT', `/api/v1/door-staff/${door.id}/assignments`, { assignments: [{ forumId: forum.id }] });
    // Another app on the same host, another port: the same site for the browser, so the Lax cookie goes along.
    sibling = createServer((req, res) => {
      res.setHeader('content-type', 'text/html');
      if (req.url === '/frame') return res.end(`<iframe id="f" src="${app.url}/register"></iframe>`);
      res.end(
        `<form method="post" action="${app.url}/api/v1/users">` +
          '<input name="email" value="mallory@example.org"><input name="name" value="Mallory">' +
          '<input name="password" value="mallory-password"><input name="role" value="organiser">' +
          '<button>Win a prize</button></form>',
      );
    });
    await new Promise<void>((resolve) => sibling.listen(0, '127.0.0.1', resolve));
    siblingUrl = `http://127.0.0.1:${(sibling.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    sibling?.close();
    await app?.stop();
  });

  it('serves the public pages, the console, the door app and the API docs under header CSPs, with no violation', async () => {
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    const watched = await watch(page);

    const home = await page.goto('/');
    const csp = home!.headers()['content-security-policy'];
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(home!.headers()['x-frame-options']).toBe('DENY');

    await page.goto('/register');
    await page.getByRole('button').first().waitFor();
    await page.screenshot({ path: screenshotPath('defences-register'), fullPage: true });
    await page.goto(`/agenda/${slug}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: screenshotPath('defences-agenda'), fullPage: true });
    await page.goto('/rsvp/not-a-real-token');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: screenshotPath('defences-rsvp'), fullPage: true });

    await page.goto('/sign-in?next=%2Fadmin%2Fstaff');
    await page.getByLabel('Email').fill(organiserCredentials.email);
    await page.getByLabel('Password').fill(organiserCredentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin/staff');
    await page.getByRole('heading', { name: 'Staff', exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath('defences-console-staff'), fullPage: true });

    const docs = await page.goto('/api/docs');
    expect(docs!.headers()['content-security-policy']).toContain("script-src 'self';");
    await page.locator('.swagger-ui .info .title').waitFor();
    await page.locator('.opblock').first().waitFor();
    await expect(page.locator('.swagger-ui .info .title').textContent()).resolves.toContain('Diaspora Forum API');
    await page.screenshot({ path: screenshotPath('defences-api-docs') });
    expect(await watched.violations()).toEqual([]);

    const doorPage = await (await browser.newContext({ baseURL: app.url })).newPage();
    const doorWatched = await watch(doorPage);
    await doorPage.goto('/sign-in?next=%2Fdoor');
    await doorPage.getByLabel('Email').fill(doorUser.email);
    await doorPage.getByLabel('Password').fill(doorUser.password);
    await doorPage.getByRole('button', { name: 'Sign in' }).click();
    await doorPage.waitForURL('**/door');
    await doorPage.locator('option', { hasText: 'Diaspora Forum 2027' }).waitFor({ state: 'attached' });
    await doorPage.waitForLoadState('networkidle');
    await doorPage.screenshot({ path: screenshotPath('defences-door'), fullPage: true });
    expect(await doorWatched.violations()).toEqual([]);

    expect(cspErrors([...watched.errors, ...doorWatched.errors])).toEqual([]);
    await context.close();
  });

  it('cannot be framed by another site', async () => {
    const page = await browser.newPage();
    const watched = await watch(page);
    await page.goto(`${siblingUrl}/frame`);
    for (let i = 0; i < 50 && !watched.errors.length; i++) await page.waitForTimeout(100);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    // The browser shows its own "blocked" page in the frame instead of ours.
    const shown = await frame!.evaluate(() => document.body.innerText);
    expect(shown).toMatch(/is blocked|refused to connect/);
    expect(shown).not.toMatch(/register/i);
    await page.screenshot({ path: screenshotPath('defences-framed') });
    expect(watched.errors.join('\n')).toMatch(/frame-ancestors|X-Frame-Options/);
    await page.close();
  });

  it("refuses a sibling site's form posted with the organiser's cookie: no organiser is created", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel('Email').fill(organiserCredentials.email);
    await page.getByLabel('Password').fill(organiserCredentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/admin**');

    await page.goto(siblingUrl);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${app.url}/api/v1/users`),
      page.getByRole('button', { name: 'Win a prize' }).click(),
    ]);
    expect(answer.status()).toBe(403);
    expect(await answer.json()).toMatchObject({ statusCode: 403, error: 'forbidden' });
    const organiser = await signedInFetch(app, organiserCredentials);
    const staff = (await organiser('GET', '/api/v1/users')) as unknown as { email: string }[];
    expect(staff.map((s) => s.email)).not.toContain('mallory@example.org');
    await context.close();
  });

  it('locks an account after failed sign-ins; the organiser sees it and unlocks it', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${app.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: doorUser.email, password: 'not the password' }),
      });
      expect(res.status).toBe(401);
    }
    const context = await browser.newContext({ baseURL: app.url });
    const door = await context.newPage();
    await door.goto('/sign-in?next=%2Fdoor');
    await door.getByLabel('Email').fill(doorUser.email);
    await door.getByLabel('Password').fill(doorUser.password);
    await door.getByRole('button', { name: 'Sign in' }).click();
    await expect(door.getByRole('alert').textContent()).resolves.toContain('Too many failed sign-ins');
    await door.screenshot({ path: screenshotPath('defences-sign-in-locked'), fullPage: true });

    const console = await (await browser.newContext({ baseURL: app.url })).newPage();
    await console.goto('/sign-in?next=%2Fadmin%2Fstaff');
    await console.getByLabel('Email').fill(organiserCredentials.email);
    await console.getByLabel('Password').fill(organiserCredentials.password);
    await console.getByRole('button', { name: 'Sign in' }).click();
    await console.waitForURL('**/admin/staff');
    const row = console.getByRole('row').filter({ hasText: doorUser.email });
    await expect(row.textContent()).resolves.toMatch(/sign-in locked\s*until .*\d\d:\d\d/);
    await console.screenshot({ path: screenshotPath('defences-staff-locked'), fullPage: true });
    await row.getByRole('button', { name: `Unlock ${doorUser.name}` }).click();
    await row.getByText('sign-in locked').waitFor({ state: 'detached' });

    await door.getByRole('button', { name: 'Sign in' }).click();
    await door.waitForURL('**/door');
    await context.close();
  });
});
