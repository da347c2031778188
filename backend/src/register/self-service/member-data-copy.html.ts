import Handlebars from 'handlebars';
import { type MemberDataCopy, sectionTitles } from './member-data-copy';

const esc = (value: unknown) => Handlebars.escapeExpression(text(value));

function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(text).join('; ') : '—';
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${label(k)}: ${text(v)}`)
      .join('; ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

const label = (key: string) => key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

function table(rows: Record<string, unknown>[]): string {
  if (!rows.length) return '<p class="none">Nothing held.</p>';
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const head = columns.map((c) => `<th scope="col">${esc(label(c))}</th>`).join('');
  const body = rows.map((r) => `<tr>${columns.map((c) => `<td>${esc(r[c])}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function fields(record: Record<string, unknown>): string {
  return `<dl>${Object.entries(record)
    .map(([k, v]) => `<dt>${esc(label(k))}</dt><dd>${esc(v)}</dd>`)
    .join('')}</dl>`;
}

/** The same copy as the JSON, for a person to read (and print): every section, every row. */
export function dataCopyHtml(copy: MemberDataCopy): string {
  const sections = Object.entries(copy.sections)
    .map(([key, rows]) => `<section><h2>${esc(sectionTitles[key] ?? label(key))}</h2>${table(rows)}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your data in the Diaspora Register</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1a1a1a;line-height:1.4}
h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
.none{color:#555}.meta{color:#555}
</style></head><body>
<h1>Your data in the Diaspora Register</h1>
<p class="meta">Copy made ${esc(copy.exportedAt)} · version ${esc(copy.version)}. The same data is in the JSON file, for programs to read.</p>
<section><h2>${esc(sectionTitles.profile)}</h2>${fields(copy.profile)}</section>
<section><h2>Consent</h2>${fields(copy.consent)}</section>
<section><h2>${esc(sectionTitles.history)}</h2>${table(copy.history)}</section>
${sections}
</body></html>
`;
}
