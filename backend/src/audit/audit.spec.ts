import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auditActions } from '@diaspora-forum/lists';
import type { Agent } from 'supertest';
import { AuditTrail } from '../logging/audit/audit-trail';
import { createTestApp, type TestApp } from '../test/test-app';
import { doEveryStaffAction, supertestApi, wiredActions } from '../test/audit-helpers';

describe('AuditLogService', () => {
  let t: TestApp;
  let organiser: Agent & { userId: string };
  let done: { forumId: string; staffId: string; memberId: string };

  beforeAll(async () => {
    t = await createTestApp();
    organiser = await t.signedIn('organiser');
    done = await doEveryStaffAction(supertestApi(organiser, t.anon()), 'a1');
  });
  afterAll(() => t.close());

  const list = (query: Record<string, unknown> = {}) => organiser.get('/api/v1/audit').query(query);

  it('records every wired staff action, by the organiser named, with ids and counts only', async () => {
    const res = await list({ actorId: organiser.userId, pageSize: 200 }).expect(200);
    const actions = new Set(res.body.items.map((e: { action: string }) => e.action));
    for (const action of wiredActions) expect([action, actions.has(action)]).toEqual([action, true]);
    for (const entry of res.body.items) {
      expect(entry).toMatchObject({ actorId: organiser.userId, actorName: 'Test organiser', actorRole: 'organiser' });
      // No name, email or phone of the people acted on.
      expect(entry.summary).not.toMatch(/Palesa|Mokoena|Lerato|Zoë|Ntšekhe|Door Person|@example\.org|\+27/);
    }
    const byAction = (action: string) => res.body.items.filter((e: { action: string }) => e.action === action);
    expect(byAction('staff.updated')[0]).toMatchObject({
      targetType: 'user',
      targetId: done.staffId,
      summary: expect.stringContaining('role'),
    });
    expect(byAction('staff.disabled')[0].summary).toContain('disabled');
    expect(byAction('import.committed')[0].summary).toBe('imported=1');
    expect(byAction('import.rolled_back')[0].summary).toBe('removed=1');
    expect(byAction('member.merged')[0]).toMatchObject({ targetType: 'member', targetId: done.memberId });
    expect(byAction('member.consent_recorded').map((e: { summary: string }) => e.summary)).toEqual([
      'invitations yes; updates yes; method phone_call',
      'invitations yes; updates no; method paper_form',
    ]);
    const exports = byAction('data.exported').map((e: { summary: string }) => e.summary);
    expect(exports).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^members CSV \(segment .+\); 1 rows/),
        'members CSV (filter); 1 rows; filter fields: countries',
        'attendance CSV; 0 rows',
      ]),
    );
    expect(byAction('campaign.sent')[0].summary).toMatch(/1 invited; 0 skipped$/);
    expect(byAction('campaign.scheduled')[0].summary).toMatch(/0 invited; 1 skipped; for 20/);
    expect(byAction('campaign.cancelled')[0].summary).toMatch(/0 invitations withdrawn; 0 emails cancelled$/);
    expect(byAction('badge.reissued')[0].summary).toContain('was version 1');
    expect(byAction('badge.revoked')[0].summary).toContain('version 2');
    expect(byAction('settings.changed').map((e: { summary: string }) => e.summary)).toEqual(
      expect.arrayContaining(['register target total set to 5000', 'forum settings: capacity, retentionMonths']),
    );
  });

  it('filters by action, area, target and time, newest first, a page at a time', async () => {
    const staff = await list({ area: 'staff' }).expect(200);
    // The fixture's own organiser was created too (by the system), so staff.created appears twice.
    expect(staff.body.items.map((e: { action: string }) => e.action)).toEqual([
      'staff.disabled',
      'staff.updated',
      'staff.created',
      'staff.created',
    ]);
    expect(staff.body.items.at(-1)).toMatchObject({ actorRole: 'system', actorId: null, actorName: null });
    const two = await list({ action: ['badge.revoked', 'badge.reissued'] }).expect(200);
    expect(two.body.items.map((e: { action: string }) => e.action)).toEqual(['badge.revoked', 'badge.reissued']);
    const csvList = await list({ action: 'badge.revoked,badge.reissued', area: 'badge' }).expect(200);
    expect(csvList.body.total).toBe(2);
    expect((await list({ targetType: 'forum', targetId: done.forumId }).expect(200)).body.total).toBe(2);

    const paged = await list({ pageSize: 3, page: 2 }).expect(200);
    expect(paged.body).toMatchObject({ page: 2, pageSize: 3 });
    expect(paged.body.items).toHaveLength(3);

    const audit = t.app.get(AuditTrail);
    t.setNow(new Date('2030-01-15T23:59:59Z'));
    await audit.record({ action: 'retention.run', actor: 'system', summary: '0 forums' });
    t.setNow(new Date('2030-01-16T00:00:00Z'));
    await audit.record({ action: 'retention.run', actor: 'system', summary: '1 forum' });
    t.setNow(undefined);
    const day = await list({ from: '2030-01-15', to: '2030-01-15' }).expect(200);
    expect(day.body.items.map((e: { summary: string }) => e.summary)).toEqual(['0 forums']);
    const after = await list({ from: '2030-01-16T00:00:00Z' }).expect(200);
    expect(after.body.items.map((e: { summary: string }) => e.summary)).toEqual(['1 forum']);
  });

  it('exports the filtered log as spreadsheet-safe CSV and as JSON, and records each export', async () => {
    const audit = t.app.get(AuditTrail);
    await audit.record({
      action: 'door.override',
      actor: 'system',
      target: { type: 'device', id: '=HYPERLINK("x")' },
      summary: '+1 admitted',
    });
    const csv = await organiser.get('/api/v1/audit/export').query({ area: 'door' }).buffer(true).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"Time (UTC)","Action","Actor","Actor ID","Role","Target type","Target ID","Summary"');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"door.override","system","","system","device","'=HYPERLINK(""x"")","'+1 admitted"`);

    const json = await organiser.get('/api/v1/audit/export').query({ format: 'json', area: 'badge' }).buffer(true).expect(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const rows = JSON.parse(json.text);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['badge.revoked', 'badge.reissued']);
    expect(rows[0]).toMatchObject({ actorName: 'Test organiser', actorRole: 'organiser', targetType: 'attendee' });

    const exports = await list({ targetType: 'audit_log' }).expect(200);
    expect(exports.body.items.map((e: { summary: string }) => e.summary)).toEqual([
      'audit log JSON; 2 rows',
      'audit log CSV; 1 rows',
    ]);
  });

  it('answers bad filters with 400 and field messages, and other roles with 403', async () => {
    const bad = await list({ action: 'staff.fired', area: 'nowhere', actorId: 'me', from: '15/01/2030', pageSize: 1000 }).expect(
      400,
    );
    expect(Object.keys(bad.body.fields).sort()).toEqual(['action', 'actorId', 'area', 'from', 'pageSize']);
    expect((await list({ from: '2030-02-01', to: '2030-01-01' }).expect(400)).body.fields).toEqual({
      to: ['must be after the start'],
    });
    expect((await list({ action: 'staff.created', area: 'badge' }).expect(400)).body.fields.action).toBeDefined();
    await organiser.get('/api/v1/audit/export').query({ format: 'xml' }).expect(400);
    const registrar = await t.signedIn('registrar');
    await registrar.get('/api/v1/audit').expect(403);
    await registrar.get('/api/v1/audit/export').expect(403);
    await t.anon().get('/api/v1/audit').expect(401);
  });

  it('knows every action the log can hold', () => {
    // The page labels and the API enum come from this one list; a new action shows up in both.
    expect(new Set(auditActions).size).toBe(auditActions.length);
  });
});
