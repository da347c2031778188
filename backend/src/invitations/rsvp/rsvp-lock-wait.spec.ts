import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import { aMember, addMembers, anOpenForum, inviteMembers } from '../../test/fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { RsvpService } from './rsvp.service';

/**
 * A lock held elsewhere (another process, a long report, an operator's console) must not make an
 * RSVP wait MySQL's 50 s and fail with a 500: after the short lock wait it answers 503 with
 * Retry-After, and nothing of the answer is written.
 */
describe(`${RsvpService.name} under a held lock`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ MAIL_WORKER: 'off' });
  });
  afterAll(() => t.close());

  /** Holds the forum row (MySQL) or the database's write lock (SQLite) from a second connection. */
  async function holdForum(forumId: string): Promise<() => Promise<void>> {
    if (t.db.target.type === 'mysql') {
      const conn = await createConnection({ uri: t.db.target.url.replace(/^mariadb:/, 'mysql:') });
      await conn.query('START TRANSACTION');
      await conn.query('SELECT id FROM forums WHERE id = ? FOR UPDATE', [forumId]);
      return async () => {
        await conn.query('ROLLBACK');
        await conn.end();
      };
    }
    const db = new Database(t.db.target.file);
    db.exec('BEGIN IMMEDIATE');
    db.prepare('UPDATE forums SET name = name WHERE id = ?').run(forumId);
    return async () => {
      db.exec('ROLLBACK');
      db.close();
    };
  }

  it('answers 503 with Retry-After within 5 s and writes nothing, then succeeds once the lock is gone', async () => {
    const organiser = await t.signedIn('organiser');
    const forum = await anOpenForum(organiser, { capacity: 10 });
    const [member] = await addMembers(t, [aMember()]);
    const [token] = await inviteMembers(t, organiser, forum.id, [member]);
    const counts = async () => {
      const [a] = await t.dataSource.query('SELECT COUNT(*) AS n FROM attendees WHERE forumId = ?', [forum.id]);
      const [i] = await t.dataSource.query('SELECT response FROM invitations WHERE memberId = ?', [member.id]);
      const [m] = await t.dataSource.query(
        "SELECT COUNT(*) AS n FROM messages WHERE memberId = ? AND template <> 'forum-invitation'",
        [member.id],
      );
      return { attendees: Number(a.n), response: i.response, messages: Number(m.n) };
    };
    const before = await counts();

    const release = await holdForum(forum.id);
    const started = Date.now();
    const res = await t.anon().put(`/api/v1/public/rsvp/${token}`).send({ response: 'accepted' });
    const took = Date.now() - started;
    await release();

    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('3');
    expect(res.body).toMatchObject({ statusCode: 503, error: 'unavailable', correlationId: expect.any(String) });
    expect(took).toBeLessThan(5000);
    expect(await counts()).toEqual(before);

    const retried = await t.anon().put(`/api/v1/public/rsvp/${token}`).send({ response: 'accepted' }).expect(200);
    expect(retried.body.confirmed).toBe(true);
    expect((await counts()).attendees).toBe(before.attendees + 1);
  });
});
