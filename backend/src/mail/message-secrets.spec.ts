import { describe, expect, it } from '@jest/globals';
import { outboxTestbed } from '../test/outbox-testbed';
import { LegacyLinks } from './legacy-links';
import { CALENDAR_KEY } from './mail-renderer';
import { MessageRepository } from './message.repository';
import { MASK, maskLink, MessageSecrets } from './message-secrets';

const TOKEN = 'SealedTokenSealedTokenSealedToken0123456789';
const binding = { recipient: 'a@example.org', idempotencyKey: 'k:1' };

describe(MessageSecrets.name, () => {
  const secrets = new MessageSecrets({ appSecret: 'test-secret-test-secret-test-secret-0123' });

  it('opens what it sealed, only for the same message and secret', () => {
    const sealed = secrets.seal({ rsvpUrl: `https://f.example.org/rsvp/${TOKEN}` }, binding);
    expect(sealed).not.toContain(TOKEN);
    expect(secrets.open(sealed, binding)).toEqual({ rsvpUrl: `https://f.example.org/rsvp/${TOKEN}` });
    expect(() => secrets.open(sealed, { ...binding, recipient: 'attacker@example.org' })).toThrow();
    expect(() => secrets.open(sealed, { ...binding, idempotencyKey: 'k:2' })).toThrow();
    const other = new MessageSecrets({ appSecret: 'another secret entirely, 0123456789' });
    expect(() => other.open(sealed, binding)).toThrow();
  });

  it('masks the key of a link, keeping its shape', () => {
    expect(maskLink(`https://f.example.org/rsvp/${TOKEN}`)).toBe(`https://f.example.org/rsvp/${MASK}`);
  });
});

describe('Outbox personal links', () => {
  const bed = outboxTestbed();
  const row = async (key: string) =>
    (await bed.t.dataSource.query('SELECT * FROM messages WHERE idempotencyKey = ?', [key]))[0] as Record<string, unknown>;
  const linkMessage = (n: number) => ({
    recipient: `link${n}@example.org`,
    template: 'register-confirm',
    locale: 'en' as const,
    data: { firstName: `Member ${n}` },
    secrets: { confirmUrl: `https://forum.example.org/register/confirm/${TOKEN}${n}` },
    idempotencyKey: `link:${n}`,
  });

  it('keeps the link masked and sealed while queued, sends the real one, then wipes the seal', async () => {
    await bed.outbox.enqueue([linkMessage(1)]);
    const queued = await row('link:1');
    expect(JSON.stringify(queued)).not.toContain(TOKEN);
    expect(JSON.parse(queued.data as string).confirmUrl).toBe(`https://forum.example.org/register/confirm/${MASK}`);
    expect(queued.sealedSecrets).toEqual(expect.any(String));

    await bed.worker.drainOnce();
    const [mail] = bed.sink.to('link1@example.org');
    expect(mail.parsed.text).toContain(`https://forum.example.org/register/confirm/${TOKEN}1`);
    expect(await row('link:1')).toMatchObject({ state: 'sent', sealedSecrets: null });
  });

  it('keeps the sealed link through a temporary failure, so the retry carries it', async () => {
    bed.sink.policy = (to) => (to === 'link2@example.org' ? { code: 451, message: 'Try again later' } : null);
    await bed.outbox.enqueue([linkMessage(2)]);
    await bed.worker.drainOnce();
    expect(await row('link:2')).toMatchObject({ state: 'queued', attempts: 1, sealedSecrets: expect.any(String) });
    bed.sink.policy = () => null;
    bed.t.setNow(new Date(Date.now() + 3 * 3600_000));
    await bed.worker.drainOnce();
    expect(bed.sink.to('link2@example.org')[0].parsed.text).toContain(`${TOKEN}2`);
    expect(await row('link:2')).toMatchObject({ state: 'sent', sealedSecrets: null });
  });

  it('shows organisers the message with its link masked, in the list and the detail', async () => {
    await bed.outbox.enqueue([linkMessage(3)]);
    const organiser = await bed.t.signedIn('organiser');
    const { id } = await row('link:3');
    const detail = await organiser.get(`/api/v1/mail/messages/${id as string}`).expect(200);
    expect(JSON.stringify(detail.body)).not.toContain(TOKEN);
    expect(detail.body.rendered.html).toContain(`/register/confirm/${MASK}`);
    const list = await organiser.get('/api/v1/mail/messages?pageSize=200').expect(200);
    expect(JSON.stringify(list.body)).not.toContain(TOKEN);
  });

  it('wipes the seal of a cancelled message', async () => {
    await bed.outbox.enqueue([linkMessage(4)]);
    const { id } = await row('link:4');
    await bed.outbox.cancel([id as string]);
    expect(await row('link:4')).toMatchObject({ state: 'cancelled', sealedSecrets: null });
  });

  it('fails, and says why, a message whose seal no longer opens (the app secret changed)', async () => {
    await bed.outbox.enqueue([linkMessage(5)]);
    await bed.t.dataSource.query("UPDATE messages SET recipient = 'moved@example.org' WHERE idempotencyKey = 'link:5'");
    await bed.worker.drainOnce();
    const failed = await row('link:5');
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toContain('cannot be unsealed');
    expect(bed.sink.to('moved@example.org')).toHaveLength(0);
  });

  it('seals the raw links of messages written before links were sealed, and masks those already sent', async () => {
    const legacy = (n: number, state: 'queued' | 'sent') => ({
      recipient: `legacy${n}@example.org`,
      memberId: null,
      template: 'rsvp-waitlisted',
      locale: 'en' as const,
      data: {
        firstName: 'Old',
        forumName: 'Forum',
        position: 2,
        rsvpUrl: `https://forum.example.org/rsvp/${TOKEN}L${n}`,
        [CALENDAR_KEY]: `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Forum\r\nURL;VALUE=URI:https://forum.example.org/rsvp/${TOKEN.slice(0, 20)}\r\n ${TOKEN.slice(20)}L${n}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`,
      },
      sealedSecrets: null,
      forumId: null,
      idempotencyKey: `legacy:${n}`,
      state,
      nextAttemptAt: new Date(),
    });
    await bed.t.app.get(MessageRepository).insertIgnoringDuplicates([legacy(1, 'queued'), legacy(2, 'sent')]);
    expect(await bed.t.app.get(LegacyLinks).sealAll()).toBe(2);
    expect(await bed.t.app.get(LegacyLinks).sealAll()).toBe(0);

    const [queued, sent] = [await row('legacy:1'), await row('legacy:2')];
    for (const r of [queued, sent]) {
      expect(JSON.stringify(r)).not.toContain(TOKEN);
      expect(JSON.parse(r.data as string)[CALENDAR_KEY]).toContain('SUMMARY:Forum');
    }
    expect(queued.sealedSecrets).toEqual(expect.any(String));
    expect(sent.sealedSecrets).toBeNull();
    await bed.worker.drainOnce();
    const [mail] = bed.sink.to('legacy1@example.org');
    expect(mail.parsed.html).toContain(`/rsvp/${TOKEN}L1`);
    const ics = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
    expect(ics.content.toString('utf8')).not.toContain('rsvp');
  });
});
