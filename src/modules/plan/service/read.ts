/**
 * Reading the plan: status rows with lateness at an as-of date, "my agency", a task with its history, reference views.
 */
import type { Db } from '../../../db/client';
import { inForce } from '../../../domain/validity';
import { dueDate, tryParseDeadline } from '../../../domain/plan/deadline';
import {
  asOfView,
  daysLate,
  isOverdue,
  isPastDueWithoutReport,
  submissionDaysLate,
  timeliness,
} from '../../../domain/plan/lateness';
import { rollUp } from '../../../domain/plan/rollup';
import { allowedMoves, STATUS_LABELS, type TaskStatus } from '../../../domain/plan/status';
import { compareVi, todayInVietnam } from '../../../domain/text';
import { notFound } from '../../../errors';
import { hasRole, isCentral, type Actor } from '../../access/actor';
import { unitAccess } from '../../access/unit-access';
import type {
  AssignmentView,
  CommitteeDetail,
  CommitteeView,
  InstrumentView,
  MyAgencyView,
  PlanSummary,
  ProgramOverview,
  TaskDetail,
} from '../contracts';
import * as repo from '../repo';
import * as assignmentRepo from '../repo-assignments';
import * as instruments from '../repo-instruments';
import * as program from '../repo-program';
import * as sup from '../repo-supervision';
import * as tasks from '../repo-tasks';

export interface PlanStatusRow {
  id: number;
  position: string;
  title: string;
  /** agency code of the lead, null when the task is fanned out to many agencies */
  leadAgency: string | null;
  leadAgencyName: string;
  coordinators: string | null;
  /** last day allowed (ISO), null when the text gives none */
  deadline: string | null;
  deadlineText: string | null;
  deadlineVerified: boolean;
  status: TaskStatus;
  statusLabel: string;
  percent: number;
  completedOn: string | null;
  /** days the instrument (or completion) came after the deadline; null when nobody has reported */
  daysLate: number | null;
  /** the day the lead agency submitted the deliverable (trình); null when unknown */
  submittedOn: string | null;
  submittedSource: string | null;
  /** days the submission came after the deadline; null when the submission date is unknown */
  submissionDaysLate: number | null;
  /** reported, open and past due */
  overdue: boolean;
  /** past due and no report received: shown apart from the late ones */
  pastDueNoReport: boolean;
  timeliness: string;
  instrument: string | null;
  assignments: number;
  overdueAssignments: number;
  noReportAssignments: number;
  pastDueNoReportAssignments: number;
  /** the instrument that set the duty, when it is not the plan itself */
  basis: string | null;
  note: string | null;
  version: number;
  parentId: number | null;
  startOn: string | null;
}

const FAN_OUT_LABEL: Record<string, string> = {
  provinces: 'UBND các tỉnh, thành phố trực thuộc Trung ương',
  ministries: 'Các bộ, cơ quan Trung ương',
  all: 'Các bộ, cơ quan Trung ương; UBND các tỉnh, thành phố',
};

/** "3.10" after "3.9"; "2.1" right after "2". */
export function comparePosition(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d) return d;
  }
  return compareVi(a, b);
}

/** A recurring duty ("hằng năm, trước ngày 01/12") shows its next occurrence on or after the as-of date. */
function nextOccurrence(r: repo.TaskRow, asOf: string): string | null {
  if (r.deadline_kind !== 'recurring' || !r.deadline_text) return null;
  const p = tryParseDeadline(r.deadline_text);
  return p.ok ? dueDate(p.deadline, { asOf }) : null;
}

function toStatusRow(r: repo.TaskRow, asOf: string): PlanStatusRow {
  const next = nextOccurrence(r, asOf);
  const t = asOfView(
    {
      status: r.status as TaskStatus,
      due: r.due_on,
      completedOn: r.completed_on,
      percent: r.percent,
      start: r.start_on,
    },
    asOf,
  );
  return {
    id: r.id,
    position: r.position,
    title: r.title,
    leadAgency: r.lead_code,
    leadAgencyName: r.lead_name ?? FAN_OUT_LABEL[r.fan_out] ?? '',
    coordinators: r.coordinators,
    deadline: r.due_on ?? next,
    deadlineText: r.deadline_text,
    deadlineVerified: r.deadline_status === 'VERIFIED',
    status: t.status,
    statusLabel: STATUS_LABELS[t.status],
    percent: Math.round(r.percent * 10) / 10,
    completedOn: t.completedOn,
    daysLate: daysLate(t, asOf),
    submittedOn: r.submitted_on,
    submittedSource: r.submitted_source,
    submissionDaysLate: submissionDaysLate(r.due_on, r.submitted_on),
    overdue: isOverdue(t, asOf),
    pastDueNoReport: isPastDueWithoutReport(t, asOf),
    timeliness: timeliness(t, asOf),
    instrument: r.instrument,
    assignments: r.assignments,
    overdueAssignments: r.overdue_assignments,
    noReportAssignments: r.no_report_assignments,
    pastDueNoReportAssignments: r.past_due_no_report_assignments,
    basis: r.basis,
    note: r.note,
    version: r.version,
    parentId: r.parent_id,
    startOn: r.start_on,
  };
}

/** Agency ids matching a code (any version: 'UBND-01' covers old and new Hà Nội), or an id. */
export async function agencyIdsByCode(db: Db, code: string): Promise<string[]> {
  const rows = await repo.agenciesByCode(db, code);
  if (!rows.length) throw notFound(`Không tìm thấy cơ quan có mã "${code}".`);
  return rows.map((r) => r.id);
}

export interface StatusOptions {
  asOf?: string;
  agency?: string;
  overdueOnly?: boolean;
  /** one plan's tasks (default: every plan's) */
  planId?: number;
}

/** The id of the plan with this number (e.g. "1705/QĐ-TTg"); a clear error when there is none. */
export async function planIdByCode(db: Db, code: string): Promise<number> {
  const row = await tasks.findPlanByCode(db, code);
  if (!row) throw notFound(`Không có kế hoạch số "${code}".`);
  return Number(row.id);
}

/** Every task (or one agency's view of them) with lateness at the as-of date. */
export async function planStatus(db: Db, o: StatusOptions = {}): Promise<PlanStatusRow[]> {
  const asOf = o.asOf ?? todayInVietnam();
  const agencyIds = o.agency ? await agencyIdsByCode(db, o.agency) : undefined;
  const rows = await repo.listTasks(db, { asOf, agencyIds, overdueOnly: o.overdueOnly, planId: o.planId });
  return rows.map((r) => toStatusRow(r, asOf)).sort((a, b) => comparePosition(a.position, b.position));
}

/** Agencies an actor acts for: its ministry grants, and the People's Committees of the provinces it covers. */
export async function actingAgencies(db: Db, actor: Actor | null): Promise<string[]> {
  if (!actor) return [];
  const ids = new Set(
    actor.grants.filter((g) => g.role === 'ministry_lead' && g.agencyId).map((g) => g.agencyId as string),
  );
  if (hasRole(actor, 'province_officer')) {
    const access = await unitAccess(db, actor);
    const provinceGrants = actor.grants
      .filter((g) => g.role === 'province_officer' && g.unitId)
      .map((g) => g.unitId as string);
    const units = access.unitIds ? [...access.unitIds] : provinceGrants;
    for (const id of await repo.committeesOfUnits(db, units)) ids.add(id);
  }
  return [...ids];
}

/** "My agency": what we lead (or are assigned), what we coordinate, what is late. */
export async function myAgency(
  db: Db,
  actor: Actor,
  o: { asOf?: string; agency?: string } = {},
): Promise<MyAgencyView> {
  const asOf = o.asOf ?? todayInVietnam();
  let ids = await actingAgencies(db, actor);
  if (o.agency) {
    const wanted = await agencyIdsByCode(db, o.agency);
    if (!isCentral(actor) && !hasRole(actor, 'steering_member')) ids = ids.filter((x) => wanted.includes(x));
    else ids = wanted;
  }
  if (!ids.length) return { agencies: [], lead: [], coordinate: [], late: [] };
  const agencies = await repo.agencyNames(db, ids);
  const lead = (await repo.listTasks(db, { asOf, agencyIds: ids }))
    .map((r) => toStatusRow(r, asOf))
    .sort((a, b) => comparePosition(a.position, b.position));
  const coordIds = await tasks.tasksCoordinatedBy(db, ids);
  const coordinate: PlanStatusRow[] = [];
  for (const { task_id } of coordIds)
    coordinate.push(...(await repo.listTasks(db, { asOf, taskId: task_id })).map((r) => toStatusRow(r, asOf)));
  return {
    agencies,
    lead,
    coordinate,
    late: lead.filter((r) => r.overdue || r.pastDueNoReport || (r.status === 'completed' && (r.daysLate ?? 0) > 0)),
  };
}

const inForceOn = (a: { valid_from: string; valid_to: string | null }, asOf: string) =>
  inForce({ validFrom: a.valid_from, validTo: a.valid_to }, asOf);

/** A task with its assignments (what the actor may do on each), roll-up, instruments and history. */
export async function taskDetail(
  db: Db,
  taskId: number,
  asOf = todayInVietnam(),
  actor: Actor | null = null,
): Promise<TaskDetail> {
  const [row] = await repo.listTasks(db, { asOf, taskId });
  if (!row) throw notFound(`Không tìm thấy nhiệm vụ số ${taskId}.`);
  const task = toStatusRow(row, asOf);
  const mine = new Set(await actingAgencies(db, actor));
  const roles = actor ? actor.grants.map((g) => g.role) : [];
  const assignments = (await assignmentRepo.listAssignments(db, taskId)).map((a) => {
    const t = { status: a.status as TaskStatus, due: a.due_on, completedOn: a.completed_on, percent: a.percent };
    const canEdit =
      !a.valid_to &&
      (isCentral(actor) || (hasRole(actor, 'ministry_lead', 'province_officer') && mine.has(a.agency_id)));
    return {
      ...assignmentDto(a),
      daysLate: daysLate(t, asOf),
      inForce: inForceOn(a, asOf),
      overdue: inForceOn(a, asOf) && isOverdue(t, asOf),
      pastDueNoReport: inForceOn(a, asOf) && isPastDueWithoutReport(t, asOf),
      statusLabel: STATUS_LABELS[t.status],
      canEdit,
      moves: canEdit
        ? allowedMoves(t.status, roles).map((m) => ({ to: m.to, action: m.action, requires: m.requires ?? null }))
        : [],
    };
  });
  // the roll-up of the assignments in force on the as-of date (before or after a hand-over)
  const active = assignments.filter((a) => a.inForce);
  const rollup = rollUp(
    active.map((a) => ({ status: a.status, due: a.dueOn, completedOn: a.completedOn, percent: a.percent })),
    asOf,
  );
  const [instruments, history, subtasks, dependencies] = await Promise.all([
    repo.taskInstruments(db, taskId),
    repo.taskHistory(db, taskId),
    tasks.subtasksOf(db, taskId),
    tasks.prerequisitesOf(db, taskId),
  ]);
  const can = {
    recordSubmission:
      !!row.lead_agency_id && (isCentral(actor) || (hasRole(actor, 'ministry_lead') && mine.has(row.lead_agency_id))),
  };
  return { task, rollup, assignments, instruments, subtasks, dependencies, can, ...history };
}

export function assignmentDto(a: assignmentRepo.AssignmentRow): AssignmentView {
  return {
    taskId: a.task_id,
    id: a.id,
    agencyId: a.agency_id,
    agencyCode: a.agency_code,
    agencyName: a.agency_name,
    unitId: a.unit_id,
    status: a.status as TaskStatus,
    percent: a.percent,
    dueOn: a.due_on,
    completedOn: a.completed_on,
    instrument: a.instrument,
    note: a.note,
    validFrom: a.valid_from,
    validTo: a.valid_to,
    handedOverFrom: a.handed_over_from,
    version: a.version,
  };
}

export async function listInstruments(db: Db): Promise<InstrumentView[]> {
  return instruments.listInstrumentsWithTasks(db);
}

/**
 * The committees an actor may record meetings and supervision for: any for the program owner, those of the units they
 * cover for local officers.
 */
export async function recordableCommittees(
  db: Db,
  actor: Actor | null,
  committees: { id: string; unitId: string | null }[],
): Promise<Set<string>> {
  if (!actor) return new Set();
  if (isCentral(actor)) return new Set(committees.map((c) => c.id));
  const access = await unitAccess(db, actor);
  return new Set(committees.filter((c) => c.unitId && access.covers(c.unitId)).map((c) => c.id));
}

/** The committees, each with `canRecord`: whether the actor may record its meetings and supervision. */
export async function listCommittees(db: Db, actor: Actor | null): Promise<CommitteeView[]> {
  const rows = await sup.listCommittees(db);
  const recordable = await recordableCommittees(db, actor, rows);
  return rows.map((c) => ({ ...c, canRecord: recordable.has(c.id) }));
}

export async function committeeDetail(db: Db, actor: Actor | null, id: string): Promise<CommitteeDetail> {
  const c = (await listCommittees(db, actor)).find((x) => x.id === id);
  if (!c) throw notFound(`Không tìm thấy Ban Chỉ đạo "${id}".`);
  const members = await sup.committeeMembers(db, id);
  const meetings = await sup.committeeMeetings(db, id);
  return { committee: c, members, meetings };
}

export async function programOverview(db: Db): Promise<ProgramOverview> {
  const [phases, targets, projects, budget] = await Promise.all([
    program.listPhases(db),
    program.listTargets(db),
    program.listProjects(db),
    program.listBudgetLines(db),
  ]);
  return { phases, targets, projects, budget };
}

/** The plans with their issuer, task count, and whether the caller manages their tasks (see assertOwnsPlan). */
export async function listPlans(db: Db, actor: Actor | null): Promise<PlanSummary[]> {
  const rows = await tasks.listPlansWithTaskCounts(db);
  const own = isCentral(actor) ? null : new Set(await actingAgencies(db, actor));
  return rows.map((p) => ({
    ...p,
    canManage: own === null || (p.issuerAgencyId !== null && own.has(p.issuerAgencyId)),
  }));
}
