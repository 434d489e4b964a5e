/**
 * Lateness (chậm tiến độ), computed from dates and never stored (implementation-plan.md §2.2).
 *
 * daysLate = calendar days past the due day, at completion (completedOn) when the task is done, or at
 * the as-of date while it is open; 0 when on time. A cancelled task is never late.
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
  if (t.status === 'completed' && t.completedOn && t.completedOn > asOf) return { ...t, status: 'in_progress', completedOn: null };
  return t;
}

export function daysLate(task: TimedTask, asOf: string): number {
  const t = asOfView(task, asOf);
  if (!t.due || t.status === 'cancelled') return 0;
  const end = t.status === 'completed' && t.completedOn ? t.completedOn : asOf;
  return Math.max(0, daysBetween(t.due, end));
}

/** Open and past its due day at the as-of date (quá hạn). */
export function isOverdue(task: TimedTask, asOf: string): boolean {
  const t = asOfView(task, asOf);
  return !!t.due && isOpen(t.status) && asOf > t.due;
}

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
  if (!t.due || !isOpen(t.status) || isOverdue(t, asOf) || t.status === 'paused') return false;
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

export type Timeliness = 'on_time' | 'late' | 'overdue' | 'at_risk' | 'open' | 'cancelled' | 'no_deadline';

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: 'Đúng hạn',
  late: 'Hoàn thành chậm',
  overdue: 'Quá hạn',
  at_risk: 'Có nguy cơ chậm',
  open: 'Trong hạn',
  cancelled: 'Đã hủy',
  no_deadline: 'Không có thời hạn cụ thể',
};

export function timeliness(task: TimedTask, asOf: string, opts: RiskOptions = DEFAULT_RISK): Timeliness {
  const t = asOfView(task, asOf);
  if (t.status === 'cancelled') return 'cancelled';
  if (!t.due) return 'no_deadline';
  if (t.status === 'completed') return daysLate(t, asOf) > 0 ? 'late' : 'on_time';
  if (isOverdue(t, asOf)) return 'overdue';
  return isAtRisk(t, asOf, opts) ? 'at_risk' : 'open';
}
