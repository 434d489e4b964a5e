import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import { addDays } from '../../domain/calendar/dates';
import { vietnamCalendar } from '../../domain/calendar/working-days';
import { dueDate, formatDeadlineVi, tryParseDeadline, type Deadline } from '../../domain/plan/deadline';
import { asOfView, daysLate, isOverdue, timeliness, TIMELINESS_LABELS } from '../../domain/plan/lateness';
import { rollUp } from '../../domain/plan/rollup';
import { allowedMoves, checkTransition, STATUS_LABELS, type TaskStatus } from '../../domain/plan/status';
import { compareVi, formatDateVi, todayInVietnam } from '../../domain/text';
import { AppError, badRequest, conflict, forbidden, invalid, notFound } from '../../errors';
import { hasRole, isCentral, type Actor } from '../access/actor';
import { unitAccess } from '../access/unit-access';
import { audit, type AuditActor } from '../audit/audit';
import * as repo from './repo';
import { sendMails, type SmtpSettings } from './smtp';
import type { AssignmentUpdate, Handover, NewComment, NewDependency, NewMeeting, NewSupervision, NewTask, RecommendationUpdate, Reorganise, TaskUpdate } from './schemas';

/* ------------------------------------------------------------------ reading */

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
  daysLate: number;
  overdue: boolean;
  timeliness: string;
  instrument: string | null;
  assignments: number;
  overdueAssignments: number;
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
  const t = asOfView({ status: r.status as TaskStatus, due: r.due_on, completedOn: r.completed_on, percent: r.percent, start: r.start_on }, asOf);
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
    overdue: isOverdue(t, asOf),
    timeliness: timeliness(t, asOf),
    instrument: r.instrument,
    assignments: r.assignments,
    overdueAssignments: r.overdue_assignments,
    note: r.note,
    version: r.version,
    parentId: r.parent_id,
    startOn: r.start_on,
  };
}

/** Agency ids matching a code (any version: 'UBND-01' covers old and new Hà Nội), or an id. */
export async function agencyIdsByCode(db: Db, code: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(`SELECT id FROM agency WHERE upper(code) = upper($1) OR id = $1`, [code]);
  if (!rows.length) throw notFound(`Không tìm thấy cơ quan có mã "${code}".`);
  return rows.map((r) => r.id);
}

export interface StatusOptions {
  asOf?: string;
  agency?: string;
  overdueOnly?: boolean;
}

/** Every task (or one agency's view of them) with lateness at the as-of date. */
export async function planStatus(db: Db, o: StatusOptions = {}): Promise<PlanStatusRow[]> {
  const asOf = o.asOf ?? todayInVietnam();
  const agencyIds = o.agency ? await agencyIdsByCode(db, o.agency) : undefined;
  const rows = await repo.listTasks(db, { asOf, agencyIds, overdueOnly: o.overdueOnly });
  return rows.map((r) => toStatusRow(r, asOf)).sort((a, b) => comparePosition(a.position, b.position));
}

/** Agencies an actor acts for: its ministry grants, and the People's Committees of the provinces it covers. */
export async function actingAgencies(db: Db, actor: Actor | null): Promise<string[]> {
  if (!actor) return [];
  const ids = new Set(actor.grants.filter((g) => g.role === 'ministry_lead' && g.agencyId).map((g) => g.agencyId as string));
  if (hasRole(actor, 'province_officer')) {
    const access = await unitAccess(db, actor);
    const provinceGrants = actor.grants.filter((g) => g.role === 'province_officer' && g.unitId).map((g) => g.unitId as string);
    const units = access.unitIds ? [...access.unitIds] : provinceGrants;
    for (const id of await repo.committeesOfUnits(db, units)) ids.add(id);
  }
  return [...ids];
}

export interface MyAgencyView {
  agencies: { id: string; name: string }[];
  lead: PlanStatusRow[];
  coordinate: PlanStatusRow[];
  late: PlanStatusRow[];
}

/** "My agency": what we lead (or are assigned), what we coordinate, what is late. */
export async function myAgency(db: Db, actor: Actor, o: { asOf?: string; agency?: string } = {}): Promise<MyAgencyView> {
  const asOf = o.asOf ?? todayInVietnam();
  let ids = await actingAgencies(db, actor);
  if (o.agency) {
    const wanted = await agencyIdsByCode(db, o.agency);
    if (!isCentral(actor) && !hasRole(actor, 'steering_member')) ids = ids.filter((x) => wanted.includes(x));
    else ids = wanted;
  }
  if (!ids.length) return { agencies: [], lead: [], coordinate: [], late: [] };
  const agencies = await db.query<{ id: string; name: string }>(`SELECT id, name FROM agency WHERE id = ANY($1::text[]) ORDER BY id`, [ids]);
  const lead = (await repo.listTasks(db, { asOf, agencyIds: ids })).map((r) => toStatusRow(r, asOf)).sort((a, b) => comparePosition(a.position, b.position));
  const coordIds = await db.query<{ task_id: number }>(`SELECT DISTINCT task_id FROM task_coordinator WHERE agency_id = ANY($1::text[])`, [ids]);
  const coordinate: PlanStatusRow[] = [];
  for (const { task_id } of coordIds) coordinate.push(...(await repo.listTasks(db, { asOf, taskId: task_id })).map((r) => toStatusRow(r, asOf)));
  return { agencies, lead, coordinate, late: lead.filter((r) => r.overdue || (r.status === 'completed' && r.daysLate > 0)) };
}

/** A task with its assignments (what the actor may do on each), roll-up, instruments and history. */
export async function taskDetail(db: Db, taskId: number, asOf = todayInVietnam(), actor: Actor | null = null) {
  const [row] = await repo.listTasks(db, { asOf, taskId });
  if (!row) throw notFound(`Không tìm thấy nhiệm vụ số ${taskId}.`);
  const task = toStatusRow(row, asOf);
  const mine = new Set(await actingAgencies(db, actor));
  const roles = actor ? actor.grants.map((g) => g.role) : [];
  const assignments = (await repo.listAssignments(db, taskId)).map((a) => {
    const t = { status: a.status as TaskStatus, due: a.due_on, completedOn: a.completed_on, percent: a.percent };
    const canEdit = !a.valid_to && (isCentral(actor) || (hasRole(actor, 'ministry_lead', 'province_officer') && mine.has(a.agency_id)));
    return {
      ...assignmentDto(a),
      daysLate: daysLate(t, asOf),
      overdue: a.valid_to ? false : isOverdue(t, asOf),
      statusLabel: STATUS_LABELS[t.status],
      canEdit,
      moves: canEdit ? allowedMoves(t.status, roles).map((m) => ({ to: m.to, action: m.action, requires: m.requires ?? null })) : [],
    };
  });
  const active = assignments.filter((a) => !a.validTo);
  const rollup = rollUp(active.map((a) => ({ status: a.status, due: a.dueOn, completedOn: a.completedOn, percent: a.percent })), asOf);
  const [instruments, history, subtasks, dependencies] = await Promise.all([
    repo.taskInstruments(db, taskId),
    repo.taskHistory(db, taskId),
    db.query<{ id: number; position: string; title: string; status: string }>(`SELECT id, position, title, status FROM task WHERE parent_id = $1 ORDER BY id`, [taskId]),
    db.query(`SELECT d.depends_on_task_id AS id, t.position, t.title, t.status FROM task_dependency d JOIN task t ON t.id = d.depends_on_task_id WHERE d.task_id = $1`, [taskId]),
  ]);
  return { task, rollup, assignments, instruments, subtasks, dependencies, ...history };
}

function assignmentDto(a: repo.AssignmentRow) {
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

/* ------------------------------------------------------------------ writing */

const by = (actor: Actor) => ({ userId: actor.userId, username: actor.username });

async function assertActsFor(db: Db, actor: Actor, agencyId: string) {
  if (isCentral(actor)) return;
  if (hasRole(actor, 'ministry_lead', 'province_officer') && (await actingAgencies(db, actor)).includes(agencyId)) return;
  throw forbidden('Bạn chỉ được cập nhật phân công của cơ quan mình.');
}

async function refreshRollup(tx: Db, taskId: number, asOf: string) {
  const items = await repo.activeAssignmentsForRollup(tx, taskId);
  const r = rollUp(items.map((i) => ({ status: i.status as TaskStatus, due: i.due_on, completedOn: i.completed_on, percent: i.percent })), asOf);
  await repo.setTaskRollup(tx, taskId, { status: r.status, percent: r.percent, completedOn: r.completedOn });
  return r;
}

/**
 * An agency updates its assignment: progress (percent + narrative), a status move allowed to its role,
 * completion with its instrument. Optimistic concurrency: a stale `version` is refused with 409 and
 * both versions, nothing is overwritten.
 */
export async function updateAssignment(db: Db, actor: Actor, taskId: number, assignmentId: number, input: AssignmentUpdate) {
  const today = todayInVietnam();
  return db.tx(async (tx) => {
    const current = await repo.getAssignment(tx, taskId, assignmentId, true);
    if (!current) throw notFound(`Không tìm thấy phân công số ${assignmentId} của nhiệm vụ ${taskId}.`);
    await assertActsFor(tx, actor, current.agency_id);
    if (current.valid_to) throw badRequest('Phân công này đã được bàn giao cho cơ quan khác; hãy cập nhật phân công mới.');
    if (input.version !== current.version) {
      throw conflict(
        `Phân công đã được người khác cập nhật (phiên bản ${current.version}, bạn đang sửa phiên bản ${input.version}). Không có gì bị ghi đè: hãy xem lại hai phiên bản rồi lưu lại.`,
        { yours: input, current: assignmentDto(current) },
      );
    }
    let status = current.status as TaskStatus;
    let completedOn = current.completed_on;
    let percent = input.percent ?? current.percent;
    let changed: { from: TaskStatus; to: TaskStatus; note: string | null } | null = null;
    if (input.status && input.status !== current.status) {
      const check = checkTransition(status, input.status, actor.grants.map((g) => g.role));
      if (!check.ok) throw new AppError(check.code === 'forbidden' ? 403 : 409, check.code, check.message);
      if (check.transition.requires === 'note' && !input.note) {
        throw invalid('Dữ liệu không hợp lệ', [{ path: 'body.note', message: `Cần ghi lý do khi "${check.transition.action}".` }]);
      }
      changed = { from: status, to: input.status, note: input.note ?? null };
      status = input.status;
      if (status === 'completed') {
        completedOn = input.completedOn ?? today;
        percent = 100;
      } else completedOn = null;
    } else if (input.completedOn && status === 'completed') completedOn = input.completedOn;
    if (completedOn && completedOn > today) throw invalid('Dữ liệu không hợp lệ', [{ path: 'body.completedOn', message: 'Ngày hoàn thành không được sau hôm nay.' }]);
    let instrumentId: number | null = null;
    if (input.instrumentNumber) {
      const i = await tx.maybeOne<{ id: number }>(`SELECT id FROM legal_instrument WHERE number = $1`, [input.instrumentNumber]);
      if (!i) throw invalid('Dữ liệu không hợp lệ', [{ path: 'body.instrumentNumber', message: `Văn bản "${input.instrumentNumber}" chưa có trong sổ văn bản.` }]);
      instrumentId = i.id;
      await tx.query(`INSERT INTO task_instrument (task_id, instrument_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [taskId, i.id]);
    }
    const note = input.note ?? current.note;
    const version = await repo.updateAssignmentRow(tx, taskId, assignmentId, current.version, { status, percent, completedOn, note, instrumentId });
    if (version === null) throw conflict('Phân công vừa được người khác cập nhật; hãy tải lại.', { yours: input });
    if (changed) await repo.insertStatusChange(tx, taskId, assignmentId, changed.from, changed.to, changed.note, actor.userId, actor.displayName);
    if (input.percent !== undefined || input.narrative) {
      await repo.insertProgress(tx, taskId, assignmentId, input.reportedOn ?? today, percent, input.narrative ?? '', actor.userId, actor.displayName);
    }
    const after = (await repo.getAssignment(tx, taskId, assignmentId))!;
    await audit(tx, by(actor), {
      action: 'plan.assignment.update',
      entity: 'task_assignment',
      entityId: `${taskId}/${assignmentId}`,
      agencyId: current.agency_id,
      unitId: current.unit_id,
      before: assignmentDto(current),
      after: assignmentDto(after),
    });
    const rollup = await refreshRollup(tx, taskId, today);
    if (changed) await notifyStatusChange(tx, taskId, current.agency_id, changed.to, actor);
    return { assignment: assignmentDto(after), rollup };
  });
}

function parseDeadlineOr422(text: string | undefined, path: string): Deadline | null {
  if (!text) return null;
  const r = tryParseDeadline(text);
  if (!r.ok) throw invalid('Dữ liệu không hợp lệ', [{ path, message: r.message }]);
  return r.deadline;
}

/**
 * The last day allowed: a date or period has it; a relative deadline ("trong vòng 15 ngày làm việc")
 * counts from the task's start date with Vietnam's working-day calendar; a recurring one has no single day.
 */
const dueOf = (d: Deadline | null, anchor?: string | null) =>
  d ? (d.kind === 'date' || d.kind === 'period' ? d.due : d.kind === 'relative' && anchor ? dueDate(d, { anchor, calendar: vietnamCalendar }) : null) : null;

async function assertAgencyInForce(tx: Db, agencyId: string, onDate: string, path: string) {
  const a = await repo.agencyAt(tx, agencyId, onDate);
  if (!a) throw invalid('Dữ liệu không hợp lệ', [{ path, message: `Không có cơ quan mã "${agencyId}".` }]);
  if (!a.inForce) {
    throw invalid('Dữ liệu không hợp lệ', [
      { path, message: `${a.name} không tồn tại vào ngày ${formatDateVi(onDate)} (hiệu lực từ ${formatDateVi(a.valid_from)}${a.valid_to ? ` đến trước ${formatDateVi(a.valid_to)}` : ''}).` },
    ]);
  }
}

export async function createTask(db: Db, actor: Actor, input: NewTask) {
  const startOn = input.startOn ?? todayInVietnam();
  const deadline = parseDeadlineOr422(input.deadline, 'body.deadline');
  if (input.fanOut === 'none' && !input.leadAgencyId) throw invalid('Dữ liệu không hợp lệ', [{ path: 'body.leadAgencyId', message: 'Cần cơ quan chủ trì, hoặc giao cho tất cả các tỉnh / bộ.' }]);
  return db.tx(async (tx) => {
    if (!(await tx.maybeOne(`SELECT 1 FROM plan WHERE id = $1`, [input.planId]))) throw notFound(`Không tìm thấy kế hoạch số ${input.planId}.`);
    if (input.leadAgencyId) await assertAgencyInForce(tx, input.leadAgencyId, startOn, 'body.leadAgencyId');
    for (const [i, c] of input.coordinatorIds.entries()) await assertAgencyInForce(tx, c, startOn, `body.coordinatorIds.${i}`);
    const row = await tx.one<{ id: number }>(
      `INSERT INTO task (plan_id, parent_id, position, title, lead_agency_id, fan_out, deadline_text, deadline_kind, due_on, start_on, deliverable_kind, note, fact_status, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'VERIFIED', $13) RETURNING id`,
      [input.planId, input.parentId ?? null, input.position, input.title, input.fanOut === 'none' ? input.leadAgencyId : null, input.fanOut,
       input.deadline ?? null, deadline?.kind ?? null, dueOf(deadline, startOn), startOn, input.deliverableKind ?? null, input.note ?? null, `Nhập bởi ${actor.username}`],
    );
    const targets = input.fanOut !== 'none' ? await repo.fanOutAgencies(tx, input.fanOut, startOn) : [{ agencyId: input.leadAgencyId!, unitId: null }];
    await tx.query(
      `INSERT INTO task_assignment (task_id, agency_id, unit_id, valid_from) SELECT $1, a, u, $4 FROM unnest($2::text[], $3::text[]) AS x (a, u)`,
      [row.id, targets.map((t) => t.agencyId), targets.map((t) => t.unitId), startOn],
    );
    for (const c of input.coordinatorIds) await tx.query(`INSERT INTO task_coordinator (task_id, agency_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [row.id, c]);
    await audit(tx, by(actor), { action: 'plan.task.create', entity: 'task', entityId: row.id, agencyId: input.leadAgencyId ?? null, after: { ...input, assignments: targets.length } });
    return { id: row.id, assignments: targets.length };
  });
}

export async function updateTask(db: Db, actor: Actor, taskId: number, input: TaskUpdate) {
  const deadline = parseDeadlineOr422(input.deadline, 'body.deadline');
  return db.tx(async (tx) => {
    const current = await tx.maybeOne<{ id: number; title: string; deadline_text: string | null; due_on: string | null; note: string | null; version: number; start_on: string | null }>(
      `SELECT id, title, deadline_text, due_on, note, version, start_on FROM task WHERE id = $1 FOR UPDATE`,
      [taskId],
    );
    if (!current) throw notFound(`Không tìm thấy nhiệm vụ số ${taskId}.`);
    if (current.version !== input.version) {
      throw conflict(
        `Nhiệm vụ đã được người khác sửa (phiên bản ${current.version}, bạn đang sửa phiên bản ${input.version}). Không có gì bị ghi đè: hãy xem lại hai phiên bản rồi lưu lại.`,
        { yours: input, current },
      );
    }
    const next = {
      title: input.title ?? current.title,
      deadline_text: input.deadline ?? current.deadline_text,
      due_on: input.deadline !== undefined ? dueOf(deadline, current.start_on) : current.due_on,
      note: input.note !== undefined ? input.note : current.note,
    };
    const after = await tx.one(
      `UPDATE task SET title = $2, deadline_text = $3, deadline_kind = COALESCE($4, deadline_kind), due_on = $5, note = $6, version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING id, title, deadline_text, due_on, note, version`,
      [taskId, next.title, next.deadline_text, deadline?.kind ?? null, next.due_on, next.note],
    );
    await audit(tx, by(actor), { action: 'plan.task.update', entity: 'task', entityId: taskId, before: current, after });
    return after;
  });
}

/** Hand an assignment over to another agency (reorganisation) without losing its history. */
export async function handOver(db: Db, actor: Actor, taskId: number, assignmentId: number, input: Handover) {
  return db.tx(async (tx) => {
    const current = await repo.getAssignment(tx, taskId, assignmentId, true);
    if (!current) throw notFound(`Không tìm thấy phân công số ${assignmentId} của nhiệm vụ ${taskId}.`);
    if (current.valid_to) throw badRequest('Phân công này đã được bàn giao trước đó.');
    if (input.toAgencyId === current.agency_id) throw badRequest('Cơ quan nhận bàn giao trùng với cơ quan hiện tại.');
    if (input.onDate <= current.valid_from) throw invalid('Dữ liệu không hợp lệ', [{ path: 'body.onDate', message: `Ngày bàn giao phải sau ngày giao nhiệm vụ (${formatDateVi(current.valid_from)}).` }]);
    await assertAgencyInForce(tx, input.toAgencyId, input.onDate, 'body.toAgencyId');
    if (await tx.maybeOne(`SELECT 1 FROM task_assignment WHERE task_id = $1 AND agency_id = $2 AND valid_to IS NULL`, [taskId, input.toAgencyId])) {
      throw conflict('Cơ quan nhận đã có phân công đang hiệu lực cho nhiệm vụ này.');
    }
    await tx.query(`UPDATE task_assignment SET valid_to = $3, version = version + 1, updated_at = now() WHERE task_id = $1 AND id = $2`, [taskId, assignmentId, input.onDate]);
    const unit = await tx.maybeOne<{ unit_id: string | null }>(`SELECT unit_id FROM agency WHERE id = $1`, [input.toAgencyId]);
    const created = await tx.one<{ id: number }>(
      `INSERT INTO task_assignment (task_id, agency_id, unit_id, status, percent, due_on, completed_on, instrument_id, note, valid_from, handed_over_from)
       SELECT task_id, $3, $4, status, percent, due_on, completed_on, instrument_id, $5, $6, id FROM task_assignment WHERE task_id = $1 AND id = $2 RETURNING id`,
      [taskId, assignmentId, input.toAgencyId, unit?.unit_id ?? null, input.note ?? current.note, input.onDate],
    );
    await audit(tx, by(actor), {
      action: 'plan.assignment.handover',
      entity: 'task_assignment',
      entityId: `${taskId}/${assignmentId}`,
      agencyId: current.agency_id,
      before: assignmentDto(current),
      after: { toAgencyId: input.toAgencyId, onDate: input.onDate, newAssignmentId: created.id },
    });
    await refreshRollup(tx, taskId, todayInVietnam());
    return { id: created.id };
  });
}

export async function addComment(db: Db, actor: Actor, taskId: number, input: NewComment) {
  return db.tx(async (tx) => {
    if (!(await tx.maybeOne(`SELECT 1 FROM task WHERE id = $1`, [taskId]))) throw notFound(`Không tìm thấy nhiệm vụ số ${taskId}.`);
    if (input.toAgencyId && !(await repo.agencyAt(tx, input.toAgencyId, todayInVietnam()))) {
      throw invalid('Dữ liệu không hợp lệ', [{ path: 'body.toAgencyId', message: `Không có cơ quan mã "${input.toAgencyId}".` }]);
    }
    const from = (await actingAgencies(tx, actor))[0] ?? null;
    const row = await tx.one<{ id: number }>(
      `INSERT INTO task_comment (task_id, assignment_id, kind, from_agency_id, to_agency_id, body, by_user_id, by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [taskId, input.assignmentId ?? null, input.kind, from, input.toAgencyId ?? null, input.body, actor.userId, actor.displayName],
    );
    await audit(tx, by(actor), { action: 'plan.comment.create', entity: 'task_comment', entityId: `${taskId}/${row.id}`, agencyId: from, after: input });
    if (input.toAgencyId) {
      await notifyAgencyUsers(tx, input.toAgencyId, { kind: 'comment', taskId, title: `Ý kiến mới về nhiệm vụ ${taskId}`, body: input.body.slice(0, 300) });
    }
    return { id: row.id };
  });
}

/* ------------------------------------------------------------ evidence files */

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_TYPES: Record<string, string[]> = {
  pdf: ['application/pdf'],
  doc: ['application/msword'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xls: ['application/vnd.ms-excel'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  odt: ['application/vnd.oasis.opendocument.text'],
  ods: ['application/vnd.oasis.opendocument.spreadsheet'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  png: ['image/png'],
};

export async function addEvidence(db: Db, actor: Actor, taskId: number, assignmentId: number, file: { name: string; type: string; bytes: Uint8Array }) {
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  const allowed = EVIDENCE_TYPES[ext];
  if (!allowed || (file.type && file.type !== 'application/octet-stream' && !allowed.includes(file.type))) {
    throw invalid('Dữ liệu không hợp lệ', [{ path: 'file', message: `Loại tệp "${file.name}" không được phép; chỉ nhận ${Object.keys(EVIDENCE_TYPES).join(', ')}.` }]);
  }
  if (file.bytes.length > EVIDENCE_MAX_BYTES) {
    throw invalid('Dữ liệu không hợp lệ', [{ path: 'file', message: `Tệp "${file.name}" quá lớn (${(file.bytes.length / 1048576).toFixed(1)} MB); tối đa 10 MB.` }]);
  }
  if (file.bytes.length === 0) throw invalid('Dữ liệu không hợp lệ', [{ path: 'file', message: 'Tệp rỗng.' }]);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return db.tx(async (tx) => {
    const a = await repo.getAssignment(tx, taskId, assignmentId);
    if (!a) throw notFound(`Không tìm thấy phân công số ${assignmentId} của nhiệm vụ ${taskId}.`);
    await assertActsFor(tx, actor, a.agency_id);
    const row = await tx.one<{ id: number }>(
      `INSERT INTO evidence_file (task_id, progress_id, file_name, content_type, size_bytes, sha256, content, by_user_id)
       VALUES ($1, NULL, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [taskId, file.name, allowed[0], file.bytes.length, sha256, Buffer.from(file.bytes), actor.userId],
    );
    await audit(tx, by(actor), { action: 'plan.evidence.create', entity: 'evidence_file', entityId: `${taskId}/${row.id}`, agencyId: a.agency_id, after: { fileName: file.name, size: file.bytes.length, sha256 } });
    return { id: row.id, sha256, sizeBytes: file.bytes.length };
  });
}

export async function getEvidence(db: Db, taskId: number, id: number) {
  const row = await db.maybeOne<{ file_name: string; content_type: string; content: Buffer; sha256: string }>(
    `SELECT file_name, content_type, content, sha256 FROM evidence_file WHERE task_id = $1 AND id = $2`,
    [taskId, id],
  );
  if (!row) throw notFound('Không tìm thấy tệp minh chứng.');
  return row;
}

/* --------------------------------------------------- notifications & digest */

async function notifyUsers(tx: Db, userIds: number[], n: { kind: string; taskId: number | null; title: string; body: string }) {
  if (!userIds.length) return;
  await tx.query(
    `INSERT INTO notification (user_id, kind, task_id, title, body) SELECT u, $2, $3, $4, $5 FROM unnest($1::bigint[]) AS u`,
    [userIds, n.kind, n.taskId, n.title, n.body],
  );
}

async function notifyAgencyUsers(tx: Db, agencyId: string, n: { kind: string; taskId: number; title: string; body: string }) {
  const users = await tx.query<{ user_id: number }>(
    `SELECT DISTINCT g.user_id FROM user_grant g JOIN app_user u ON u.id = g.user_id
      WHERE u.active AND (g.agency_id = $1 OR (g.role = 'province_officer' AND g.unit_id IN (
        SELECT l.to_unit_id FROM unit_lineage l JOIN agency a ON a.unit_id = l.from_unit_id WHERE a.id = $1 AND l.resolved
        UNION SELECT unit_id FROM agency WHERE id = $1)))`,
    [agencyId],
  );
  await notifyUsers(tx, users.map((u) => u.user_id), n);
}

async function notifyStatusChange(tx: Db, taskId: number, agencyId: string, to: TaskStatus, actor: Actor) {
  const title = `Nhiệm vụ ${taskId}: ${STATUS_LABELS[to]}`;
  const body = `${actor.displayName} chuyển trạng thái sang "${STATUS_LABELS[to]}".`;
  if (to === 'submitted') {
    const owners = await tx.query<{ user_id: number }>(`SELECT DISTINCT g.user_id FROM user_grant g JOIN app_user u ON u.id = g.user_id WHERE u.active AND g.role = 'program_owner'`);
    await notifyUsers(tx, owners.map((o) => o.user_id), { kind: 'status', taskId, title, body });
  } else {
    await notifyAgencyUsers(tx, agencyId, { kind: 'status', taskId, title, body });
  }
}

export async function listNotifications(db: Db, actor: Actor) {
  return db.query(
    `SELECT id, kind, task_id AS "taskId", title, body, digest_on AS "digestOn", created_at AS "createdAt", read_at AS "readAt"
       FROM notification WHERE user_id = $1 ORDER BY id DESC LIMIT 100`,
    [actor.userId],
  );
}

export async function markNotificationRead(db: Db, actor: Actor, id: number) {
  return db.tx(async (tx) => {
    const row = await tx.maybeOne(`UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE user_id = $1 AND id = $2 RETURNING id`, [actor.userId, id]);
    if (!row) throw notFound('Không tìm thấy thông báo.');
    await audit(tx, by(actor), { action: 'plan.notification.read', entity: 'notification', entityId: `${actor.userId}/${id}` });
    return { ok: true };
  });
}

export interface DigestCounts {
  dueSoon: number;
  dueToday: number;
  overdue: number;
}

export const DIGEST_WINDOW_DAYS = 7;

/**
 * The daily digest for every active user with a scope: what is due in 7 days, due today and overdue —
 * per agency for ministry and province users, over the whole plan for central users and steering
 * members. One in-app notification per user and day, and an e-mail in the outbox when the user has an
 * address. Running it twice the same day adds nothing.
 */
export async function runDigest(db: Db, asOf = todayInVietnam()) {
  const soon = addDays(asOf, DIGEST_WINDOW_DAYS);
  const perAgency = await db.query<{ agency_id: string } & DigestCounts>(
    `SELECT a.agency_id,
            count(*) FILTER (WHERE COALESCE(a.due_on, t.due_on) > $1 AND COALESCE(a.due_on, t.due_on) <= $2)::int AS "dueSoon",
            count(*) FILTER (WHERE COALESCE(a.due_on, t.due_on) = $1)::int AS "dueToday",
            count(*) FILTER (WHERE COALESCE(a.due_on, t.due_on) < $1)::int AS overdue
       FROM task_assignment a JOIN task t ON t.id = a.task_id
      WHERE a.valid_to IS NULL AND a.status NOT IN ('completed', 'cancelled') AND COALESCE(a.due_on, t.due_on) <= $2
      GROUP BY a.agency_id`,
    [asOf, soon],
  );
  const byAgency = new Map(perAgency.map((r) => [r.agency_id, r]));
  const whole = await db.one<DigestCounts>(
    `SELECT count(*) FILTER (WHERE due_on > $1 AND due_on <= $2)::int AS "dueSoon", count(*) FILTER (WHERE due_on = $1)::int AS "dueToday",
            count(*) FILTER (WHERE due_on < $1)::int AS overdue
       FROM task WHERE status NOT IN ('completed', 'cancelled') AND due_on <= $2`,
    [asOf, soon],
  );
  const users = await db.query<{ id: number; email: string | null; display_name: string; role: string; agency_id: string | null; unit_id: string | null }>(
    `SELECT u.id, u.email, u.display_name, g.role, g.agency_id, g.unit_id FROM app_user u JOIN user_grant g ON g.user_id = u.id WHERE u.active ORDER BY u.id`,
  );
  // Province users: the People's Committees of their province and of the old provinces that roll up into it.
  const pcs = await db.query<{ unit_id: string; agency_id: string }>(
    `SELECT g.unit_id, a.id AS agency_id FROM user_grant g JOIN agency a ON a.kind = 'people_committee'
        AND (a.unit_id = g.unit_id OR a.unit_id IN (SELECT from_unit_id FROM unit_lineage WHERE to_unit_id = g.unit_id AND resolved))
      WHERE g.role = 'province_officer'`,
  );
  const pcOf = new Map<string, string[]>();
  for (const r of pcs) pcOf.set(r.unit_id, [...(pcOf.get(r.unit_id) ?? []), r.agency_id]);
  const perUser = new Map<number, { email: string | null; name: string; counts: DigestCounts }>();
  for (const u of users) {
    let c: DigestCounts | null = null;
    if (u.role === 'admin' || u.role === 'program_owner' || u.role === 'steering_member') c = whole;
    else {
      const agencies = u.role === 'ministry_lead' && u.agency_id ? [u.agency_id] : u.role === 'province_officer' && u.unit_id ? (pcOf.get(u.unit_id) ?? []) : [];
      c = { dueSoon: 0, dueToday: 0, overdue: 0 };
      for (const a of agencies) {
        const x = byAgency.get(a);
        if (x) (c.dueSoon += x.dueSoon), (c.dueToday += x.dueToday), (c.overdue += x.overdue);
      }
    }
    const prev = perUser.get(u.id);
    if (prev) {
      if (c !== whole) prev.counts = { dueSoon: prev.counts.dueSoon + c.dueSoon, dueToday: prev.counts.dueToday + c.dueToday, overdue: prev.counts.overdue + c.overdue };
      else prev.counts = whole;
    } else perUser.set(u.id, { email: u.email, name: u.display_name, counts: { ...c } });
  }
  const ids: number[] = [];
  const bodies: string[] = [];
  const emails: string[] = [];
  for (const [id, u] of perUser) {
    const { dueSoon, dueToday, overdue } = u.counts;
    if (!dueSoon && !dueToday && !overdue) continue;
    ids.push(id);
    bodies.push(`Đến hạn trong ${DIGEST_WINDOW_DAYS} ngày: ${dueSoon}; đến hạn hôm nay: ${dueToday}; quá hạn: ${overdue}.`);
    emails.push(u.email ?? '');
  }
  const title = `Tổng hợp nhiệm vụ ngày ${formatDateVi(asOf)}`;
  return db.tx(async (tx) => {
    const inserted = await tx.query<{ user_id: number }>(
      `INSERT INTO notification (user_id, kind, title, body, digest_on)
       SELECT u, 'digest', $3, b, $4 FROM unnest($1::bigint[], $2::text[]) AS x (u, b)
       ON CONFLICT (user_id, digest_on) WHERE kind = 'digest' DO NOTHING RETURNING user_id`,
      [ids, bodies, title, asOf],
    );
    const fresh = new Set(inserted.map((r) => r.user_id));
    const mail = ids.map((id, i) => [id, emails[i], bodies[i]] as const).filter(([id, email]) => fresh.has(id) && email);
    await tx.query(
      `INSERT INTO email_outbox (user_id, to_address, subject, body) SELECT u, e, $3, b FROM unnest($1::bigint[], $2::text[], $4::text[]) AS x (u, e, b)`,
      [mail.map((m) => m[0]), mail.map((m) => m[1]), `[giamngheo] ${title}`, mail.map((m) => m[2])],
    );
    await audit(tx, null, { action: 'plan.digest.run', entity: 'notification', entityId: asOf, after: { users: perUser.size, notifications: fresh.size, emails: mail.length } });
    return { asOf, users: perUser.size, notifications: fresh.size, emails: mail.length };
  });
}

/* --------------------------------------------------------- reference views */

export async function listInstruments(db: Db) {
  return db.query(
    `SELECT li.id, li.kind, li.number, li.title, li.issuer, li.signer, li.issued_on AS "issuedOn", li.effective_on AS "effectiveOn", li.status, li.note,
            li.fact_status AS "factStatus", li.source,
            (SELECT json_agg(json_build_object('id', t.id, 'position', t.position, 'dueOn', t.due_on)) FROM task_instrument ti JOIN task t ON t.id = ti.task_id WHERE ti.instrument_id = li.id) AS tasks
       FROM legal_instrument li ORDER BY li.issued_on NULLS LAST, li.id`,
  );
}

export async function listCommittees(db: Db) {
  return db.query(
    `SELECT c.id, c.level, c.name, c.programs, c.unit_id AS "unitId", c.valid_from AS "validFrom", c.valid_to AS "validTo", li.number AS instrument, c.fact_status AS "factStatus", c.source,
            (SELECT count(*)::int FROM committee_member m WHERE m.committee_id = c.id) AS members
       FROM steering_committee c LEFT JOIN legal_instrument li ON li.id = c.instrument_id ORDER BY c.valid_from`,
  );
}

export async function committeeDetail(db: Db, id: string) {
  const c = (await listCommittees(db)).find((x) => (x as { id: string }).id === id);
  if (!c) throw notFound(`Không tìm thấy Ban Chỉ đạo "${id}".`);
  const members = await db.query(
    `SELECT m.id, m.role, m.person_name AS "personName", m.position, m.agency_id AS "agencyId", m.valid_from AS "validFrom", m.valid_to AS "validTo", li.number AS instrument, m.fact_status AS "factStatus"
       FROM committee_member m LEFT JOIN legal_instrument li ON li.id = m.instrument_id WHERE m.committee_id = $1 ORDER BY m.id`,
    [id],
  );
  const meetings = await db.query(`SELECT id, held_on AS "heldOn", title, minutes_ref AS "minutesRef" FROM committee_meeting WHERE committee_id = $1 ORDER BY held_on`, [id]);
  return { committee: c, members, meetings };
}

export async function programOverview(db: Db) {
  const [phases, targets, projects, budget] = await Promise.all([
    db.query(`SELECT id, name, start_year AS "startYear", end_year AS "endYear", legal_basis AS "legalBasis", objective, fact_status AS "factStatus", source FROM program_phase ORDER BY start_year`),
    db.query(`SELECT phase_id AS "phaseId", code, name, value_text AS value, fact_status AS "factStatus", source FROM program_target ORDER BY phase_id, code`),
    db.query(`SELECT p.phase_id AS "phaseId", p.code, p.parent_code AS "parentCode", p.name, p.name_en AS "nameEn", g.name AS "leadAgency", p.lead_note AS "leadNote", p.fact_status AS "factStatus", p.source
                FROM program_project p LEFT JOIN agency g ON g.id = p.lead_agency_id ORDER BY p.phase_id, p.code`),
    db.query(`SELECT phase_id AS "phaseId", funding, capital_type AS "capitalType", amount_bn_vnd::float8 AS "amountBnVnd", fact_status AS "factStatus", source FROM program_budget ORDER BY phase_id, funding, capital_type`),
  ]);
  return { phases, targets, projects, budget };
}

export const TIMELINESS = TIMELINESS_LABELS;
export { formatDeadlineVi };

/* ------------------------------------------- meetings, supervision, follow-up */

/** A steering-committee meeting; conclusions that assign work become tasks (same transaction). */
export async function createMeeting(db: Db, actor: Actor, committeeId: string, input: NewMeeting) {
  return db.tx(async (tx) => {
    if (!(await tx.maybeOne(`SELECT 1 FROM steering_committee WHERE id = $1`, [committeeId]))) throw notFound(`Không tìm thấy Ban Chỉ đạo "${committeeId}".`);
    const m = await tx.one<{ id: number }>(`INSERT INTO committee_meeting (committee_id, held_on, title, minutes_ref) VALUES ($1, $2, $3, $4) RETURNING id`, [
      committeeId, input.heldOn, input.title, input.minutesRef ?? null,
    ]);
    const conclusions: { id: number; taskId: number | null }[] = [];
    for (const [i, c] of input.conclusions.entries()) {
      let taskId: number | null = null;
      if (c.task) {
        const created = await createTask(tx, actor, {
          planId: c.task.planId, position: c.task.position, title: c.body, leadAgencyId: c.task.leadAgencyId, fanOut: c.task.fanOut,
          coordinatorIds: [], deadline: c.task.deadline, startOn: input.heldOn, note: `Kết luận cuộc họp "${input.title}" (${formatDateVi(input.heldOn)}), mục ${i + 1}.`,
        });
        taskId = created.id;
      }
      const row = await tx.one<{ id: number }>(`INSERT INTO meeting_conclusion (meeting_id, body, task_id) VALUES ($1, $2, $3) RETURNING id`, [m.id, c.body, taskId]);
      conclusions.push({ id: row.id, taskId });
    }
    await audit(tx, by(actor), { action: 'plan.meeting.create', entity: 'committee_meeting', entityId: m.id, after: input });
    return { id: m.id, conclusions };
  });
}

/** A supervision / inspection plan with its visits, findings and recommendations (deadlines parsed). */
export async function createSupervision(db: Db, actor: Actor, input: NewSupervision) {
  // parse every deadline first: nothing is written when one is wrong
  const problems: { path: string; message: string }[] = [];
  const dues = input.visits.map((v, vi) =>
    v.findings.map((f, fi) =>
      f.recommendations.map((r, ri) => {
        if (!r.deadline) return null;
        const p = tryParseDeadline(r.deadline);
        if (!p.ok) {
          problems.push({ path: `body.visits.${vi}.findings.${fi}.recommendations.${ri}.deadline`, message: p.message });
          return null;
        }
        return dueOf(p.deadline);
      }),
    ),
  );
  if (problems.length) throw invalid('Dữ liệu không hợp lệ', problems);
  return db.tx(async (tx) => {
    const plan = await tx.one<{ id: number }>(
      `INSERT INTO supervision_plan (committee_id, agency_id, kind, title, year, legal_basis) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.committeeId ?? null, input.agencyId ?? null, input.kind, input.title, input.year, input.legalBasis ?? null],
    );
    let recommendations = 0;
    for (const [vi, v] of input.visits.entries()) {
      const visit = await tx.one<{ id: number }>(`INSERT INTO supervision_visit (plan_id, unit_id, agency_id, visited_on, team) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
        plan.id, v.unitId ?? null, v.agencyId ?? null, v.visitedOn, v.team ?? null,
      ]);
      for (const [fi, f] of v.findings.entries()) {
        const finding = await tx.one<{ id: number }>(`INSERT INTO supervision_finding (visit_id, body, severity) VALUES ($1, $2, $3) RETURNING id`, [visit.id, f.body, f.severity]);
        for (const [ri, r] of f.recommendations.entries()) {
          await tx.query(`INSERT INTO supervision_recommendation (finding_id, body, addressee_agency_id, deadline_text, due_on) VALUES ($1, $2, $3, $4, $5)`, [
            finding.id, r.body, r.addresseeAgencyId ?? null, r.deadline ?? null, dues[vi][fi][ri],
          ]);
          recommendations++;
        }
      }
    }
    await audit(tx, by(actor), { action: 'plan.supervision.create', entity: 'supervision_plan', entityId: plan.id, agencyId: input.agencyId ?? null, after: input });
    return { id: plan.id, recommendations };
  });
}

/** Recommendations and their follow-up, with lateness at the as-of date. */
export async function listRecommendations(db: Db, asOf = todayInVietnam()) {
  const rows = await db.query<{
    id: number; body: string; status: string; due_on: string | null; closed_on: string | null; deadline_text: string | null; follow_up: string | null; version: number;
    addressee: string | null; finding: string; plan_title: string; kind: string; visited_on: string;
  }>(
    `SELECT r.id, r.body, r.status, r.due_on, r.closed_on, r.deadline_text, r.follow_up, r.version, g.name AS addressee, f.body AS finding, p.title AS plan_title, p.kind, v.visited_on
       FROM supervision_recommendation r JOIN supervision_finding f ON f.id = r.finding_id JOIN supervision_visit v ON v.id = f.visit_id
       JOIN supervision_plan p ON p.id = v.plan_id LEFT JOIN agency g ON g.id = r.addressee_agency_id ORDER BY r.id`,
  );
  return rows.map((r) => {
    const t = { status: (r.status === 'closed' ? 'completed' : 'in_progress') as TaskStatus, due: r.due_on, completedOn: r.closed_on };
    return { ...r, daysLate: daysLate(t, asOf), overdue: isOverdue(t, asOf) };
  });
}

/** Follow-up of a recommendation to closure (program owner, or the addressee agency's officers). */
export async function updateRecommendation(db: Db, actor: Actor, id: number, input: RecommendationUpdate) {
  return db.tx(async (tx) => {
    const cur = await tx.maybeOne<{ id: number; status: string; addressee_agency_id: string | null; follow_up: string | null; closed_on: string | null; version: number }>(
      `SELECT id, status, addressee_agency_id, follow_up, closed_on, version FROM supervision_recommendation WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!cur) throw notFound(`Không tìm thấy kiến nghị số ${id}.`);
    if (!isCentral(actor)) {
      if (!cur.addressee_agency_id) throw forbidden('Kiến nghị này không gửi cơ quan của bạn.');
      await assertActsFor(tx, actor, cur.addressee_agency_id);
    }
    if (cur.version !== input.version) {
      throw conflict(`Kiến nghị đã được người khác cập nhật (phiên bản ${cur.version}, bạn đang sửa phiên bản ${input.version}). Không có gì bị ghi đè.`, { yours: input, current: cur });
    }
    const closedOn = input.status === 'closed' ? (input.closedOn ?? todayInVietnam()) : null;
    const after = await tx.one(
      `UPDATE supervision_recommendation SET status = $2, follow_up = COALESCE($3, follow_up), closed_on = $4, version = version + 1 WHERE id = $1
       RETURNING id, status, follow_up, closed_on, version`,
      [id, input.status, input.followUp ?? null, closedOn],
    );
    await audit(tx, by(actor), { action: 'plan.recommendation.update', entity: 'supervision_recommendation', entityId: id, agencyId: cur.addressee_agency_id, before: cur, after });
    return after;
  });
}

/** Sends pending e-mails of the outbox by SMTP; a failure is kept on the row and retried next time (5 attempts). */
export async function sendOutbox(db: Db, settings: SmtpSettings, limit = 200) {
  const pending = await db.query<{ user_id: number; id: number; to_address: string; subject: string; body: string }>(
    `SELECT user_id, id, to_address, subject, body FROM email_outbox WHERE sent_at IS NULL AND attempts < 5 ORDER BY created_at, id LIMIT $1`,
    [limit],
  );
  if (!pending.length) return { sent: 0, failed: 0 };
  const results = await sendMails(settings, pending.map((p) => ({ to: p.to_address, subject: p.subject, body: p.body })));
  let sent = 0;
  await db.tx(async (tx) => {
    for (const [i, p] of pending.entries()) {
      if (results[i] === null) sent++;
      await tx.query(
        `UPDATE email_outbox SET attempts = attempts + 1, sent_at = CASE WHEN $3::text IS NULL THEN now() ELSE NULL END, last_error = $3 WHERE user_id = $1 AND id = $2`,
        [p.user_id, p.id, results[i]],
      );
    }
    await audit(tx, null, { action: 'plan.outbox.send', entity: 'email_outbox', after: { sent, failed: pending.length - sent } });
  });
  return { sent, failed: pending.length - sent };
}

/** Task B depends on task A (A must be done first); a cycle is refused. */
export async function addDependency(db: Db, actor: Actor, taskId: number, input: NewDependency) {
  return db.tx(async (tx) => {
    const found = await tx.query<{ id: number }>(`SELECT id FROM task WHERE id = ANY($1::bigint[])`, [[taskId, input.dependsOnTaskId]]);
    if (found.length !== (taskId === input.dependsOnTaskId ? 1 : 2)) throw notFound('Không tìm thấy nhiệm vụ.');
    if (taskId === input.dependsOnTaskId) throw badRequest('Nhiệm vụ không thể phụ thuộc vào chính nó.');
    const cycle = await tx.maybeOne(
      `WITH RECURSIVE up (id) AS (
         SELECT depends_on_task_id FROM task_dependency WHERE task_id = $1
         UNION SELECT d.depends_on_task_id FROM task_dependency d JOIN up ON d.task_id = up.id)
       SELECT 1 FROM up WHERE id = $2`,
      [input.dependsOnTaskId, taskId],
    );
    if (cycle) throw conflict(`Không thể thêm: nhiệm vụ ${input.dependsOnTaskId} đã (gián tiếp) phụ thuộc vào nhiệm vụ ${taskId}.`);
    await tx.query(`INSERT INTO task_dependency (task_id, depends_on_task_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [taskId, input.dependsOnTaskId]);
    await audit(tx, by(actor), { action: 'plan.dependency.create', entity: 'task', entityId: taskId, after: input });
    return { ok: true };
  });
}

/**
 * Reorganisation (e.g. 1/7/2025: 63 provincial People's Committees → 34; 2025: MOLISA's poverty mandate
 * → MAE): every open-or-closed active assignment of an agency that ended on or before `onDate` and has a
 * single successor in force is handed over to it. Several predecessors merged into one successor give one
 * assignment whose status, percent and completion are their roll-up; the old assignments are kept, closed
 * on the agency's end date. Agencies without a single successor are reported, not guessed.
 */
export async function reorganise(db: Db, who: AuditActor, input: Reorganise) {
  return db.tx(async (tx) => {
    const rows = await tx.query<{
      task_id: number; id: number; agency_id: string; successor_id: string | null; ended: string; successor_ok: boolean; unit_id: string | null;
      status: TaskStatus; percent: number; completed_on: string | null; due_on: string | null; instrument_id: number | null;
    }>(
      `SELECT a.task_id, a.id, a.agency_id, g.successor_id, g.valid_to AS ended, NULL AS unit_id, false AS successor_ok,
              a.status, a.percent::float8 AS percent, a.completed_on, a.due_on, a.instrument_id
         FROM task_assignment a JOIN agency g ON g.id = a.agency_id
        WHERE a.valid_to IS NULL AND g.valid_to IS NOT NULL AND g.valid_to <= $1
        ORDER BY a.task_id, a.id`,
      [input.onDate],
    );
    // Follow successor chains (e.g. Thừa Thiên Huế → Thành phố Huế (1/1/2025) → the province of 1/7/2025)
    // to the agency in force on the date.
    const agencies = new Map(
      (await tx.query<{ id: string; successor_id: string | null; valid_from: string; valid_to: string | null; unit_id: string | null }>(
        `SELECT id, successor_id, valid_from, valid_to, unit_id FROM agency WHERE successor_id IS NOT NULL OR id IN (SELECT successor_id FROM agency)`,
      )).map((a) => [a.id, a]),
    );
    for (const r of rows) {
      let cur = r.successor_id ? agencies.get(r.successor_id) : undefined;
      for (let hops = 0; cur && cur.valid_to && cur.valid_to <= input.onDate && hops < 10; hops++) cur = cur.successor_id ? agencies.get(cur.successor_id) : undefined;
      r.successor_ok = !!cur && cur.valid_from <= input.onDate && (!cur.valid_to || cur.valid_to > input.onDate);
      r.successor_id = cur?.id ?? null;
      r.unit_id = cur?.unit_id ?? null;
    }
    const groups = new Map<string, typeof rows>();
    const orphans = new Set<string>();
    for (const r of rows) {
      if (!r.successor_id || !r.successor_ok) {
        orphans.add(r.agency_id);
        continue;
      }
      const key = `${r.task_id}|${r.successor_id}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const tasks = new Set<number>();
    let created = 0;
    for (const group of groups.values()) {
      const { task_id: taskId, successor_id: to, ended } = group[0];
      const r = rollUp(group.map((g) => ({ status: g.status, due: g.due_on, completedOn: g.completed_on, percent: g.percent })), input.onDate);
      const existing = await tx.maybeOne<{ id: number }>(`SELECT id FROM task_assignment WHERE task_id = $1 AND agency_id = $2 AND valid_to IS NULL`, [taskId, to]);
      for (const g of group) await tx.query(`UPDATE task_assignment SET valid_to = $3, version = version + 1, updated_at = now() WHERE task_id = $1 AND id = $2`, [taskId, g.id, g.ended]);
      let newId = existing?.id;
      if (!newId) {
        const row = await tx.one<{ id: number }>(
          `INSERT INTO task_assignment (task_id, agency_id, unit_id, status, percent, due_on, completed_on, instrument_id, note, valid_from, handed_over_from)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [taskId, to, group[0].unit_id, r.status, r.percent, group[0].due_on, r.completedOn, group.length === 1 ? group[0].instrument_id : null,
           `Tiếp nhận từ ${group.map((g) => g.agency_id).join(', ')} khi sắp xếp tổ chức (${formatDateVi(ended)}).`, ended, group[0].id],
        );
        newId = row.id;
        created++;
      }
      await audit(tx, who, {
        action: 'plan.assignment.reorganise', entity: 'task_assignment', entityId: `${taskId}/${newId}`, agencyId: to,
        before: group.map((g) => ({ id: g.id, agencyId: g.agency_id, status: g.status, percent: g.percent })), after: { id: newId, agencyId: to, status: r.status, percent: r.percent },
      });
      tasks.add(taskId);
    }
    for (const taskId of tasks) await refreshRollup(tx, taskId, input.onDate);
    return { handedOver: rows.length - [...rows].filter((r) => orphans.has(r.agency_id)).length, created, tasks: tasks.size, withoutSuccessor: [...orphans].sort() };
  });
}

export async function listPlans(db: Db) {
  return db.query(
    `SELECT p.id, p.code, p.title, p.issued_on AS "issuedOn", p.phase_id AS "phaseId", (SELECT count(*)::int FROM task t WHERE t.plan_id = p.id) AS tasks
       FROM plan p ORDER BY p.issued_on NULLS LAST, p.id`,
  );
}
