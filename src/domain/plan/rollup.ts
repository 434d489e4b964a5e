/**
 * Roll-up of a task fanned out to many agencies (one assignment per ministry or per provincial
 * People's Committee) into the parent task's figures.
 */

import { daysLate, isOverdue, isPastDueWithoutReport, type TimedTask } from './lateness';
import { TASK_STATUSES, type TaskStatus } from './status';

export interface RollUp {
  total: number;
  byStatus: Record<TaskStatus, number>;
  /** assignments counted for progress: all but cancelled */
  active: number;
  completed: number;
  /** reported, open and past due */
  overdue: number;
  /** nobody has reported yet (chưa có báo cáo) */
  noReport: number;
  /** past due with no report received: not counted as late */
  pastDueNoReport: number;
  /** completed after their due day */
  completedLate: number;
  /** mean reported percent over active assignments (completed count as 100), rounded to 1 decimal */
  percent: number;
  /** derived status of the parent task */
  status: TaskStatus;
  /** last completion date when every active assignment is complete, else null */
  completedOn: string | null;
  /** the largest daysLate among active, reported assignments */
  maxDaysLate: number;
}

export function rollUp(items: TimedTask[], asOf: string): RollUp {
  const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  let percentSum = 0;
  let completedOn: string | null = null;
  let overdue = 0;
  let pastDueNoReport = 0;
  let completedLate = 0;
  let maxDaysLate = 0;
  for (const it of items) {
    byStatus[it.status]++;
    if (it.status === 'cancelled') continue;
    percentSum += it.status === 'completed' ? 100 : Math.min(100, Math.max(0, it.percent ?? 0));
    if (it.status === 'completed' && it.completedOn && (!completedOn || it.completedOn > completedOn))
      completedOn = it.completedOn;
    if (isOverdue(it, asOf)) overdue++;
    if (isPastDueWithoutReport(it, asOf)) pastDueNoReport++;
    const late = daysLate(it, asOf) ?? 0;
    if (it.status === 'completed' && late > 0) completedLate++;
    maxDaysLate = Math.max(maxDaysLate, late);
  }
  const total = items.length;
  const active = total - byStatus.cancelled;
  const completed = byStatus.completed;
  let status: TaskStatus;
  if (total === 0) status = 'no_report';
  else if (active === 0) status = 'cancelled';
  else if (completed === active) status = 'completed';
  else if (byStatus.paused === active) status = 'paused';
  else if (byStatus.submitted + completed === active) status = 'submitted';
  else if (byStatus.no_report === active) status = 'no_report';
  else if (byStatus.not_started + byStatus.no_report === active) status = 'not_started';
  else status = 'in_progress';
  return {
    total,
    byStatus,
    active,
    completed,
    overdue,
    noReport: byStatus.no_report,
    pastDueNoReport,
    completedLate,
    percent: active === 0 ? 0 : Math.round((percentSum / active) * 10) / 10,
    status,
    completedOn: status === 'completed' ? completedOn : null,
    maxDaysLate,
  };
}
