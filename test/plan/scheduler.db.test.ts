import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs } from '../../src/modules/plan/scheduler';
import { testDatabase, type TestDatabase } from '../support/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
  const u = await t.db.one<{ id: number }>(
    `INSERT INTO app_user (username, display_name, email, password_hash) VALUES ('chu.quan', 'Chủ quản', NULL, 'x') RETURNING id`,
  );
  await t.db.query(`INSERT INTO user_grant (user_id, role) VALUES ($1, 'program_owner')`, [u.id]);
});
afterAll(() => t?.close());

describe('daily jobs', () => {
  it('runs the digest once a day from 07:00 Vietnam time', async () => {
    const logs: unknown[] = [];
    const jobs = planJobs(t.db, { info: (o: unknown) => logs.push(o), error: () => undefined } as never, null);
    expect(await jobs.tick(new Date('2022-06-27T23:30:00Z'))).toEqual({ digest: false, mail: false, handedOver: 0 }); // 28/6 06:30 in Vietnam: too early
    expect(await jobs.tick(new Date('2022-06-28T00:30:00Z'))).toEqual({ digest: true, mail: false, handedOver: 0 }); // 28/6 07:30
    const n = async () =>
      (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM notification WHERE kind = 'digest'`)).n;
    expect(await n()).toBe(1);
    expect(await jobs.tick(new Date('2022-06-28T05:00:00Z'))).toEqual({ digest: false, mail: false, handedOver: 0 }); // same Vietnamese day
    expect(await jobs.tick(new Date('2022-06-28T23:00:00Z'))).toEqual({ digest: false, mail: false, handedOver: 0 }); // 29/6 06:00: too early
    expect(await jobs.tick(new Date('2022-06-29T00:05:00Z'))).toEqual({ digest: true, mail: false, handedOver: 0 }); // 29/6 07:05
    expect(await n()).toBe(2);
    jobs.stop();
  });

  it('hands the assignments over when the reform date passes: 63 provincial plans → 34 provinces on 01/07/2025', async () => {
    const active = async () =>
      (
        await t.db.one<{ n: number }>(
          `SELECT count(*)::int AS n FROM task_assignment a JOIN task t ON t.id = a.task_id WHERE t.position = '2.1' AND a.valid_to IS NULL`,
        )
      ).n;
    const jobs = planJobs(t.db, { info: () => undefined, error: () => undefined } as never, null);
    await jobs.tick(new Date('2025-06-30T03:00:00Z')); // 30/06/2025: nothing ended yet
    expect(await active()).toBe(63);
    const r = await jobs.tick(new Date('2025-07-01T03:00:00Z')); // 01/07/2025 (Nghị quyết 202/2025/QH15: 34 provinces)
    expect(r.handedOver).toBeGreaterThan(63);
    expect(await active()).toBe(34);
    jobs.stop();
  });
});
