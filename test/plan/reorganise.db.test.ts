import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../support/app';

/** The 2025 reorganisation hands the seeded assignments over to the successor agencies, keeping history. */
let t: TestApp;
let owner: Client;
beforeAll(async () => {
  t = await testApp();
  owner = await t.as('program_owner');
});
afterAll(() => t?.close());

const active = (position: string) =>
  t.db.query<{ agency_id: string; status: string; handed_over_from: number | null }>(
    `SELECT a.agency_id, a.status, a.handed_over_from FROM task_assignment a JOIN task t ON t.id = a.task_id
      WHERE t.position = $1 AND t.plan_id = (SELECT id FROM plan WHERE code = '1705/QĐ-TTg') AND a.valid_to IS NULL ORDER BY a.agency_id`,
    [position],
  );

describe('reorganisation of 2025', () => {
  it('63 provincial assignments become 34, merged ones rolled up; ministries go to their successors', async () => {
    // one old province completed its plan, its merger partners did not
    // Hà Giang (02) completed its plan; Tuyên Quang (08), merged with it in 2025, did not start
    const hg = await t.db.one<{ task_id: number; id: number }>(
      `SELECT a.task_id, a.id FROM task_assignment a JOIN task t ON t.id = a.task_id JOIN agency g ON g.id = a.agency_id WHERE t.position = '2.1' AND g.code = 'UBND-02'`,
    );
    await t.db.query(
      `UPDATE task_assignment SET status = 'completed', percent = 100, completed_on = '2022-06-20' WHERE task_id = $1 AND id = $2`,
      [hg.task_id, hg.id],
    );
    expect(await active('2.1')).toHaveLength(63);

    const res = await owner.post('/api/plan/reorganise', { onDate: '2025-07-01' });
    expect(res.status).toBe(200);
    expect(res.body.withoutSuccessor).toEqual([]);
    const after = await active('2.1');
    expect(after).toHaveLength(34);
    expect(after.every((a) => a.handed_over_from !== null)).toBe(true);
    const closed = await t.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM task_assignment a JOIN task t ON t.id = a.task_id WHERE t.position = '2.1' AND a.valid_to IS NOT NULL`,
    );
    expect(closed.n).toBe(63); // history kept
    const tq = await t.db.one<{ status: string; percent: number; note: string }>(
      `SELECT a.status, a.percent::float8 AS percent, a.note FROM task_assignment a JOIN task t ON t.id = a.task_id JOIN agency g ON g.id = a.agency_id
        WHERE t.position = '2.1' AND g.code = 'UBND-08' AND a.valid_to IS NULL`,
    );
    expect(tq).toMatchObject({ status: 'in_progress', percent: 50 });
    expect(tq.note).toMatch(/^Tiếp nhận từ UBND:0[28]:.*, UBND:0[28]:/);

    const ministries = (await active('1')).map((a) => a.agency_id);
    expect(ministries).toContain('MAE');
    expect(ministries).not.toContain('MOLISA');
    expect(ministries).not.toContain('MPI');
    // MOLISA's completed decisions went to MAE as completed
    expect(await active('3.1')).toEqual([expect.objectContaining({ agency_id: 'MAE', status: 'completed' })]);

    const again = await owner.post('/api/plan/reorganise', { onDate: '2025-07-01' });
    expect(again.body).toMatchObject({ handedOver: 0, created: 0 });
    const audit = await t.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'plan.assignment.reorganise'`,
    );
    expect(audit.n).toBeGreaterThan(34);
  });
});

/**
 * The 2025 reorganisation by function: poverty reduction → Ministry of Agriculture and Environment
 * (Nghị định 35/2025/NĐ-CP, from 01/03/2025), vocational education → Ministry of Education and
 * Training, employment → Ministry of Home Affairs (reference/legal/plan.csv gives each transfer's status).
 */
describe('reorganisation by function', () => {
  it("each MOLISA assignment goes to the receiver of its project's function; Dự án 4 as a whole is reported, not guessed", async () => {
    const plan = await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
    const mk = async (position: string, projectCode: string) => {
      const res = await owner.post('/api/plan/tasks', {
        planId: plan.id,
        position,
        title: `Nhiệm vụ thử ${projectCode}`,
        leadAgencyId: 'MOLISA',
        deadline: 'năm 2024',
        startOn: '2024-01-02',
        projectCode,
      });
      expect(res.status).toBe(200);
      return res.body.id as number;
    };
    const voc = await mk('50', 'DA4.TDA1');
    const job = await mk('51', 'DA4.TDA3');
    const poor = await mk('52', 'DA2');
    const both = await mk('53', 'DA4');
    const res = await owner.post('/api/plan/reorganise', { onDate: '2025-07-01' });
    expect(res.status).toBe(200);
    const to = async (taskId: number) =>
      (
        await t.db.query<{ agency_id: string }>(
          `SELECT agency_id FROM task_assignment WHERE task_id = $1 AND valid_to IS NULL`,
          [taskId],
        )
      ).map((a) => a.agency_id);
    expect(await to(voc)).toEqual(['MOET']);
    expect(await to(job)).toEqual(['MOHA']);
    expect(await to(poor)).toEqual(['MAE']);
    expect(await to(both)).toEqual(['MOLISA']); // left with MOLISA, and said so
    expect(res.body.undecided).toEqual([
      {
        taskId: both,
        position: '53',
        agencyId: 'MOLISA',
        reason: 'nhiệm vụ thuộc nhiều chức năng (không rõ dự án, tiểu dự án)',
      },
    ]);
  });
});
