/**
 * Task status workflow (trạng thái nhiệm vụ) and who may make each move.
 *
 *   chưa có báo cáo → (first report) chưa triển khai | đang thực hiện | hoàn thành
 *   chưa triển khai → đang thực hiện → đã trình → hoàn thành
 *   any open status → tạm dừng → đang thực hiện;  any open status → hủy
 *
 * The assignee (the lead agency's ministry_lead, or a province_officer for its province's People's
 * Committee — the service checks that scope) does the work and submits; the program owner (cơ quan chủ
 * quản) accepts, returns, pauses, cancels and reopens. The system administrator may do everything.
 * steering_member and commune_officer read and comment only.
 */

import type { Role } from '../roles';

/**
 * `no_report` (chưa có báo cáo) is the state of every task and assignment nobody has reported on yet:
 * it is neither "not started" (a statement by the agency) nor late (nobody knows). Lateness is only
 * computed for reported work; a no_report item past its due day is "past due, no report received".
 */
export const TASK_STATUSES = [
  'no_report',
  'not_started',
  'in_progress',
  'submitted',
  'completed',
  'paused',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const STATUS_LABELS: Record<TaskStatus, string> = {
  no_report: 'Chưa có báo cáo',
  not_started: 'Chưa triển khai',
  in_progress: 'Đang thực hiện',
  submitted: 'Đã trình',
  completed: 'Hoàn thành',
  paused: 'Tạm dừng',
  cancelled: 'Hủy',
};

/** Closed statuses are not overdue and not at risk. */
export const CLOSED_STATUSES: readonly TaskStatus[] = ['completed', 'cancelled'];
export const isOpen = (s: TaskStatus) => !CLOSED_STATUSES.includes(s);

const ASSIGNEE: Role[] = ['ministry_lead', 'province_officer'];
const OWNER: Role[] = ['program_owner'];

export interface Transition {
  from: TaskStatus;
  to: TaskStatus;
  /** Vietnamese name of the action */
  action: string;
  roles: Role[];
  /** the move needs a date (completion) or a note (return, pause, cancel) */
  requires?: 'completedOn' | 'note';
}

export const TRANSITIONS: Transition[] = [
  // the first report of an agency: it says where the work stands
  { from: 'no_report', to: 'not_started', action: 'Báo cáo: chưa triển khai', roles: [...ASSIGNEE, ...OWNER] },
  { from: 'no_report', to: 'in_progress', action: 'Bắt đầu thực hiện', roles: [...ASSIGNEE, ...OWNER] },
  { from: 'no_report', to: 'completed', action: 'Hoàn thành', roles: [...ASSIGNEE, ...OWNER], requires: 'completedOn' },
  { from: 'no_report', to: 'paused', action: 'Tạm dừng', roles: OWNER, requires: 'note' },
  { from: 'no_report', to: 'cancelled', action: 'Hủy nhiệm vụ', roles: OWNER, requires: 'note' },
  { from: 'not_started', to: 'in_progress', action: 'Bắt đầu thực hiện', roles: [...ASSIGNEE, ...OWNER] },
  { from: 'in_progress', to: 'submitted', action: 'Trình kết quả', roles: ASSIGNEE },
  { from: 'submitted', to: 'in_progress', action: 'Trả lại để hoàn thiện', roles: OWNER, requires: 'note' },
  { from: 'submitted', to: 'completed', action: 'Xác nhận hoàn thành', roles: OWNER, requires: 'completedOn' },
  // An instrument issued by the assignee's own authority completes the task without a submission.
  {
    from: 'in_progress',
    to: 'completed',
    action: 'Hoàn thành',
    roles: [...ASSIGNEE, ...OWNER],
    requires: 'completedOn',
  },
  { from: 'not_started', to: 'paused', action: 'Tạm dừng', roles: OWNER, requires: 'note' },
  { from: 'in_progress', to: 'paused', action: 'Tạm dừng', roles: OWNER, requires: 'note' },
  { from: 'submitted', to: 'paused', action: 'Tạm dừng', roles: OWNER, requires: 'note' },
  { from: 'paused', to: 'in_progress', action: 'Tiếp tục thực hiện', roles: OWNER },
  { from: 'not_started', to: 'cancelled', action: 'Hủy nhiệm vụ', roles: OWNER, requires: 'note' },
  { from: 'in_progress', to: 'cancelled', action: 'Hủy nhiệm vụ', roles: OWNER, requires: 'note' },
  { from: 'submitted', to: 'cancelled', action: 'Hủy nhiệm vụ', roles: OWNER, requires: 'note' },
  { from: 'paused', to: 'cancelled', action: 'Hủy nhiệm vụ', roles: OWNER, requires: 'note' },
  { from: 'completed', to: 'in_progress', action: 'Mở lại', roles: OWNER, requires: 'note' },
];

export type TransitionCheck =
  { ok: true; transition: Transition } | { ok: false; code: 'invalid_transition' | 'forbidden'; message: string };

/** Whether an actor holding `roles` may move a task from `from` to `to` (admin may make any defined move). */
export function checkTransition(from: TaskStatus, to: TaskStatus, roles: readonly Role[]): TransitionCheck {
  const t = TRANSITIONS.find((x) => x.from === from && x.to === to);
  if (!t) {
    return {
      ok: false,
      code: 'invalid_transition',
      message: `Không thể chuyển trạng thái từ "${STATUS_LABELS[from]}" sang "${STATUS_LABELS[to]}".`,
    };
  }
  if (roles.includes('admin') || t.roles.some((r) => roles.includes(r))) return { ok: true, transition: t };
  return {
    ok: false,
    code: 'forbidden',
    message: `Vai trò của bạn không được phép "${t.action}" (từ "${STATUS_LABELS[from]}" sang "${STATUS_LABELS[to]}").`,
  };
}

/** Moves open to an actor holding `roles` from a given status (for the UI's buttons). */
export function allowedMoves(from: TaskStatus, roles: readonly Role[]): Transition[] {
  return TRANSITIONS.filter(
    (t) => t.from === from && (roles.includes('admin') || t.roles.some((r) => roles.includes(r))),
  );
}
