import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Transactions } from '../../database/transactions';
import { createTestApp, type TestApp } from '../../test/test-app';
import { AuditEntry } from './audit-entry.entity';
import { AuditTrail } from './audit-trail';

describe('AuditTrail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('appends an entry with the actor, the target and the clock time', async () => {
    t.setNow(new Date('2027-05-01T08:00:00Z'));
    await t.app.get(AuditTrail).record({
      action: 'staff.created',
      actor: { id: '00000000-0000-4000-8000-000000000001', role: 'organiser' },
      target: { type: 'user', id: '00000000-0000-4000-8000-000000000002' },
      summary: 'role door',
    });
    t.setNow(undefined);
    const rows = await t.dataSource.getRepository(AuditEntry).find({ where: { action: 'staff.created' } });
    expect(rows).toEqual([
      expect.objectContaining({
        actorId: '00000000-0000-4000-8000-000000000001',
        actorRole: 'organiser',
        targetType: 'user',
        targetId: '00000000-0000-4000-8000-000000000002',
        summary: 'role door',
        at: new Date('2027-05-01T08:00:00Z'),
      }),
    ]);
  });

  it('rolls back with the action it records', async () => {
    const attempt = t.app.get(Transactions).run(async (tx) => {
      await t.app.get(AuditTrail).record({ action: 'retention.run', actor: 'system' }, tx);
      throw new Error('the action failed');
    });
    await expect(attempt).rejects.toThrow('the action failed');
    expect(await t.dataSource.getRepository(AuditEntry).count({ where: { action: 'retention.run' } })).toBe(0);
  });
});
