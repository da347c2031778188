import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { SmtpSink } from '../../backend/src/test/smtp-sink';
import { type RunningApp, setupOrganiser, startApp } from '../support/app';
import { launchChromium, phoneContext, screenshotPath } from '../support/browser';
import { signedInFetch } from '../support/api';
import { seriousA11yViolations } from '../support/axe';

describe('an invitee answers on their phone, in Sesotho', () => {
  let sink: SmtpSink;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startApp({ SMTP_URL: sink.url });
    browser = await launchChromium();
    page = await (await phoneContext(browser, app.url)).newPage();

    // The organiser's side, through the API: a forum, a member, a campaign sent to them.
    const organiser = await signedInFetch(app, await setupOrganiser(app));
    const forum = await organiser('POST', '/api/v1/forums', {
      name: 'Foramo ea Diaspora 2027',
      venue: 'Manthabiseng, Maseru',
      startDate: '2027-04-08',
      endDate: '2027-04-09',
      capacity: 100,
      status: 'open',
    });
    const member = await organiser('POST', '/api/v1/members', {
      firstName: 'Lineo',
      lastName: 'Ntšekhe',
      email: 'lineo@example.org',
      countryCode: 'ZA',
      region: 'Free State',
      preferredLanguage: 'st',
      consent: { invitations: true, updates: false, method: 'paper_form' },
    });
    const campaign = await organiser('POST', `/api/v1/forums/${forum.id}/campaigns`, {
      name: 'Free State',
      audience: { memberIds: [member.id] },
    });
    await organiser('POST', `/api/v1/campaigns/${campaign.id}/send`, {});
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sink?.stop();
  });

  it('opens the personal link from the email and sees the invitation in Sesotho', async () => {
    await sink.waitFor(1);
    const [invitation] = sink.to('lineo@example.org');
    expect(invitation.parsed.subject).toBe('U memeloa: Foramo ea Diaspora 2027');
    const link = /href="([^"]+\/rsvp\/[^"]+)"/.exec(String(invitation.parsed.html))![1];
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Foramo ea Diaspora 2027');
    await expect(page.getByText('Lineo ea ratehang').count()).resolves.toBe(1);
    await page.getByLabel('E, ke tla tla').check();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('accepts for one day with a need, and sees the place confirmed', async () => {
    await page.getByLabel('E, ke tla tla').check();
    await page.locator('input[type=checkbox][value="2027-04-08"]').uncheck();
    await page.getByLabel('Ke sebelisa setulo sa mabili').check();
    await page.getByRole('button', { name: 'Romela karabo ea ka' }).click();
    await page.getByText('Sebaka sa hau se netefalitsoe').waitFor();
    await page.screenshot({ path: screenshotPath('rsvp-st-confirmed'), fullPage: true });
  });

  it('receives a confirmation whose calendar file puts the day at the right time', async () => {
    await sink.waitFor(2);
    const confirmation = sink.to('lineo@example.org')[1];
    expect(confirmation.parsed.subject).toBe('Sebaka sa hau Foramo ea Diaspora 2027 se netefalitsoe');
    const ics = confirmation.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
    const events = new ICAL.Component(ICAL.parse(ics.content.toString('utf8')))
      .getAllSubcomponents('vevent')
      .map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()])).toEqual([
      ['2027-04-09T06:00:00.000Z', '2027-04-09T15:00:00.000Z'],
    ]);
  });
});
