import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import type { Agent, Response } from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { Member } from '../../register/member.entity';
import { MemberRepository, type NewMember } from '../../register/member.repository';
import { Segment } from '../../register/segments/segment.entity';
import { CallSheetService } from './call-sheet.service';

const run = promisify(execFile);

/** Collects a binary response body (supertest parses only text by default). */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe(CallSheetService.name, () => {
  let t: TestApp;
  let organiser: Agent & { userId: string };
  let dir: string;
  let lineo: Member;

  const member = (over: Partial<NewMember>): NewMember => ({
    firstName: 'Thabo',
    lastName: 'Mokoena',
    email: null,
    phone: null,
    whatsapp: null,
    countryCode: 'ZA',
    region: 'Gauteng',
    city: 'Johannesburg',
    occupation: null,
    sectors: [],
    preferredChannel: 'phone',
    preferredLanguage: 'en',
    consentAt: null,
    consentMethod: null,
    consentInvitations: false,
    consentUpdates: false,
    source: 'seed',
    sourceBatchId: null,
    status: 'active',
    createdById: null,
    ...over,
  });

  /** Parses a PDF back to text with poppler's pdftotext, as a person copying from it would see it. */
  async function pdfText(pdf: Buffer, name: string): Promise<string> {
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    return (await run('pdftotext', ['-layout', file, '-'])).stdout;
  }

  beforeAll(async () => {
    t = await createTestApp();
    organiser = await t.signedIn('organiser');
    dir = mkdtempSync(join(tmpdir(), 'df-call-sheet-'));
    const repo = t.app.get(MemberRepository);
    [lineo] = await repo.insert([
      member({
        firstName: 'Lineo',
        lastName: 'Ntšekhe',
        phone: '+27821234567',
        preferredLanguage: 'st',
        consentAt: new Date(),
        consentMethod: 'phone_call',
        consentInvitations: true,
      }),
      member({ firstName: 'Zoë', lastName: 'Letsie', whatsapp: '+26658123456', region: 'Free State', city: 'Bloemfontein' }),
      member({ firstName: '=HYPERLINK("http://evil.example")', lastName: '@SUM(A1)', phone: '+27821234569', city: '-2+3' }),
      member({ firstName: 'Has', lastName: 'Email', email: 'has.email@example.org', phone: '+27821234570' }),
      member({
        firstName: 'Sello',
        lastName: 'Mofokeng',
        countryCode: 'GB',
        region: 'London',
        city: 'London',
        phone: '+447700900123',
      }),
      member({ firstName: 'Merged', lastName: 'Away', phone: '+27821234571', status: 'merged' }),
    ]);
    await organiser
      .post(`/api/v1/members/${lineo.id}/outreach`)
      .send({ channel: 'phone', outcome: 'no_answer', contactedAt: '2026-02-01T08:00:00.000Z' })
      .expect(201);
    await organiser
      .post(`/api/v1/members/${lineo.id}/outreach`)
      .send({ channel: 'whatsapp', outcome: 'call_back', contactedAt: '2026-02-03T08:00:00.000Z' })
      .expect(201);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('lists members without email, with phone, as a UTF-8 CSV with formulas neutralised', async () => {
    const res = await organiser.get('/api/v1/outreach/call-sheet/csv?countries=ZA').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="call-sheet-south-africa-\d{4}-\d{2}-\d{2}\.csv"$/);
    const body = (res.body as Buffer).toString('utf8');
    expect(body.startsWith('\uFEFF')).toBe(true);
    const rows: Record<string, string>[] = parse(body.slice(1), { columns: true });
    expect(rows.map((r) => r['First name']).sort()).toEqual(['\'=HYPERLINK("http://evil.example")', 'Lineo', 'Zoë']);
    const l = rows.find((r) => r['First name'] === 'Lineo')!;
    expect(l).toMatchObject({
      Surname: 'Ntšekhe',
      Phone: "'+27821234567",
      'WhatsApp link': 'https://wa.me/27821234567',
      Country: 'ZA',
      Region: 'Gauteng',
      City: 'Johannesburg',
      'Preferred language': 'Sesotho',
      Consent: 'Invitations',
      'Last outreach': 'Call back',
      'Last outreach at (UTC)': '2026-02-03T08:00:00.000Z',
    });
    const evil = rows.find((r) => r.Surname.includes('SUM'))!;
    expect(evil).toMatchObject({ Surname: "'@SUM(A1)", City: "'-2+3" });
    const zoe = rows.find((r) => r['First name'] === 'Zoë')!;
    expect(zoe).toMatchObject({
      Phone: '',
      WhatsApp: "'+26658123456",
      'WhatsApp link': 'https://wa.me/26658123456',
      'Last outreach': '',
    });
    // No cell a spreadsheet would run as a formula.
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('renders the same members as a printable PDF with the font embedded and WhatsApp links', async () => {
    const res = await organiser
      .get('/api/v1/outreach/call-sheet/pdf?countries=ZA&regions=Gauteng&regions=Free%20State')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf, 'za');
    expect(text).toContain('Call sheet: South Africa: Gauteng, Free State');
    expect(text).toContain('3 members without email');
    expect(text).toContain('Lineo Ntšekhe');
    expect(text).toContain('Zoë Letsie');
    expect(text).toContain('+27 82 123 4567');
    expect(text).toContain('+266 5812 3456');
    expect(text).toContain('Call back, 2026-02-03');
    expect(text).toContain('Page 1');
    expect(text).not.toContain('Has Email');
    expect(text).not.toContain('Sello');
    expect(text).not.toContain('Merged Away');
    expect(pdf.toString('latin1')).toContain('(https://wa.me/27821234567)');
    const fonts = (await run('pdffonts', [join(dir, 'za.pdf')])).stdout;
    expect(fonts).toContain('DejaVuSans');
  });

  it('uses a saved segment, numbers the pages of a long sheet, and keeps registrars to their countries', async () => {
    await t.app.get(MemberRepository).insert(
      Array.from({ length: 90 }, (_, i) =>
        member({
          firstName: `Caller${i}`,
          lastName: 'Mothibeli',
          countryCode: 'GB',
          region: 'London',
          phone: `+4477009${String(i).padStart(5, '0')}`,
        }),
      ),
    );
    const segment = await t.dataSource.getRepository(Segment).save(
      Object.assign(new Segment(), {
        name: 'UK without email',
        filter: { countries: ['GB'], hasEmail: true },
        createdById: organiser.userId,
      }),
    );

    const res = await organiser
      .get(`/api/v1/outreach/call-sheet/pdf?segmentId=${segment.id}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = await pdfText(res.body as Buffer, 'gb');
    expect(text).toContain('Call sheet: UK without email');
    expect(text).toContain('91 members without email');
    expect(text).toContain('Page 2');
    expect(text).toContain('Caller89 Mothibeli');
    expect(text).toContain('Sello Mofokeng');

    const csv = await organiser
      .post('/api/v1/outreach/call-sheet/csv')
      .send({ segmentId: segment.id })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(parse((csv.body as Buffer).toString('utf8').slice(1), { columns: true })).toHaveLength(91);

    const za = await t.signedIn('registrar', { countries: ['ZA'] });
    const scoped = await za.get(`/api/v1/outreach/call-sheet/csv?segmentId=${segment.id}`).buffer(true).parse(binary).expect(200);
    expect(parse((scoped.body as Buffer).toString('utf8').slice(1), { columns: true })).toHaveLength(0);
    const own = await za.post('/api/v1/outreach/call-sheet/csv').send({ filter: {} }).buffer(true).parse(binary).expect(200);
    const names: Record<string, string>[] = parse((own.body as Buffer).toString('utf8').slice(1), { columns: true });
    expect(names.map((r) => r.Country)).toEqual(['ZA', 'ZA', 'ZA']);
    const empty = await za.get(`/api/v1/outreach/call-sheet/pdf?countries=GB`).buffer(true).parse(binary).expect(200);
    expect(await pdfText(empty.body as Buffer, 'empty')).toContain('Nobody to call');
  });

  it('refuses bad requests before sending anything', async () => {
    await organiser.get('/api/v1/outreach/call-sheet/csv?segmentId=00000000-0000-4000-8000-000000000000').expect(404);
    const both = await organiser
      .get('/api/v1/outreach/call-sheet/csv?segmentId=00000000-0000-4000-8000-000000000000&countries=ZA')
      .expect(400);
    expect(both.body.fields.segmentId).toBeDefined();
    const bad = await organiser.get('/api/v1/outreach/call-sheet/pdf?countries=Lesotho&hasPhone=maybe').expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['countries', 'hasPhone']);
    await organiser.get('/api/v1/outreach/call-sheet/csv?colour=blue').expect(400);
    await organiser.post('/api/v1/outreach/call-sheet/pdf').send({ filter: 'ZA' }).expect(400);
    await (await t.signedIn('door')).get('/api/v1/outreach/call-sheet/csv').expect(403);
    await t.anon().get('/api/v1/outreach/call-sheet/pdf').expect(401);
  });
});
