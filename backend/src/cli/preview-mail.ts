// npm run preview:mail: renders every email template in every language with its sample data
// into data/previews/mail/, so a template change can be looked at before anything is sent.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MailRenderer, mailLocales } from '../mail/mail-renderer';
import { repoRoot } from '../paths';

const out = join(repoRoot, 'data', 'previews', 'mail');
mkdirSync(out, { recursive: true });
const renderer = new MailRenderer();
for (const name of renderer.names()) {
  for (const locale of mailLocales) {
    const mail = renderer.render(name, locale, renderer.sample(name));
    writeFileSync(join(out, `${name}.${locale}.html`), mail.html);
    writeFileSync(join(out, `${name}.${locale}.txt`), `Subject: ${mail.subject}\n\n${mail.text}\n`);
  }
}
process.stdout.write(`Wrote ${renderer.names().length * mailLocales.length} previews to ${out}\n`);
