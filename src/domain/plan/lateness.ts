/**
 * Lateness (chậm tiến độ), computed from dates and never stored (implementation-plan.md §2.2).
 *
 * daysLate = calendar days past the due day, at completion (completedOn) when the task is done, or at
 * the as-of date while it is open; 0 when on time. A cancelled task is never late. Work nobody has
 * reported on (status `no_report`) has no lateness (null): past its due day it is "past due, no report
 * received", never counted as days late.
 */

import { daysBetween } from '../calendar/dates';
import { isOpen, type TaskStatus } from './status';

export interface TimedTask {
  status: TaskStatus;
  /** last day allowed (ISO), null when the deadline has no fixed day */
  due: string | null;
  completedOn: string | null;
  /** 0–100, latest reported progress */
  percent?: number;
  /** when work could start (plan date), for the elapsed-time risk rule */
  start?: string | null;
}

/**
 * The task as it stood on the as-of date: a task completed after that date was still open then
 * (shown as in progress, without completion date), so that overdue reports can be run for any past date.
 */
export function asOfView<T extends TimedTask>(t: T, asOf: string): T {
  if (t.status === 'completed' && t.completedOn && t.completedOn > asOf)
    return { ...t, status: 'in_progress', completedOn: null };
  return t;
}

export function daysLate(task: TimedTask, asOf: string): number | null {
  const t = asOfView(task, asOf);
  if (t.status === 'no_report') return null;
  if (!t.due || t.status === 'cancelled') return 0;
  const end = t.status === 'completed' && t.completedOn ? t.completedOn : asOf;
  return Math.max(0, daysBetween(t.due, end));
}

/**
 * Lateness of the lead agency's submission (trình): days from the deadline to the day it submitted, 0
 * when on time, null when either is unknown. The instrument's own date (ký ban hành) is the signing
 * authority's, not the lead agency's, so it never stands in for the submission.
 */
export function submissionDaysLate(due: string | null, submittedOn: string | null): number | null {
  if (!due || !submittedOn) return null;
  return Math.max(0, daysBetween(due, submittedOn));
}

/** Reported, open and past its due day at the as-of date (quá hạn). */
export function isOverdue(task: TimedTask, asOf: string): boolean {
  const t = asOfView(task, asOf);
  return !!t.due && t.status !== 'no_report' && isOpen(t.status) && asOf > t.due;
}

/** Past its due day and nobody has reported on it (quá hạn, chưa nhận được báo cáo). */
export function isPastDueWithoutReport(task: TimedTask, asOf: string): boolean {
  const t = asOfView(task, asOf);
  return !!t.due && t.status === 'no_report' && asOf > t.due;
}

/**
 * The same rules as SQL, for the database's lists and counts: column expressions of a task or an
 * assignment and the as-of date expression (trusted SQL text only). test/plan/overdue.db.test.ts checks
 * that they select what isOverdue and isPastDueWithoutReport select, day by day.
 */
export interface TimedColumns {
  status: string;
  due: string;
  completedOn: string;
}

/** asOfView's "still open on the as-of date": not closed, or completed only after it. */
const openOnSql = (c: TimedColumns, asOf: string) =>
  `(${c.status} NOT IN ('completed', 'cancelled') OR (${c.status} = 'completed' AND ${c.completedOn} > ${asOf}))`;

/** isOverdue in SQL. */
export const overdueSql = (c: TimedColumns, asOf: string) =>
  `(${openOnSql(c, asOf)} AND ${c.status} <> 'no_report' AND ${c.due} < ${asOf})`;

/** isPastDueWithoutReport in SQL. */
export const pastDueNoReportSql = (c: TimedColumns, asOf: string) =>
  `(${c.status} = 'no_report' AND ${c.due} < ${asOf})`;

/** The overdue report's rows: overdue, or past due without a report (isOverdue || isPastDueWithoutReport). */
export const lateOrUnreportedSql = (c: TimedColumns, asOf: string) => `(${openOnSql(c, asOf)} AND ${c.due} < ${asOf})`;

export interface RiskOptions {
  /** due within this many calendar days and not done → at risk (same window as the digest) */
  windowDays: number;
  /** elapsed share of the time window minus reported progress, in percentage points, that flags risk */
  lagPoints: number;
}

export const DEFAULT_RISK: RiskOptions = { windowDays: 7, lagPoints: 30 };

/**
 * At risk (có nguy cơ chậm): open, not yet overdue, and either due within `windowDays` with progress
 * below 100%, or behind schedule by at least `lagPoints` (elapsed % of [start, due] − reported %).
 */
export function isAtRisk(task: TimedTask, asOf: string, opts: RiskOptions = DEFAULT_RISK): boolean {
  const t = asOfView(task, asOf);
  if (!t.due || !isOpen(t.status) || isOverdue(t, asOf) || t.status === 'paused' || t.status === 'no_report')
    return false;
  const percent = t.percent ?? 0;
  if (percent >= 100) return false;
  const left = daysBetween(asOf, t.due);
  if (left <= opts.windowDays) return true;
  if (t.start && t.start < t.due && asOf > t.start) {
    const elapsed = (100 * daysBetween(t.start, asOf)) / daysBetween(t.start, t.due);
    return elapsed - percent >= opts.lagPoints;
  }
  return false;
}

export type Timeliness =
  | 'on_time'
  | 'late'
  | 'overdue'
  | 'at_risk'
  | 'open'
  | 'cancelled'
  | 'no_deadline'
  | 'no_report'
  | 'past_due_no_report';

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: 'Đúng hạn',
  late: 'Hoàn thành chậm',
  overdue: 'Quá hạn',
  at_risk: 'Có nguy cơ chậm',
  open: 'Trong hạn',
  cancelled: 'Đã hủy',
  no_deadline: 'Không có thời hạn cụ thể',
  no_report: 'Chưa có báo cáo',
  past_due_no_report: 'Quá hạn, chưa nhận được báo cáo',
};

export function timeliness(task: TimedTask, asOf: string, opts: RiskOptions = DEFAULT_RISK): Timeliness {
  const t = asOfView(task, asOf);
  if (t.status === 'cancelled') return 'cancelled';
  if (t.status === 'no_report') return isPastDueWithoutReport(t, asOf) ? 'past_due_no_report' : 'no_report';
  if (!t.due) return 'no_deadline';
  if (t.status === 'completed') return (daysLate(t, asOf) ?? 0) > 0 ? 'late' : 'on_time';
  if (isOverdue(t, asOf)) return 'overdue';
  return isAtRisk(t, asOf, opts) ? 'at_risk' : 'open';
}

export interface LatenessFacts {
  status: TaskStatus;
  daysLate: number | null;
  /** the deliverable is an instrument signed by another authority (its date is the signature's) */
  instrument: string | null;
  completedOn: string | null;
  submissionDaysLate: number | null;
  pastDueNoReport: boolean;
}

/**
 * One Vietnamese sentence for the lateness of a row, the same in the Excel export and on the screens.
 * An instrument's lateness is the signature's: the lead agency is only blamed for its submission, and
 * when the submission date is unknown the sentence says so instead of blaming anyone.
 */
export function describeLateness(r: LatenessFacts, asOfVi: string): string | null {
  if (r.pastDueNoReport) return 'Quá hạn, chưa nhận được báo cáo';
  if (r.status === 'no_report') return 'Chưa có báo cáo';
  const late = r.daysLate ?? 0;
  if (r.status === 'completed' && r.instrument) {
    const issued = late > 0 ? `ban hành ${late} ngày sau thời hạn` : 'ban hành trong thời hạn';
    if (r.submissionDaysLate === null)
      return late > 0 ? `${capitalise(issued)}, chưa rõ ngày trình` : capitalise(issued);
    const submitted = r.submissionDaysLate > 0 ? `Trình chậm ${r.submissionDaysLate} ngày` : 'Trình đúng hạn';
    return `${submitted}; ${issued}`;
  }
  if (late <= 0) return null;
  return r.status === 'completed' ? `Hoàn thành chậm ${late} ngày` : `Quá hạn ${late} ngày (tính đến ${asOfVi})`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
