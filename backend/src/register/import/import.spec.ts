import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from 'supertest';
import { In } from 'typeorm';
import request from 'supertest';
import { createTestApp, secondApp, TEST_PASSWORD, type TestApp } from '../../test/test-app';
import { Member } from '../member.entity';
import { ImportBatch } from './import-batch.entity';
import { ImportService } from './import.service';

describe(ImportService.name, () => {
  let t: TestApp;
  let organiser: Agent & { userId: string };
  beforeAll(async () => {
    t = await createTestApp();
    organiser = await t.signedIn('organiser');
  });
  afterAll(() => t.close());

  const upload = (content: string | Buffer, name = 'members.csv', agent = organiser) =>
    agent.post('/api/v1/imports').attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  const membersOf = (batchId: string) =>
    t.dataSource
      .getRepository(Member)
      .find({ where: { sourceBatchId: batchId }, relations: { sectors: true }, order: { lastName: 'ASC' } });
  const importsDir = () => join(t.db.dataDir, 'imports');
  /** The batches whose upload is kept (in the database, so every app process can read it). */
  const keptUploads = async () =>
    ((await t.dataSource.query('SELECT DISTINCT batchId FROM import_file_chunks')) as { batchId: string }[]).map(
      (r) => r.batchId,
    );
  /** What the uploads left on this process's disk: nothing once a request is done. */
  const filesOnDisk = () => readdirSync(importsDir(), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

  /** Upload → preview with the guessed mapping (plus changes) → the preview body. */
  async function uploadAndPreview(content: string | Buffer, name?: string, change: Record<string, unknown> = {}) {
    const up = await upload(content, name).expect(201);
    const { mapping: changes, ...rest } = change as { mapping?: object };
    const preview = await organiser
      .post(`/api/v1/imports/${up.body.batch.id}/preview`)
      .send({ mapping: { ...up.body.batch.mapping, ...changes }, ...rest })
      .expect(200);
    return { id: up.body.batch.id as string, upload: up.body, preview: preview.body };
  }

  it('imports a comma CSV: stores the upload, guesses the mapping, previews, then commits members from the batch', async () => {
    const csv =
      'First name,Surname,E-mail,Cell,Country,Province,City,Sectors\n' +
      'Thabo,Mokoena,Thabo.Mokoena@Example.org,082 123 4567,South Africa,gp,Johannesburg,education;health\n' +
      'Palesa,Letsie,palesa.letsie@example.org,+44 7400 123456,United Kingdom,,London,trade\n';
    const up = await upload(csv, 'Members – Gauteng.csv').expect(201);
    expect(up.body.batch).toMatchObject({ fileName: 'Members – Gauteng.csv', format: 'csv', status: 'uploaded' });
    expect(up.body.columns).toEqual(['First name', 'Surname', 'E-mail', 'Cell', 'Country', 'Province', 'City', 'Sectors']);
    expect(up.body.sampleRows[1][0]).toBe('Palesa');
    expect(up.body.batch.mapping).toEqual({
      firstName: 'First name',
      lastName: 'Surname',
      email: 'E-mail',
      phone: 'Cell',
      countryCode: 'Country',
      region: 'Province',
      city: 'City',
      sectors: 'Sectors',
    });
    const id = up.body.batch.id;
    expect(await keptUploads()).toContain(id);
    expect(filesOnDisk()).toEqual([]);

    const preview = await organiser.post(`/api/v1/imports/${id}/preview`).send({ mapping: up.body.batch.mapping }).expect(200);
    expect(preview.body.batch).toMatchObject({
      status: 'previewed',
      rowCount: 2,
      validCount: 2,
      errorCount: 0,
      duplicateCount: 0,
    });
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.samples[0]).toMatchObject({
      row: 2,
      email: 'thabo.mokoena@example.org',
      phone: '+27821234567',
      countryCode: 'ZA',
      region: 'Gauteng',
      sectors: ['education', 'health'],
      consentInvitations: null,
    });
    expect(await membersOf(id)).toEqual([]);

    const committed = await organiser.post(`/api/v1/imports/${id}/commit`).send({ consentInvitations: true }).expect(200);
    expect(committed.body).toMatchObject({ status: 'committed', importedCount: 2, validCount: 2 });
    expect(committed.body.committedAt).toEqual(expect.any(String));
    const members = await membersOf(id);
    expect(members.map((m) => [m.firstName, m.phone, m.countryCode, m.region])).toEqual([
      ['Palesa', '+447400123456', 'GB', null],
      ['Thabo', '+27821234567', 'ZA', 'Gauteng'],
    ]);
    expect(members[0]).toMatchObject({
      source: 'import',
      consentMethod: 'import',
      consentInvitations: true,
      consentUpdates: false,
      createdById: organiser.userId,
      status: 'active',
    });
    expect(members[0].consentAt).toBeInstanceOf(Date);
    expect(members[1].sectors.map((s) => s.sector).sort()).toEqual(['education', 'health']);
    // Once committed, the personal data in the upload is not kept.
    expect(await keptUploads()).not.toContain(id);
    expect(filesOnDisk()).toEqual([]);
  });

  it('previews and commits on another app process than the one the file was uploaded to', async () => {
    const other = await secondApp(t);
    try {
      await t.signedIn('organiser', { email: 'replica.organiser@example.org' });
      const there = request.agent(other.app.getHttpServer());
      await there
        .post('/api/v1/auth/sign-in')
        .send({ email: 'replica.organiser@example.org', password: TEST_PASSWORD })
        .expect(200);
      const up = await upload('Name;Surname;Email;Country\nLineo;Replica;lineo.replica@example.org;GB\n').expect(201);
      const id = up.body.batch.id as string;
      expect(filesOnDisk()).toEqual([]);
      expect((await there.get(`/api/v1/imports/${id}`).expect(200)).body.columns).toEqual([
        'Name',
        'Surname',
        'Email',
        'Country',
      ]);
      await there.post(`/api/v1/imports/${id}/preview`).send({ mapping: up.body.batch.mapping }).expect(200);
      const committed = await there.post(`/api/v1/imports/${id}/commit`).send({}).expect(200);
      expect(committed.body).toMatchObject({ status: 'committed', importedCount: 1 });
      expect((await membersOf(id)).map((m) => m.email)).toEqual(['lineo.replica@example.org']);
      expect(await keptUploads()).not.toContain(id);
    } finally {
      await other.app.close();
    }
  });

  it('reads a semicolon CSV with a BOM, Sesotho column names and mixed phone formats', async () => {
    const csv =
      '\ufeffLebitso;Fane;Mohala;Naha;Provinse\r\n' +
      'Lineo;Ntšekhe;0027 82 555 0101;ZA;Free State\r\n' +
      'Mpho;Sello;(082) 555-0102;South Africa;KZN\r\n' +
      'Karabo;Tau;27825550103;za;western cape\r\n';
    const { preview, upload: up } = await uploadAndPreview(csv);
    expect(up.columns[0]).toBe('Lebitso');
    expect(preview.batch).toMatchObject({ rowCount: 3, validCount: 3 });
    expect(
      preview.samples.map((s: { lastName: string; phone: string; region: string }) => [s.lastName, s.phone, s.region]),
    ).toEqual([
      ['Ntšekhe', '+27825550101', 'Free State'],
      ['Sello', '+27825550102', 'KwaZulu-Natal'],
      ['Tau', '+27825550103', 'Western Cape'],
    ]);
  });

  it('decodes Windows-1252 files so that names like Ntšekhe and Zoë arrive intact', async () => {
    const bytes = iconv.encode(
      'Name;Surname;Email;Country\r\nZoë;Ntšekhe;zoe.ntsekhe@example.org;United Kingdom\r\nTšepo;Mokhothu;tsepo@example.org;Lesotho\r\n',
      'win1252',
    );
    const { id, preview } = await uploadAndPreview(bytes, 'export.csv');
    expect(preview.samples.map((s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`)).toEqual([
      'Zoë Ntšekhe',
      'Tšepo Mokhothu',
    ]);
    await organiser.post(`/api/v1/imports/${id}/commit`).send({}).expect(200);
    const [member] = await t.dataSource.getRepository(Member).findBy({ email: 'zoe.ntsekhe@example.org' });
    expect(member).toMatchObject({
      firstName: 'Zoë',
      lastName: 'Ntšekhe',
      countryCode: 'GB',
      consentAt: null,
      consentMethod: null,
    });
  });

  it('imports the first worksheet of an XLSX workbook, numbers and all', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow(['First name', 'Surname', 'Mobile', 'Email', 'Country', 'Province', 'Consent']);
    sheet.addRow(['Refiloe', 'Molapo', 27835550104, 'refiloe.molapo@example.org', 'South Africa', 'Gauteng', 'Yes']);
    sheet.addRow(['Bokang', 'Lerotholi', 835550105, null, 'ZA', 'Limpopo', 'no']);
    workbook.addWorksheet('Summary').addRow(['Total', 2, 'rows']);
    const { id, upload: up, preview } = await uploadAndPreview(Buffer.from(await workbook.xlsx.writeBuffer()), 'register.xlsx');
    expect(up.batch.format).toBe('xlsx');
    expect(up.batch.mapping).toMatchObject({ phone: 'Mobile', consentInvitations: 'Consent', consentUpdates: 'Consent' });
    expect(preview.samples.map((s: { phone: string; consentUpdates: boolean }) => [s.phone, s.consentUpdates])).toEqual([
      ['+27835550104', true],
      ['+27835550105', false],
    ]);
    // The consent column wins over the choice made for the whole file.
    await organiser.post(`/api/v1/imports/${id}/commit`).send({ consentInvitations: true, consentUpdates: true }).expect(200);
    const members = await membersOf(id);
    expect(members.map((m) => [m.lastName, m.consentInvitations, m.consentUpdates, !!m.consentAt])).toEqual([
      ['Lerotholi', false, false, false],
      ['Molapo', true, true, true],
    ]);
  });

  it('reports rows with problems by their spreadsheet row number and imports only the good ones', async () => {
    const csv = [
      'Name;Surname;Email;Phone;Country;Province;Sectors;Consent',
      'Thabo;Mokoena;thabo.m@example.org;;ZA;Gauteng;trade;yes',
      'Lineo;;lineo@example.org;;ZA;Gauteng;;yes',
      ';;;;;;;',
      'Mpho;Sello;not-an-email;;ZA;Gauteng;;yes',
      'Karabo;Tau;;12345;ZA;Gauteng;;yes',
      'Neo;Matete;neo@example.org;;ZA;Transvaal;;yes',
      'Puleng;Mofolo;puleng@example.org;;Atlantis;;;yes',
      'Sello;Pitso;sello@example.org;;GB;;farming;maybe',
    ].join('\n');
    const { id, preview } = await uploadAndPreview(csv);
    expect(preview.batch).toMatchObject({ rowCount: 7, validCount: 1, errorCount: 6, duplicateCount: 0 });
    const byRow = Object.fromEntries(preview.problems.map((p: { row: number; errors: object }) => [p.row, p.errors]));
    expect(byRow).toEqual({
      3: { lastName: ['enter a surname'] },
      5: { email: ['not a valid email address'] },
      6: {
        phone: ['not a valid phone number; write it with the country code, e.g. +27 82 123 4567'],
        email: ['give at least an email address or a phone number'],
      },
      7: { region: [expect.stringContaining('not a South African province')] },
      8: { countryCode: ['unknown country "Atlantis"; write its name or a code such as ZA, GB or US'] },
      9: {
        sectors: [expect.stringContaining('unknown sector "farming"')],
        consentInvitations: ['write yes or no'],
        consentUpdates: ['write yes or no'],
      },
    });
    expect(preview.problems[0]).toMatchObject({ row: 3, name: 'Lineo', duplicateOf: null });
    const committed = await organiser.post(`/api/v1/imports/${id}/commit`).send({}).expect(200);
    expect(committed.body).toMatchObject({ importedCount: 1, errorCount: 6 });
    expect((await membersOf(id)).map((m) => m.email)).toEqual(['thabo.m@example.org']);
  });

  it('asks for the columns it needs, and applies a default country to rows without one', async () => {
    const csv = 'Col A;Col B;Col C\nThabo;Mokoena;+27 82 555 0199\n';
    const up = await upload(csv).expect(201);
    expect(up.body.batch.mapping).toEqual({});
    const id = up.body.batch.id;
    const none = await organiser.post(`/api/v1/imports/${id}/preview`).send({ mapping: {} }).expect(400);
    expect(Object.keys(none.body.fields).sort()).toEqual([
      'mapping.countryCode',
      'mapping.email',
      'mapping.firstName',
      'mapping.lastName',
    ]);
    const wrong = await organiser
      .post(`/api/v1/imports/${id}/preview`)
      .send({ mapping: { firstName: 'Col A', lastName: 'Col B', phone: 'Col Z' }, defaultCountry: 'ZA' })
      .expect(400);
    expect(wrong.body.fields).toEqual({ 'mapping.phone': ['this file has no column named "Col Z"'] });
    const bad = await organiser
      .post(`/api/v1/imports/${id}/preview`)
      .send({ mapping: { firstName: 7 }, defaultCountry: 'Lesotho' })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['defaultCountry', 'mapping.firstName']);
    const ok = await organiser
      .post(`/api/v1/imports/${id}/preview`)
      .send({ mapping: { firstName: 'Col A', lastName: 'Col B', phone: 'Col C', region: '' }, defaultCountry: 'GB' })
      .expect(200);
    expect(ok.body.batch).toMatchObject({
      validCount: 1,
      defaultCountry: 'GB',
      mapping: { firstName: 'Col A', lastName: 'Col B', phone: 'Col C' },
    });
    expect(ok.body.samples[0]).toMatchObject({ countryCode: 'GB', phone: '+27825550199' });
    expect((await t.dataSource.getRepository(ImportBatch).findOneByOrFail({ id })).status).toBe('previewed');
  });

  it.each([
    ['an empty file', '', 'empty.csv', 'The file is empty.'],
    ['a header and no rows', 'Name;Surname;Email\n', 'header.csv', 'no rows to import'],
    [
      'binary garbage',
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      'members.csv',
      'not a CSV or XLSX',
    ],
    [
      'a corrupt XLSX',
      Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00not really a workbook'),
      'members.xlsx',
      'damaged',
    ],
    ['data and no header', 'Thabo,Mokoena,thabo@example.org\n', 'members.csv', 'should name the columns'],
    ['no usable columns', 'Remarks\nCall back on Monday\n', 'notes.csv', 'one column'],
  ])('refuses %s with a clear 400 and keeps nothing', async (_, content, name, message) => {
    const before = (await organiser.get('/api/v1/imports').expect(200)).body.length;
    const res = await upload(content, name).expect(400);
    expect(res.body.message).toContain(message);
    expect(res.body.fields.file).toEqual([res.body.message]);
    expect((await organiser.get('/api/v1/imports').expect(200)).body).toHaveLength(before);
    expect(readdirSync(join(importsDir(), 'incoming'))).toEqual([]);
    const open = await t.dataSource.getRepository(ImportBatch).findBy({ status: In(['uploaded', 'previewed']) });
    expect((await keptUploads()).sort()).toEqual(open.map((b) => b.id).sort());
    expect(filesOnDisk()).toEqual([]);
  });

  it('refuses a request without a file, and one that is too large', async () => {
    const res = await organiser.post('/api/v1/imports').field('note', 'no file').expect(400);
    expect(res.body.fields).toEqual({ file: ['choose a CSV or XLSX file'] });
    const huge = Buffer.alloc(50 * 1024 * 1024 + 1, 'a');
    const tooLarge = await upload(huge, 'huge.csv').expect(413);
    expect(tooLarge.body.message).toMatch(/too large/i);
    expect(readdirSync(join(importsDir(), 'incoming'))).toEqual([]);
  });

  it('marks a batch failed when the file turns out broken further down, and then refuses to go on', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `Thabo;Mokoena;thabo${i}@example.org;GB`);
    const csv = `Name;Surname;Email;Country\n${rows.join('\n')}\nLineo;"Sello;lineo@example.org;GB\n`;
    const up = await upload(csv).expect(201);
    const id = up.body.batch.id;
    const res = await organiser.post(`/api/v1/imports/${id}/preview`).send({ mapping: up.body.batch.mapping }).expect(400);
    expect(res.body.message).toContain('Row 22 opens a quote');
    const batch = await t.dataSource.getRepository(ImportBatch).findOneByOrFail({ id });
    expect(batch).toMatchObject({ status: 'failed', failureReason: res.body.message });
    expect(await keptUploads()).not.toContain(id);
    expect(filesOnDisk()).toEqual([]);
    await organiser.post(`/api/v1/imports/${id}/commit`).send({}).expect(409);
    expect(await membersOf(id)).toEqual([]);
  });

  it('lists batches newest first and lets an upload that was never committed be discarded', async () => {
    t.setNow(new Date(Date.now() + 60_000));
    const up = await upload('Name;Surname;Email;Country\nThabo;Mokoena;discard.me@example.org;GB\n').expect(201);
    t.setNow(undefined);
    const list = await organiser.get('/api/v1/imports').expect(200);
    expect(list.body[0].id).toBe(up.body.batch.id);
    const times = list.body.map((b: { createdAt: string }) => b.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const detail = await organiser.get(`/api/v1/imports/${up.body.batch.id}`).expect(200);
    expect(detail.body.columns).toEqual(['Name', 'Surname', 'Email', 'Country']);
    await organiser.delete(`/api/v1/imports/${up.body.batch.id}`).expect(204);
    await organiser.get(`/api/v1/imports/${up.body.batch.id}`).expect(404);
    expect(await keptUploads()).not.toContain(up.body.batch.id);
    expect(filesOnDisk()).toEqual([]);
    const committed = list.body.find((b: { status: string }) => b.status === 'committed');
    await organiser.delete(`/api/v1/imports/${committed.id}`).expect(409);
    expect((await organiser.get(`/api/v1/imports/${committed.id}`).expect(200)).body.columns).toEqual([]);
  });

  it('keeps door staff out', async () => {
    const door = await t.signedIn('door');
    await door.get('/api/v1/imports').expect(403);
    await door
      .post('/api/v1/imports')
      .attach('file', Buffer.from('Name;Surname;Email\nA;B;c@example.org\n'), 'm.csv')
      .expect(403);
    await t.anon().get('/api/v1/imports').expect(401);
  });
});
