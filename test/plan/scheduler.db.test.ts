import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs } from '../../src/modules/plan/scheduler';
import { testDatabase, type TestDatabase } from '../support/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
  const u = await t.db.one<{ id: number }>(`INSERT INTO app_user (username, display_name, email, password_hash) VALUES ('chu.quan', 'Chủ quản', NULL, 'x') RETURNING id`);
  await t.db.query(`INSERT INTO user_grant (user_id, role) VALUES ($1, 'program_owner')`, [u.id]);
});
afterAll(() => t?.close());

describe('daily jobs', () => {
  it('runs the digest once a day from 07:00 Vietnam time', async () => {
    const logs: unknown[] = [];
    const jobs = planJobs(t.db, { info: (o: unknown) => logs.push(o), error: () => undefined } as never, null);
    expect(await jobs.tick(new Date('2022-06-27T23:30:00Z'))).toEqual({ digest: false, mail: false }); // 28/6 06:30 in Vietnam: too early
    expect(await jobs.tick(new Date('2022-06-28T00:30:00Z'))).toEqual({ digest: true, mail: false }); // 28/6 07:30
    const n = async () => (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM notification WHERE kind = 'digest'`)).n;
    expect(await n()).toBe(1);
    expect(await jobs.tick(new Date('2022-06-28T05:00:00Z'))).toEqual({ digest: false, mail: false }); // same Vietnamese day
    expect(await jobs.tick(new Date('2022-06-28T23:00:00Z'))).toEqual({ digest: false, mail: false }); // 29/6 06:00: too early
    expect(await jobs.tick(new Date('2022-06-29T00:05:00Z'))).toEqual({ digest: true, mail: false }); // 29/6 07:05
    expect(await n()).toBe(2);
    jobs.stop();
  });
});
