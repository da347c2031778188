import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { convert } from 'html-to-text';
import juice from 'juice';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templatesDir } from '../paths';

export const mailLocales = ['en', 'st'] as const;
export type MailLocale = (typeof mailLocales)[number];
export type ConsentNeeded = 'invitations' | 'updates' | null;

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

interface TemplateSet {
  consent: ConsentNeeded;
  sample: Record<string, unknown>;
  subject: Record<MailLocale, HandlebarsTemplateDelegate>;
  body: Record<MailLocale, HandlebarsTemplateDelegate>;
}

const emailDir = join(templatesDir, 'email');

/**
 * Renders templates/email/<name>/<locale>.hbs inside the shared layout, inlines the CSS (mail
 * clients drop <style>) and derives the plain-text part. Templates are compiled once, at start.
 */
@Injectable()
export class MailRenderer {
  // A separate instance: no helper or partial registered elsewhere can change what mail renders.
  private readonly hbs = Handlebars.create();
  private readonly layout = this.hbs.compile(readFileSync(join(emailDir, 'layout.hbs'), 'utf8'), { strict: true });
  private readonly chrome = JSON.parse(readFileSync(join(emailDir, 'layout.json'), 'utf8')) as Record<
    MailLocale,
    Record<string, string>
  >;
  private readonly templates = new Map<string, TemplateSet>(
    readdirSync(emailDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(emailDir, entry.name, 'meta.json')))
      .map((entry) => [entry.name, this.load(entry.name)]),
  );

  names(): string[] {
    return [...this.templates.keys()].sort();
  }

  has(name: string): boolean {
    return this.templates.has(name);
  }

  consentNeeded(name: string): ConsentNeeded {
    return this.get(name).consent;
  }

  sample(name: string): Record<string, unknown> {
    return this.get(name).sample;
  }

  render(name: string, locale: string, data: Record<string, unknown>): RenderedMail {
    const set = this.get(name);
    const lang: MailLocale = (mailLocales as readonly string[]).includes(locale) ? (locale as MailLocale) : 'en';
    const subject = set.subject[lang](data).trim();
    const body = set.body[lang](data);
    const html = juice(this.layout({ ...this.chrome[lang], locale: lang, subject, body }));
    const text = convert(html, {
      wordwrap: 78,
      selectors: [
        { selector: 'title', format: 'skip' },
        { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      ],
    });
    return { subject, html, text };
  }

  private get(name: string): TemplateSet {
    const set = this.templates.get(name);
    if (!set) throw new Error(`Unknown email template "${name}"`);
    return set;
  }

  private load(name: string): TemplateSet {
    const dir = join(emailDir, name);
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as {
      consent: ConsentNeeded;
      subject: Record<MailLocale, string>;
      sample?: Record<string, unknown>;
    };
    const compile = (source: string) => this.hbs.compile(source, { strict: false });
    const byLocale = <T>(make: (locale: MailLocale) => T) =>
      Object.fromEntries(mailLocales.map((l) => [l, make(l)])) as Record<MailLocale, T>;
    return {
      consent: meta.consent,
      sample: meta.sample ?? {},
      subject: byLocale((l) => compile(meta.subject[l])),
      body: byLocale((l) => compile(readFileSync(join(dir, `${l}.hbs`), 'utf8'))),
    };
  }
}
