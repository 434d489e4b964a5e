import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Client, type TestApp } from '../support/app';

/**
 * Progress and completion dates are days of work already done: never after today, never before the
 * assignment existed (the task's start, the day it was assigned). A refused report writes nothing.
 */
let t: TestApp;
let owner: Client;
let ministry: Client;
let taskId: number;
let assignmentId: number;
beforeAll(async () => {
  t = await testApp();
  owner = await t.as('program_owner');
  ministry = await t.as('ministry_lead');
  const plan = await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
  const task = await owner.post('/api/plan/tasks', {
    planId: plan.id,
    position: '31',
    title: 'Nhiệm vụ kiểm tra ngày báo cáo',
    leadAgencyId: t.scope.agencyId,
    deadline: 'tháng 6/2026',
    startOn: '2025-10-01',
  });
  expect(task.status).toBe(200);
  taskId = task.body.id;
  assignmentId = (await ministry.get(`/api/plan/tasks/${taskId}`)).body.assignments[0].id;
});
afterAll(() => t?.close());

const url = () => `/api/plan/tasks/${taskId}/assignments/${assignmentId}`;
const state = () =>
  t.db.one<{ version: number; status: string; reports: number }>(
    `SELECT a.version, a.status, (SELECT count(*)::int FROM progress_update p WHERE p.assignment_id = a.id) AS reports
       FROM task_assignment a WHERE a.id = $1`,
    [assignmentId],
  );
const problems = (res: { body: { error: { details: { problems: { path: string; message: string }[] } } } }) =>
  res.body.error.details.problems;

describe('dates of progress reports and completion', () => {
  it('refuses a progress report dated in the future or before the assignment, writing nothing', async () => {
    const before = await state();
    const future = await ministry.request('PATCH', url(), {
      version: before.version,
      percent: 30,
      narrative: 'Đã xong',
      reportedOn: '2099-01-01',
    });
    expect(future.status).toBe(422);
    expect(problems(future)).toEqual([
      { path: 'body.reportedOn', message: 'Ngày báo cáo tiến độ không được sau hôm nay.' },
    ]);
    const early = await ministry.request('PATCH', url(), {
      version: before.version,
      percent: 30,
      reportedOn: '2025-09-15',
    });
    expect(early.status).toBe(422);
    expect(problems(early)).toEqual([
      { path: 'body.reportedOn', message: 'Ngày báo cáo tiến độ không được trước ngày nhận phân công (01/10/2025).' },
    ]);
    expect(await state()).toEqual(before);
    const ok = await ministry.request('PATCH', url(), {
      version: before.version,
      percent: 30,
      reportedOn: '2025-11-03',
    });
    expect(ok.status).toBe(200);
    expect(await state()).toMatchObject({ version: before.version + 1, status: 'in_progress', reports: 1 });
  });

  it('refuses a completion dated in the future or before the task started', async () => {
    const before = await state();
    const future = await owner.request('PATCH', url(), {
      version: before.version,
      status: 'completed',
      completedOn: '2099-12-31',
    });
    expect(future.status).toBe(422);
    expect(problems(future)).toEqual([
      { path: 'body.completedOn', message: 'Ngày hoàn thành không được sau hôm nay.' },
    ]);
    const early = await owner.request('PATCH', url(), {
      version: before.version,
      status: 'completed',
      completedOn: '2025-09-30',
    });
    expect(early.status).toBe(422);
    expect(problems(early).map((p) => p.message)).toEqual([
      'Ngày hoàn thành không được trước ngày nhận phân công (01/10/2025).',
      'Ngày hoàn thành không được trước ngày bắt đầu nhiệm vụ (01/10/2025).',
    ]);
    expect(await state()).toEqual(before);
    const done = await owner.request('PATCH', url(), {
      version: before.version,
      status: 'completed',
      completedOn: '2026-01-15',
    });
    expect(done.status).toBe(200);
    expect(await state()).toMatchObject({ status: 'completed' });
  });
});
