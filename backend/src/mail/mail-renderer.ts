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

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string | Buffer;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachment[];
}

/** Message data under this key is attached as an iCalendar file (e.g. the forum, for the invitee's calendar). */
export const CALENDAR_KEY = 'calendarIcs';

interface Compiled {
  subject: HandlebarsTemplateDelegate;
  html: HandlebarsTemplateDelegate;
  text: HandlebarsTemplateDelegate;
}

interface TemplateSet {
  consent: ConsentNeeded;
  sample: Record<string, unknown>;
  locales: Record<MailLocale, Compiled>;
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
  private readonly layout = readFileSync(join(emailDir, 'layout.hbs'), 'utf8');
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
    const lang: MailLocale = (mailLocales as readonly string[]).includes(locale) ? (locale as MailLocale) : 'en';
    const compiled = this.get(name).locales[lang];
    const subject = compiled.subject(data).trim();
    const context = { ...data, ...this.chrome[lang], locale: lang, subject };
    const calendar = data[CALENDAR_KEY];
    const attachments =
      typeof calendar === 'string'
        ? [{ filename: 'forum.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: calendar }]
        : undefined;
    return { subject, html: compiled.html(context), text: compiled.text(context), attachments };
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
    const compileLocale = (locale: MailLocale): Compiled => {
      // CSS inlining and the plain-text conversion run once here, on the template itself, not on
      // every message: a campaign of 10,000 invitations then costs 10,000 cheap handlebars calls.
      const source = this.layout.replace('{{{body}}}', readFileSync(join(dir, `${locale}.hbs`), 'utf8'));
      const inlined = juice(source);
      const text = convert(inlined, {
        wordwrap: 78,
        selectors: [
          { selector: 'title', format: 'skip' },
          { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
        ],
      });
      return {
        subject: this.hbs.compile(meta.subject[locale]),
        html: this.hbs.compile(inlined),
        // The text part is not HTML: values go in as they are.
        text: this.hbs.compile(text, { noEscape: true }),
      };
    };
    return {
      consent: meta.consent,
      sample: meta.sample ?? {},
      locales: Object.fromEntries(mailLocales.map((l) => [l, compileLocale(l)])) as Record<MailLocale, Compiled>,
    };
  }
}
