import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { templatesDir } from '../paths';
import { MailRenderer, mailLocales } from './mail-renderer';

describe(MailRenderer.name, () => {
  const renderer = new MailRenderer();

  it('has every template in every locale, with a subject in each', () => {
    expect(renderer.names()).toEqual(expect.arrayContaining(['manage-link', 'register-confirm', 'register-welcome']));
    for (const name of renderer.names()) {
      for (const locale of mailLocales) {
        expect(existsSync(join(templatesDir, 'email', name, `${locale}.hbs`))).toBe(true);
        expect(renderer.render(name, locale, renderer.sample(name)).subject.length).toBeGreaterThan(5);
      }
    }
  });

  it('renders in the member’s language, inside the layout, with inlined styles and a text part', () => {
    const mail = renderer.render('register-confirm', 'st', {
      firstName: 'Lineo',
      confirmUrl: 'https://forum.example.org/register/confirm/abc',
    });
    expect(mail.subject).toBe('Netefatsa ngoliso ea hau le Lekala la Diaspora');
    expect(mail.html).toContain('<html lang="st">');
    expect(mail.html).toMatch(
      /<a class="button" href="https:\/\/forum\.example\.org\/register\/confirm\/abc" style="[^"]*background: #00209f/,
    );
    expect(mail.html).not.toContain('<style>');
    expect(mail.text).toContain('Lineo ea ratehang');
    expect(mail.text).toContain('https://forum.example.org/register/confirm/abc');
  });

  it('escapes member data: a name like {{7*7}} or <script> shows literally', () => {
    const mail = renderer.render('register-confirm', 'en', {
      firstName: '{{7*7}} <script>alert(1)</script>',
      confirmUrl: 'https://x.example.org/',
    });
    expect(mail.html).toContain('{{7*7}} &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('Dear {{7*7}} <script>alert(1)</script>,');
  });

  it('falls back to English for an unknown locale and refuses an unknown template', () => {
    expect(renderer.render('manage-link', 'fr', renderer.sample('manage-link')).subject).toBe(
      'Your personal link to your details',
    );
    expect(() => renderer.render('no-such-template', 'en', {})).toThrow('Unknown email template');
  });
});
