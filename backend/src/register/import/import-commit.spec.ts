import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Agent } from 'supertest';
import { In } from 'typeorm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { MemberEvent } from '../member-event.entity';
import { MemberSector } from '../member-sector.entity';
import { Member } from '../member.entity';
import { MemberRepository, type NewMember } from '../member.repository';
import { ImportBatch } from './import-batch.entity';
import { ImportedMembersRepository } from './imported-members.repository';
import { ImportService } from './import.service';

describe(`${ImportService.name}: duplicates, rollback, scope and failures`, () => {
  let t: TestApp;
  let organiser: Agent;
  let registrar: Agent & { userId: string };
  let existing: Member[];
  beforeAll(async () => {
    t = await createTestApp();
    organiser = await t.signedIn('organiser');
    registrar = await t.signedIn('registrar', { countries: ['ZA'] });
    const member = (over: Partial<NewMember>): NewMember => ({
      firstName: 'Nthabiseng',
      lastName: 'Makoa',
      email: null,
      phone: null,
      whatsapp: null,
      countryCode: 'ZA',
      region: 'Gauteng',
      city: null,
      occupation: null,
      sectors: ['health'],
      preferredChannel: 'email',
      preferredLanguage: 'en',
      consentAt: null,
      consentMethod: null,
      consentInvitations: false,
      consentUpdates: false,
      source: 'registrar',
      sourceBatchId: null,
      status: 'active',
      createdById: null,
      ...over,
    });
    existing = await t.app
      .get(MemberRepository)
      .insert([
        member({ email: 'nthabiseng.makoa@example.org', phone: '+27825550111' }),
        member({ firstName: 'Khotso', lastName: 'Majoro', countryCode: 'GB', region: null, email: 'khotso@example.org' }),
      ]);
  });
  afterAll(() => t.close());

  const rows = (lines: string[]) => ['Name;Surname;Email;Cell;WhatsApp;Country;Province', ...lines].join('\n');
  async function uploadAndPreview(csv: string, agent: Agent = organiser, extra: object = {}) {
    const up = await agent.post('/api/v1/imports').attach('file', Buffer.from(csv), 'members.csv').expect(201);
    const id: string = up.body.batch.id;
    const preview = await agent
      .post(`/api/v1/imports/${id}/preview`)
      .send({ mapping: up.body.batch.mapping, ...extra })
      .expect(200);
    return { id, upload: up.body, preview: preview.body };
  }
  const membersOf = (id: string) =>
    t.dataSource.getRepository(Member).find({ where: { sourceBatchId: id }, order: { lastName: 'ASC' } });

  it('finds duplicates within the file and against the register, and skips them at commit', async () => {
    const { id, preview } = await uploadAndPreview(
      rows([
        'Nthabiseng;Makoa; NTHABISENG.Makoa@example.org ;;;ZA;Gauteng',
        'Limpho;Khasu;limpho@example.org;082 555 0112;;ZA;Gauteng',
        'Limpho;Khasu;limpho.k@example.org;+27 82 555 0112;;ZA;Gauteng',
        'Thato;Shale;;;0825550111;ZA;Gauteng',
        'Paballo;Nkuebe;paballo@example.org;;0825550112;ZA;Gauteng',
        'Rethabile;Phafane;rethabile@example.org;;;ZA;Gauteng',
      ]),
    );
    expect(preview.batch).toMatchObject({ rowCount: 6, validCount: 2, duplicateCount: 4, errorCount: 0 });
    expect(preview.problems.map((p: { row: number; duplicateOf: object }) => [p.row, p.duplicateOf])).toEqual([
      [2, { field: 'email', contact: 'nthabiseng.makoa@example.org', row: null, inRegister: true, memberId: existing[0].id }],
      [4, { field: 'phone', contact: '+27825550112', row: 3, inRegister: false, memberId: null }],
      [5, { field: 'phone', contact: '+27825550111', row: null, inRegister: true, memberId: existing[0].id }],
      [6, { field: 'phone', contact: '+27825550112', row: 3, inRegister: false, memberId: null }],
    ]);
    expect(preview.problems[0].errors).toEqual({});
    const committed = await organiser.post(`/api/v1/imports/${id}/commit`).send({}).expect(200);
    expect(committed.body).toMatchObject({ importedCount: 2, duplicateCount: 4 });
    expect((await membersOf(id)).map((m) => m.email)).toEqual(['limpho@example.org', 'rethabile@example.org']);
    // Committing again, or importing the same file again, adds nobody.
    await organiser.post(`/api/v1/imports/${id}/commit`).send({}).expect(409);
    const again = await uploadAndPreview(rows(['Rethabile;Phafane;rethabile@example.org;;;ZA;Gauteng']));
    expect(again.preview.batch).toMatchObject({ validCount: 0, duplicateCount: 1 });
  });

  it('rolls a committed batch back in one go, once, leaving everyone else', async () => {
    const { id } = await uploadAndPreview(
      rows(['Tumelo;Ramakoae;tumelo@example.org;;;ZA;Gauteng', 'Lerato;Mohapi;lerato@example.org;;;ZA;North West']),
    );
    await organiser.post(`/api/v1/imports/${id}/rollback`).expect(409);
    await organiser.post(`/api/v1/imports/${id}/commit`).send({ consentUpdates: true }).expect(200);
    const imported = await membersOf(id);
    expect(imported).toHaveLength(2);
    expect(imported.map((m) => [m.consentUpdates, m.consentInvitations, m.consentMethod])).toEqual([
      [true, false, 'import'],
      [true, false, 'import'],
    ]);
    // Later history of an imported member goes with it.
    await t.app.get(MemberRepository).addEvents([{ memberId: imported[0].id, kind: 'updated', actor: 'system', at: new Date() }]);
    const before = await t.dataSource.getRepository(Member).count();

    const rolled = await organiser.post(`/api/v1/imports/${id}/rollback`).expect(200);
    expect(rolled.body).toMatchObject({ status: 'rolled_back', importedCount: 2 });
    expect(rolled.body.rolledBackAt).toEqual(expect.any(String));
    expect(await membersOf(id)).toEqual([]);
    const ids = imported.map((m) => m.id);
    expect(await t.dataSource.getRepository(MemberSector).countBy({ memberId: In(ids) })).toBe(0);
    expect(await t.dataSource.getRepository(MemberEvent).countBy({ memberId: In(ids) })).toBe(0);
    expect(await t.dataSource.getRepository(Member).count()).toBe(before - 2);
    expect(await t.dataSource.getRepository(Member).countBy({ id: In(existing.map((m) => m.id)) })).toBe(2);

    const second = await organiser.post(`/api/v1/imports/${id}/rollback`).expect(409);
    expect(second.body.message).toBe('This import was already rolled back');
    await organiser.post(`/api/v1/imports/${id}/preview`).send({ mapping: {} }).expect(409);
    await organiser.post(`/api/v1/imports/${id}/commit`).send({}).expect(409);
    // The same people can be imported again afterwards.
    const again = await uploadAndPreview(rows(['Tumelo;Ramakoae;tumelo@example.org;;;ZA;Gauteng']));
    expect(again.preview.batch.validCount).toBe(1);
  });

  it('refuses to commit before a preview', async () => {
    const up = await organiser
      .post('/api/v1/imports')
      .attach('file', Buffer.from(rows(['Mosa;Lekhanya;mosa@example.org;;;ZA;Gauteng'])), 'm.csv')
      .expect(201);
    const res = await organiser.post(`/api/v1/imports/${up.body.batch.id}/commit`).send({}).expect(409);
    expect(res.body.message).toBe('Preview the import before committing it');
  });

  it('keeps a registrar to their countries and their own batches, and hides members they may not see', async () => {
    const { id, upload, preview } = await uploadAndPreview(
      rows([
        'Keketso;Motanyane;keketso@example.org;;;;Free State',
        'Lisemelo;Mphutlane;lisemelo@example.org;;;United Kingdom;',
        'Khotso;Majoro;khotso@example.org;;;ZA;Gauteng',
      ]),
      registrar,
    );
    expect(upload.batch.defaultCountry).toBe('ZA');
    expect(preview.batch).toMatchObject({ validCount: 1, errorCount: 1, duplicateCount: 1 });
    expect(preview.problems).toEqual([
      { row: 3, name: 'Lisemelo Mphutlane', errors: { countryCode: ['outside your countries'] }, duplicateOf: null },
      {
        row: 4,
        name: 'Khotso Majoro',
        errors: {},
        duplicateOf: { field: 'email', contact: 'khotso@example.org', row: null, inRegister: true, memberId: null },
      },
    ]);
    const outside = await registrar
      .post(`/api/v1/imports/${id}/preview`)
      .send({ mapping: upload.batch.mapping, defaultCountry: 'GB' })
      .expect(400);
    expect(outside.body.fields).toEqual({ defaultCountry: ['outside your countries'] });
    await registrar.post(`/api/v1/imports/${id}/commit`).send({}).expect(200);
    expect((await membersOf(id)).map((m) => [m.lastName, m.countryCode, m.createdById])).toEqual([
      ['Motanyane', 'ZA', registrar.userId],
    ]);

    const mine = await registrar.get('/api/v1/imports').expect(200);
    expect(mine.body.map((b: { id: string }) => b.id)).toEqual([id]);
    const all = await organiser.get('/api/v1/imports').expect(200);
    expect(all.body.length).toBeGreaterThan(1);
    const organisers = all.body.find((b: { createdById: string }) => b.createdById !== registrar.userId);
    await registrar.get(`/api/v1/imports/${organisers.id}`).expect(404);
    await registrar.post(`/api/v1/imports/${organisers.id}/rollback`).expect(404);
    await organiser.get(`/api/v1/imports/${id}`).expect(200);
    await registrar.post(`/api/v1/imports/${id}/rollback`).expect(200);
  });

  it('leaves nothing behind when a commit fails half way, and says so on the batch', async () => {
    const service = t.app.get(ImportService);
    const lines = Array.from({ length: 7 }, (_, i) => `Relebohile;Seeiso;relebohile${i}@example.org;;;ZA;Gauteng`);
    const { id } = await uploadAndPreview(rows(lines));
    const insert = ImportedMembersRepository.prototype.insert;
    let calls = 0;
    const spy = jest.spyOn(ImportedMembersRepository.prototype, 'insert').mockImplementation(function (
      this: ImportedMembersRepository,
      members,
    ) {
      if (++calls === 3) return Promise.reject(new Error('Deadlock found when trying to get lock'));
      return insert.call(this, members);
    });
    service.rowsPerChunk = 2;
    try {
      const res = await organiser.post(`/api/v1/imports/${id}/commit`).send({ consentInvitations: true }).expect(500);
      expect(res.body.message).toBe('Something went wrong on our side');
    } finally {
      spy.mockRestore();
      service.rowsPerChunk = 1000;
    }
    expect(calls).toBe(3);
    expect(await membersOf(id)).toEqual([]);
    expect(
      await t.dataSource.getRepository(Member).countBy({ email: In(lines.map((_, i) => `relebohile${i}@example.org`)) }),
    ).toBe(0);
    const batch = await t.dataSource.getRepository(ImportBatch).findOneByOrFail({ id });
    expect(batch).toMatchObject({ status: 'failed', importedCount: 0, committedAt: null });
    expect(batch.failureReason).toBe(
      'The import stopped after row 5 because of an error on the server; nothing was imported. Upload the file again to retry.',
    );
    const [kept] = await t.dataSource.query('SELECT COUNT(*) AS n FROM import_file_chunks WHERE batchId = ?', [id]);
    expect(Number(kept.n)).toBe(0);
    await organiser.post(`/api/v1/imports/${id}/commit`).send({}).expect(409);
    await organiser.post(`/api/v1/imports/${id}/rollback`).expect(409);
  });
});
