import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../support/app';

/**
 * Ministries and provinces issue their own plans (Decree 27/2022 Art. 6: provincial implementation
 * plans): they register them and manage their tasks; the national plan stays the program owner's.
 */
let t: TestApp;
let owner: Client;
let ministry: Client;
let province: Client;
let commune: Client;
let hanoiCommittee: string; // Hà Nội People's Committee, the agency a Hà Nội province officer acts for
let nationalPlan: number;
beforeAll(async () => {
  t = await testApp();
  [owner, ministry, province, commune] = await Promise.all([
    t.as('program_owner'),
    t.as('ministry_lead'),
    t.as('province_officer'),
    t.as('commune_officer'),
  ]);
  hanoiCommittee = (
    await t.db.one<{ id: string }>(`SELECT id FROM agency WHERE kind = 'people_committee' AND unit_id = $1`, [
      t.scope.provinceId,
    ])
  ).id;
  nationalPlan = (await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`)).id;
});
afterAll(() => t?.close());

const hanoiPlan = {
  code: '310/KH-UBND-THU',
  title: 'Kế hoạch thực hiện Chương trình giảm nghèo bền vững năm 2026 của thành phố',
  issuedOn: '2026-01-15',
};
const count = async (table: string) => (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n;

describe('plans issued by ministries and provinces', () => {
  it("registers a plan only for the caller's own agency, in force on the issue date, once", async () => {
    const before = await count('plan');
    expect((await province.post('/api/plan/plans', { ...hanoiPlan, issuerAgencyId: t.scope.agencyId })).status).toBe(
      403,
    );
    expect((await commune.post('/api/plan/plans', { ...hanoiPlan, issuerAgencyId: hanoiCommittee })).status).toBe(403);
    const gone = await ministry.post('/api/plan/plans', {
      ...hanoiPlan,
      code: '1/KH-MOLISA',
      issuerAgencyId: 'MOLISA',
      issuedOn: '2026-01-15',
    });
    expect(gone.status).toBe(422);
    expect(gone.body.error.details.problems[0]).toMatchObject({
      path: 'body.issuerAgencyId',
      message: expect.stringContaining('không tồn tại vào ngày 15/01/2026'),
    });
    expect(await count('plan')).toBe(before);

    const ok = await province.post('/api/plan/plans', { ...hanoiPlan, issuerAgencyId: hanoiCommittee });
    expect(ok.status).toBe(200);
    const again = await province.post('/api/plan/plans', { ...hanoiPlan, issuerAgencyId: hanoiCommittee });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(`Đã có kế hoạch số ${hanoiPlan.code}.`);
    const audited = await t.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'plan.plan.create' AND entity_id = $1`,
      [String(ok.body.id)],
    );
    expect(audited.n).toBe(1);

    const canManage = async (c: Client) =>
      Object.fromEntries(
        (await c.get('/api/plan/plans')).body.items.map((p: { code: string; canManage: boolean }) => [
          p.code,
          p.canManage,
        ]),
      );
    expect(await canManage(province)).toMatchObject({ [hanoiPlan.code]: true, '1705/QĐ-TTg': false });
    expect(await canManage(ministry)).toMatchObject({ [hanoiPlan.code]: false, '1705/QĐ-TTg': false });
    expect(await canManage(owner)).toMatchObject({ [hanoiPlan.code]: true, '1705/QĐ-TTg': true });
  });

  it('a province manages the tasks of its own plan, not of the national plan, and never fans out', async () => {
    const planId = (await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = $1`, [hanoiPlan.code])).id;
    const task = {
      planId,
      position: '1',
      title: 'Rà soát hộ nghèo, hộ cận nghèo năm 2026 trên địa bàn thành phố',
      leadAgencyId: hanoiCommittee,
      deadline: 'quý IV/2026',
      startOn: '2026-01-15',
    };
    const before = await count('task');
    expect((await province.post('/api/plan/tasks', { ...task, planId: nationalPlan, position: '99' })).status).toBe(
      403,
    );
    const fanned = await province.post('/api/plan/tasks', { ...task, fanOut: 'provinces' });
    expect(fanned.status).toBe(403);
    expect(fanned.body.error.message).toBe('Giao việc cho tất cả các tỉnh / bộ: chỉ cơ quan thường trực Chương trình.');
    expect(await count('task')).toBe(before);

    const created = await province.post('/api/plan/tasks', task);
    expect(created.status).toBe(200);
    expect(created.body.assignments).toBe(1);
    const edited = await province.request('PATCH', `/api/plan/tasks/${created.body.id}`, {
      version: 1,
      deadline: 'trước ngày 15/12/2026',
    });
    expect(edited.status).toBe(200);
    const nationalTask = await t.db.one<{ id: number; version: number }>(
      `SELECT id, version FROM task WHERE plan_id = $1 ORDER BY id LIMIT 1`,
      [nationalPlan],
    );
    expect(
      (
        await province.request('PATCH', `/api/plan/tasks/${nationalTask.id}`, {
          version: nationalTask.version,
          note: 'sửa thử',
        })
      ).status,
    ).toBe(403);

    // the plan's own view: only its tasks, with the deadline as edited
    const listed = (await province.get(`/api/plan/tasks?plan=${planId}&asOf=2026-03-01`)).body.items;
    expect(listed.map((r: { title: string }) => r.title)).toEqual([task.title]);
    expect(listed[0]).toMatchObject({ deadline: '2026-12-14', leadAgency: expect.any(String), status: 'no_report' }); // nobody has reported on a new task yet
  });
});
