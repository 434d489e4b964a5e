import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planStatus } from '../../src/modules/plan/service';
import { testApp, type Client, type TestApp } from '../support/app';

/**
 * A deliverable has two dates: the lead agency submits it (trình) and the authority signs it (ban hành).
 * QĐ 90/QĐ-TTg was signed on 18/01/2022 (implementation-plan.md §2, S112) against "quý IV/2021" (seed text
 * of QĐ 1705/QĐ-TTg): 18 days after the deadline; the day MOLISA submitted it is in no source, so the
 * submission dates recorded below are test values, not facts.
 */
let t: TestApp;
let owner: Client;
let ministry: Client;
beforeAll(async () => {
  t = await testApp();
  owner = await t.as('program_owner');
  ministry = await t.as('ministry_lead');
});
afterAll(() => t?.close());

const row = async (position: string, asOf = '2026-01-15') =>
  (await planStatus(t.db, { asOf, planId: await planId() })).find((r) => r.position === position)!;
const planId = async () => (await t.db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`)).id;

describe('submission versus signature', () => {
  it("unknown submission: daysLate stays the instrument's, submittedOn and submissionDaysLate are null", async () => {
    expect(await row('3.1')).toMatchObject({
      instrument: '90/QĐ-TTg',
      daysLate: 18,
      submittedOn: null,
      submissionDaysLate: null,
    });
  });

  it('the program owner records a submission date with its source (audited); lateness of the lead agency is then measured on it', async () => {
    const task = await row('3.1');
    const res = await owner.request('PATCH', `/api/plan/tasks/${task.id}/submission`, {
      version: task.version,
      submittedOn: '2021-12-28',
      source: 'Giá trị kiểm thử',
    });
    expect(res.status).toBe(200);
    expect(await row('3.1')).toMatchObject({
      daysLate: 18,
      submittedOn: '2021-12-28',
      submittedSource: 'Giá trị kiểm thử',
      submissionDaysLate: 0,
    });
    const audit = await t.db.one<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM audit_log WHERE action = 'plan.task.submission' AND entity_id = $1`,
      [String(task.id)],
    );
    expect(audit).toMatchObject({
      before: { submittedOn: null },
      after: { submittedOn: '2021-12-28', source: 'Giá trị kiểm thử' },
    });
  });

  it('refuses a submission after the signature, a stale version, and another ministry', async () => {
    const task = await row('3.4'); // 353/QĐ-TTg, signed 15/03/2022
    const late = await owner.request('PATCH', `/api/plan/tasks/${task.id}/submission`, {
      version: task.version,
      submittedOn: '2022-03-20',
      source: 'Giá trị kiểm thử',
    });
    expect(late.status).toBe(422);
    expect(late.body.error.details.problems[0]).toMatchObject({
      path: 'body.submittedOn',
      message: 'Ngày trình không thể sau ngày ban hành văn bản (15/03/2022).',
    });
    const stale = await owner.request('PATCH', `/api/plan/tasks/${task.id}/submission`, {
      version: task.version + 5,
      submittedOn: '2022-02-01',
      source: 'Giá trị kiểm thử',
    });
    expect(stale.status).toBe(409);
    const other = await ministry.request('PATCH', `/api/plan/tasks/${task.id}/submission`, {
      version: task.version,
      submittedOn: '2022-02-01',
      source: 'Giá trị kiểm thử',
    });
    expect(other.status).toBe(403);
    const fanned = await row('2.1');
    const many = await owner.request('PATCH', `/api/plan/tasks/${fanned.id}/submission`, {
      version: fanned.version,
      submittedOn: '2022-02-01',
      source: 'Giá trị kiểm thử',
    });
    expect(many.status).toBe(400);
  });

  it('the task page tells the actor whether it may record the date', async () => {
    const task = await row('3.4');
    expect((await owner.get(`/api/plan/tasks/${task.id}`)).body.can).toEqual({ recordSubmission: true });
    expect((await ministry.get(`/api/plan/tasks/${task.id}`)).body.can).toEqual({ recordSubmission: false });
  });
});

describe('no report until the first report', () => {
  it('a province\'s first progress report moves its assignment out of "no report"; lateness counts from then on', async () => {
    const hanoi = await t.db.one<{ task_id: number; id: number; version: number; status: string }>(
      `SELECT a.task_id, a.id, a.version, a.status FROM task_assignment a JOIN task t ON t.id = a.task_id JOIN agency g ON g.id = a.agency_id
        WHERE t.position = '2.1' AND g.code = 'UBND-01' AND a.valid_to IS NULL`,
    );
    expect(hanoi.status).toBe('no_report');
    const province = await t.as('province_officer');
    const res = await province.request('PATCH', `/api/plan/tasks/${hanoi.task_id}/assignments/${hanoi.id}`, {
      version: hanoi.version,
      percent: 0,
      narrative: 'Chưa triển khai.',
      reportedOn: '2022-07-10',
    });
    expect(res.status).toBe(200);
    expect(res.body.assignment).toMatchObject({ status: 'not_started' });
    expect(res.body.rollup).toMatchObject({ total: 63, noReport: 62, status: 'not_started' });
    const plans = await row('2.1', '2026-01-15');
    expect(plans).toMatchObject({ overdueAssignments: 1, pastDueNoReportAssignments: 62 });
    const detail = (await province.get(`/api/plan/tasks/${hanoi.task_id}?asOf=2026-01-15`)).body;
    expect(detail.assignments).toHaveLength(63); // every assignment is listed
    expect(detail.assignments.find((a: { id: number }) => a.id === hanoi.id)).toMatchObject({
      status: 'not_started',
      daysLate: 1295,
      overdue: true,
      pastDueNoReport: false,
    });
    expect(detail.changes[0]).toMatchObject({ from: 'no_report', to: 'not_started' });
  });
});
