import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar/dates';
import { parseDeadline, storedDueDate } from '../../src/domain/plan/deadline';
import {
  isOverdue,
  isPastDueWithoutReport,
  lateOrUnreportedSql,
  overdueSql,
  pastDueNoReportSql,
} from '../../src/domain/plan/lateness';
import type { TaskStatus } from '../../src/domain/plan/status';
import { officialCalendar } from '../../src/modules/calendar/official';
import { listTasks } from '../../src/modules/plan/repo';
import { insertInitialAssignments } from '../../src/modules/plan/repo-assignments';
import { insertPlan, insertTask } from '../../src/modules/plan/repo-tasks';
import { testDatabase, type TestDatabase } from '../support/db';

/**
 * "Overdue" (quá hạn) is decided by the database for the lists, the overdue report and the digest, and by
 * the domain (isOverdue, isPastDueWithoutReport) for each row shown. Over every day of 2025 and 2026 the
 * two must select the same tasks, for due dates around the holidays (Tết, 30/4–1/5, 2/9, New Year) and
 * relative deadlines counted in working days across them, with and without reports, done on time or late.
 */
const DUES: { text: string; anchor: string }[] = [
  { text: '31/12/2024', anchor: '2024-10-01' },
  { text: 'trong vòng 15 ngày làm việc', anchor: '2025-01-20' }, // runs across Tết Ất Tỵ
  { text: 'trước ngày 30/4/2025', anchor: '2025-01-01' },
  { text: '02/9/2025', anchor: '2025-06-01' },
  { text: 'quý IV/2025', anchor: '2025-01-01' },
  { text: '01/01/2026', anchor: '2025-06-01' },
  { text: 'trong vòng 10 ngày làm việc', anchor: '2026-02-10' }, // runs across Tết Bính Ngọ
  { text: 'tháng 12/2026', anchor: '2026-01-01' },
  { text: 'hằng năm', anchor: '2025-01-01' }, // no single due day: never overdue
];
/** Status, and for completed work the days from the due day to completion (negative: early). */
const STATES: { status: TaskStatus; doneAfterDue?: number }[] = [
  { status: 'no_report' },
  { status: 'not_started' },
  { status: 'in_progress' },
  { status: 'submitted' },
  { status: 'paused' },
  { status: 'cancelled' },
  { status: 'completed', doneAfterDue: -3 },
  { status: 'completed', doneAfterDue: 0 },
  { status: 'completed', doneAfterDue: 12 },
];

interface Case {
  id: number;
  status: TaskStatus;
  due: string | null;
  completedOn: string | null;
}

let t: TestDatabase;
let planId: number;
const cases: Case[] = [];

beforeAll(async () => {
  t = await testDatabase();
  await t.db.tx(async (tx) => {
    planId = await insertPlan(tx, {
      code: 'KT-QUA-HAN/2025',
      title: 'Kế hoạch kiểm thử quá hạn',
      phaseId: null,
      issuerAgencyId: null,
      issuedOn: '2024-10-01',
      purpose: null,
      source: 'kiểm thử',
    });
    for (const [i, d] of DUES.entries()) {
      const deadline = parseDeadline(d.text);
      const due = storedDueDate(deadline, d.anchor, officialCalendar);
      for (const [j, s] of STATES.entries()) {
        const completedOn = s.status === 'completed' ? addDays(due ?? '2025-06-30', s.doneAfterDue!) : null;
        const id = await insertTask(tx, {
          planId,
          parentId: null,
          position: `${i + 1}.${j + 1}`,
          title: `${d.text} — ${s.status}`,
          leadAgencyId: 'MOLISA',
          fanOut: 'none',
          deadlineText: d.text,
          deadlineKind: deadline.kind,
          dueOn: due,
          deadlineStatus: 'VERIFIED',
          startOn: d.anchor,
          deliverableKind: null,
          status: s.status,
          percent: s.status === 'completed' ? 100 : 0,
          completedOn,
          note: null,
          source: 'kiểm thử',
          projectCode: null,
          basisInstrumentId: null,
        });
        await insertInitialAssignments(tx, id, [{ agencyId: 'MOLISA', unitId: null }], {
          status: s.status,
          percent: s.status === 'completed' ? 100 : 0,
          completedOn,
          instrumentId: null,
          validFrom: d.anchor,
        });
        cases.push({ id, status: s.status, due, completedOn });
      }
    }
  });
});
afterAll(() => t?.close());

const DAYS = (() => {
  const out: string[] = [];
  for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) out.push(d);
  return out;
})();
const key = (day: string, id: number) => `${day} #${id}`;

describe('overdue: the SQL and the domain agree', () => {
  it('the relative deadlines really cross the holidays (working days, not calendar days)', () => {
    // 15 working days from 20/01/2025 skip the Tết days off 25/01–02/02/2025
    expect(cases.find((c) => c.id === cases[STATES.length].id)!.due).toBe('2025-02-17');
  });

  it('every day of 2025 and 2026: the SQL rules select the tasks the TypeScript rules select', async () => {
    const task = { status: 't.status', due: 't.due_on', completedOn: 't.completed_on' };
    const rows = await t.db.query<{ day: string; id: number; overdue: boolean; unreported: boolean; listed: boolean }>(
      `SELECT d::date::text AS day, t.id::int AS id,
              coalesce(${overdueSql(task, 'd::date')}, false) AS overdue,
              coalesce(${pastDueNoReportSql(task, 'd::date')}, false) AS unreported,
              coalesce(${lateOrUnreportedSql(task, 'd::date')}, false) AS listed
         FROM task t CROSS JOIN generate_series('2025-01-01'::date, '2026-12-31'::date, interval '1 day') AS d
        WHERE t.plan_id = $1`,
      [planId],
    );
    expect(rows).toHaveLength(DAYS.length * cases.length);
    const sql = (f: 'overdue' | 'unreported' | 'listed') =>
      rows
        .filter((r) => r[f])
        .map((r) => key(r.day, r.id))
        .sort();
    const ts = (f: (c: Case, day: string) => boolean) =>
      DAYS.flatMap((day) => cases.filter((c) => f(c, day)).map((c) => key(day, c.id))).sort();
    const overdue = ts((c, day) => isOverdue(c, day));
    const unreported = ts((c, day) => isPastDueWithoutReport(c, day));
    expect(sql('overdue')).toEqual(overdue);
    expect(sql('unreported')).toEqual(unreported);
    expect(sql('listed')).toEqual(ts((c, day) => isOverdue(c, day) || isPastDueWithoutReport(c, day)));
    // both kinds occur, so agreement is not agreement on nothing
    expect(overdue.length).toBeGreaterThan(1000);
    expect(unreported.length).toBeGreaterThan(100);
  });

  it('the overdue report and the assignment counts of the lists agree with the domain on the days around the holidays', async () => {
    const days = [
      ...['2025-01-24', '2025-02-03', '2025-02-17', '2025-02-18', '2025-04-29', '2025-04-30', '2025-05-01'],
      ...['2025-05-02', '2025-09-02', '2025-09-03', '2025-12-31', '2026-01-01', '2026-01-02', '2026-02-13'],
      ...['2026-02-24', '2026-03-06', '2026-03-09', '2026-12-31'],
    ];
    for (const asOf of days) {
      const report = await listTasks(t.db, { asOf, planId, overdueOnly: true });
      const expected = cases.filter((c) => isOverdue(c, asOf) || isPastDueWithoutReport(c, asOf)).map((c) => c.id);
      expect(
        report.map((r) => Number(r.id)).sort((a, b) => a - b),
        asOf,
      ).toEqual(expected);
      const all = await listTasks(t.db, { asOf, planId });
      const counts = new Map(all.map((r) => [Number(r.id), [r.overdue_assignments, r.past_due_no_report_assignments]]));
      for (const c of cases)
        expect(counts.get(c.id), `${asOf} #${c.id}`).toEqual([
          Number(isOverdue(c, asOf)),
          Number(isPastDueWithoutReport(c, asOf)),
        ]);
    }
  });
});
