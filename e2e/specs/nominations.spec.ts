import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { SmtpSink } from '../../backend/src/test/smtp-sink';
import { type RunningApp, setupOrganiser, startApp } from '../support/app';
import { launchChromium, phoneContext, screenshotPath } from '../support/browser';

/** Nomination on a phone, review on a phone, acceptance by email, confirmation through the personal link. */
describe('a presenter nomination, from the public form to the nominee’s confirmation', () => {
  let sink: SmtpSink;
  let app: RunningApp;
  let browser: Browser;
  let member: Page;
  let organiser: Page;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await startApp({ SMTP_URL: sink.url });
    const { email, password } = await setupOrganiser(app);
    browser = await launchChromium();
    member = await (await phoneContext(browser, app.url)).newPage();
    organiser = await (await phoneContext(browser, app.url)).newPage();
    await organiser.goto('/sign-in?next=%2Fadmin%2Fforums');
    await organiser.getByLabel('Email').fill(email);
    await organiser.getByLabel('Password').fill(password);
    await organiser.getByRole('button', { name: 'Sign in' }).click();
    await organiser.waitForURL('**/admin/forums');
    const created = await organiser.evaluate(() =>
      fetch('/api/v1/forums', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Basotho Diaspora Forum 2027',
          venue: 'Manthabiseng Convention Centre, Maseru',
          startDate: '2027-04-08',
          endDate: '2027-04-09',
          capacity: 300,
          status: 'open',
        }),
      }).then((r) => r.status),
    );
    expect(created).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sink?.stop();
  });

  it('takes a nomination of someone else on a phone, in Sesotho, after saying what is missing', async () => {
    await member.goto('/nominate');
    await member.getByRole('combobox', { name: 'Language', exact: true }).selectOption('st');
    await expect(member.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Khetha mohlahisi');
    await member.getByLabel('Motho e mong').check();
    await member.getByLabel('Lebitso', { exact: true }).fill('Palesa');
    await member.getByLabel('Fane').fill('Ntšekhe');
    await member.getByLabel('Imeile ea hae (haeba u e tseba)').fill('palesa.ntsekhe@example.org');
    await member.getByLabel('Profinse').selectOption('Gauteng');
    await member.getByLabel('Lefapha la seabo').selectOption('investment');
    await member.getByLabel('Sehlooho se sisinngoang').fill('Financing agro-processing in the Maluti highlands');
    await member
      .getByLabel(/Motho ea khethiloeng o na le seabo/)
      .fill('Runs a fund that has backed twelve Basotho-owned food businesses.');
    await member.getByLabel('Lebitso la hau ka botlalo').fill('Lineo Sello');
    await member.getByLabel('Imeile ea hau').fill('lineo.sello@example.org');
    await member.getByRole('button', { name: 'Romela khetho' }).click();
    // Not yet told the nominee, no agreement: the page says so, in Sesotho, and nothing is kept.
    await expect(member.getByRole('alert').first().textContent()).resolves.toContain('Ka kopo lokisa');
    await member.getByText('Ka kopo bolella motho ea khethiloeng pele').waitFor();
    await member.screenshot({ path: screenshotPath('nominate-st-error'), fullPage: true });

    await member.getByLabel(/Ke bolelletse motho ea khethiloeng/).check();
    await member.getByLabel(/Ke lumela hore Lekala la Diaspora le boloke/).check();
    await member.getByRole('button', { name: 'Romela khetho' }).click();
    await member.getByRole('heading', { name: 'Re a leboha!' }).waitFor();
    await member.screenshot({ path: screenshotPath('nominate-st-sent'), fullPage: true });

    await sink.waitFor(2);
    expect(sink.to('lineo.sello@example.org')[0].parsed.subject).toBe(
      'Re fumane khetho ea hau bakeng sa Basotho Diaspora Forum 2027',
    );
    const notice = sink.to('palesa.ntsekhe@example.org')[0].parsed;
    expect(notice.subject).toBe('U khethiloe ho hlahisa puo ho Basotho Diaspora Forum 2027');
    expect(notice.text).toContain('Lineo Sello');
  });

  it('lets the organiser score and accept it on the review board', async () => {
    await organiser.goto('/admin/nominations');
    await organiser.getByText('0 of 10').waitFor();
    const column = organiser.getByRole('region', { name: /Submitted/ });
    await column.getByRole('link', { name: /Palesa Ntšekhe/ }).click();
    await organiser.waitForURL('**/admin/nominations/**');
    await organiser.getByLabel('4', { exact: true }).check();
    await organiser.getByLabel('Comment (seen by other organisers)').fill('Strong track record; topic fits day one.');
    await organiser.getByRole('button', { name: 'Save review' }).click();
    await organiser.getByText('4.0 (spread 0, 1 review)').waitFor();
    const history = organiser.getByRole('region', { name: 'History' });
    await organiser.getByRole('button', { name: 'Move to review' }).click();
    await history.getByText('Submitted → Under review').waitFor();
    await organiser.getByRole('button', { name: 'Mark shortlisted' }).click();
    await history.getByText('Under review → Shortlisted').waitFor();
    await organiser.getByLabel(/^Note/).fill('Your session would be on the first morning: 15 minutes and questions.');
    organiser.once('dialog', (dialog) => void dialog.accept());
    await organiser.getByRole('button', { name: 'Mark accepted' }).click();
    await organiser.getByRole('button', { name: 'Record confirmation (by phone)' }).waitFor();
    await expect(history.getByRole('listitem').count()).resolves.toBe(4);
    await expect(history.textContent()).resolves.toContain('Shortlisted → Accepted');
    await expect(history.textContent()).resolves.toContain('first morning');
    await organiser.screenshot({ path: screenshotPath('nomination-detail'), fullPage: true });

    await organiser.goto('/admin/nominations');
    await organiser.getByText('1 of 10').waitFor();
    await organiser.screenshot({ path: screenshotPath('nominations-board'), fullPage: true });
  });

  it('emails the nominee, who confirms through the personal link on a phone', async () => {
    await sink.waitFor(3);
    const accepted = sink.to('palesa.ntsekhe@example.org')[1].parsed;
    expect(accepted.subject).toBe('U memetsoe ho hlahisa puo ho Basotho Diaspora Forum 2027');
    expect(accepted.text).toContain('15 minutes and questions');
    const link = /href="([^"]+\/nomination\/[^"]+)"/.exec(String(accepted.html))![1];
    expect(link.startsWith(app.url)).toBe(true);

    await member.goto(link);
    await member.getByRole('heading', { name: 'Khetho ea hau' }).waitFor();
    // The heading shows before the nomination has loaded: wait for the forum's dates, then read the page.
    await member.locator('main').getByText('8–9 Mmesa 2027').first().waitFor();
    await expect(member.textContent('main')).resolves.toContain('8–9 Mmesa 2027');
    await member.getByLabel(/Tlhaloso e khutšoanyane/).fill('Investor and founder of the Maluti Growth Fund.');
    await member.getByRole('button', { name: 'E, ke tla hlahisa puo' }).click();
    await member.getByText('Re a leboha: u netefalitse').first().waitFor();
    await member.screenshot({ path: screenshotPath('nomination-confirmed-st'), fullPage: true });

    await organiser.reload();
    await organiser.getByText('1 of 6').waitFor();
  });
});
