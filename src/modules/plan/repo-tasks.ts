import type { Db } from '../../db/client';
import type { Deadline } from '../../domain/plan/deadline';
import type { TaskStatus } from '../../domain/plan/status';
import type { PlanSummary, TaskDetail } from './contracts';

/**
 * SQL of plans, their tasks and what hangs on a task (coordinators, dependencies, comments, instruments). Dates are
 * 'YYYY-MM-DD'.
 */

export type FanOut = 'none' | 'provinces' | 'ministries' | 'all';

export async function planCodeTaken(db: Db, code: string): Promise<boolean> {
  return !!(await db.maybeOne(`SELECT 1 FROM plan WHERE code = $1`, [code]));
}

export async function insertPlan(
  db: Db,
  p: {
    code: string;
    title: string;
    phaseId: string | null;
    /** the instrument that issued the plan, when registered */
    instrumentId?: number | null;
    issuerAgencyId: string | null;
    issuedOn: string;
    purpose: string | null;
    source: string;
  },
): Promise<number> {
  const row = await db.one<{ id: number }>(
    `INSERT INTO plan (code, title, phase_id, instrument_id, issuer_agency_id, issued_on, purpose, fact_status, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'VERIFIED', $8) RETURNING id`,
    [p.code, p.title, p.phaseId, p.instrumentId ?? null, p.issuerAgencyId, p.issuedOn, p.purpose, p.source],
  );
  return row.id;
}

/** The agency that issued a plan (null for a plan without one); undefined when there is no such plan. */
export async function findPlanIssuer(db: Db, planId: number): Promise<{ issuer_agency_id: string | null } | undefined> {
  return db.maybeOne<{ issuer_agency_id: string | null }>(`SELECT issuer_agency_id FROM plan WHERE id = $1`, [planId]);
}

export interface NewTaskRow {
  planId: number;
  parentId: number | null;
  position: string;
  title: string;
  leadAgencyId: string | null;
  fanOut: FanOut;
  deadlineText: string | null;
  deadlineKind: Deadline['kind'] | null;
  dueOn: string | null;
  deadlineStatus: string;
  startOn: string;
  deliverableKind: string | null;
  status: TaskStatus;
  percent: number;
  completedOn: string | null;
  note: string | null;
  source: string;
  projectCode: string | null;
  basisInstrumentId: number | null;
}

/** The one statement that creates a task (entered by a user or loaded from the seed). */
export async function insertTask(db: Db, t: NewTaskRow): Promise<number> {
  const row = await db.one<{ id: number }>(
    `INSERT INTO task (plan_id, parent_id, position, title, lead_agency_id, fan_out, deadline_text, deadline_kind, due_on, deadline_status,
                       start_on, deliverable_kind, status, percent, completed_on, note, fact_status, source, project_code, basis_instrument_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'VERIFIED', $17, $18, $19) RETURNING id`,
    [
      t.planId,
      t.parentId,
      t.position,
      t.title,
      t.leadAgencyId,
      t.fanOut,
      t.deadlineText,
      t.deadlineKind,
      t.dueOn,
      t.deadlineStatus,
      t.startOn,
      t.deliverableKind,
      t.status,
      t.percent,
      t.completedOn,
      t.note,
      t.source,
      t.projectCode,
      t.basisInstrumentId,
    ],
  );
  return row.id;
}

export async function addCoordinator(db: Db, taskId: number, agencyId: string) {
  await db.query(`INSERT INTO task_coordinator (task_id, agency_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    taskId,
    agencyId,
  ]);
}

export interface EditableTask {
  id: number;
  plan_id: number;
  title: string;
  deadline_text: string | null;
  due_on: string | null;
  note: string | null;
  version: number;
  start_on: string | null;
}

export async function lockTaskForEdit(db: Db, taskId: number): Promise<EditableTask | undefined> {
  return db.maybeOne<EditableTask>(
    `SELECT id, plan_id, title, deadline_text, due_on, note, version, start_on FROM task WHERE id = $1 FOR UPDATE`,
    [taskId],
  );
}

/** Writes the edited fields and bumps the version; a null deadline kind keeps the one stored. */
export async function updateTaskFields(
  db: Db,
  taskId: number,
  v: {
    title: string;
    deadlineText: string | null;
    deadlineKind: Deadline['kind'] | null;
    dueOn: string | null;
    note: string | null;
  },
) {
  return db.one<{
    id: number;
    title: string;
    deadline_text: string | null;
    due_on: string | null;
    note: string | null;
    version: number;
  }>(
    `UPDATE task SET title = $2, deadline_text = $3, deadline_kind = COALESCE($4, deadline_kind), due_on = $5, note = $6, version = version + 1, updated_at = now()
      WHERE id = $1 RETURNING id, title, deadline_text, due_on, note, version`,
    [taskId, v.title, v.deadlineText, v.deadlineKind, v.dueOn, v.note],
  );
}

export async function taskExists(db: Db, taskId: number): Promise<boolean> {
  return !!(await db.maybeOne(`SELECT 1 FROM task WHERE id = $1`, [taskId]));
}

export async function plansOfTasks(db: Db, taskIds: number[]): Promise<{ id: number; plan_id: number }[]> {
  return db.query<{ id: number; plan_id: number }>(`SELECT id, plan_id FROM task WHERE id = ANY($1::bigint[])`, [
    taskIds,
  ]);
}

/**
 * Whether `taskId` is among the tasks `dependsOnTaskId` already depends on, directly or not (adding the link would
 * close a cycle).
 */
export async function dependsTransitively(db: Db, dependsOnTaskId: number, taskId: number): Promise<boolean> {
  const row = await db.maybeOne(
    `WITH RECURSIVE up (id) AS (
       SELECT depends_on_task_id FROM task_dependency WHERE task_id = $1
       UNION SELECT d.depends_on_task_id FROM task_dependency d JOIN up ON d.task_id = up.id)
     SELECT 1 FROM up WHERE id = $2`,
    [dependsOnTaskId, taskId],
  );
  return !!row;
}

export async function addDependency(db: Db, taskId: number, dependsOnTaskId: number) {
  await db.query(`INSERT INTO task_dependency (task_id, depends_on_task_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    taskId,
    dependsOnTaskId,
  ]);
}

export async function insertComment(
  db: Db,
  c: {
    taskId: number;
    assignmentId: number | null;
    kind: 'comment' | 'request' | 'reply';
    fromAgencyId: string | null;
    toAgencyId: string | null;
    body: string;
    userId: number | null;
    name: string;
  },
): Promise<number> {
  const row = await db.one<{ id: number }>(
    `INSERT INTO task_comment (task_id, assignment_id, kind, from_agency_id, to_agency_id, body, by_user_id, by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [c.taskId, c.assignmentId, c.kind, c.fromAgencyId, c.toAgencyId, c.body, c.userId, c.name],
  );
  return row.id;
}

export async function linkTaskInstrument(db: Db, taskId: number, instrumentId: number) {
  await db.query(`INSERT INTO task_instrument (task_id, instrument_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    taskId,
    instrumentId,
  ]);
}

export async function findPlanByCode(db: Db, code: string) {
  return db.maybeOne<{ id: number }>(`SELECT id FROM plan WHERE code = $1`, [code]);
}

/** The tasks on which one of the agencies coordinates (phối hợp). */
export async function tasksCoordinatedBy(db: Db, agencyIds: string[]) {
  return db.query<{ task_id: number }>(
    `SELECT DISTINCT task_id FROM task_coordinator WHERE agency_id = ANY($1::text[])`,
    [agencyIds],
  );
}

export async function subtasksOf(db: Db, taskId: number) {
  return db.query<TaskDetail['subtasks'][number]>(
    `SELECT id, position, title, status FROM task WHERE parent_id = $1 ORDER BY id`,
    [taskId],
  );
}

/** The tasks that must be done before this one. */
export async function prerequisitesOf(db: Db, taskId: number) {
  return db.query<TaskDetail['dependencies'][number]>(
    `SELECT d.depends_on_task_id AS id, t.position, t.title, t.status FROM task_dependency d JOIN task t ON t.id = d.depends_on_task_id WHERE d.task_id = $1`,
    [taskId],
  );
}

/** The plans with their issuer and task count, oldest first. */
export async function listPlansWithTaskCounts(db: Db) {
  return db.query<Omit<PlanSummary, 'canManage'>>(
    `SELECT p.id, p.code, p.title, p.issued_on AS "issuedOn", p.phase_id AS "phaseId", p.issuer_agency_id AS "issuerAgencyId", g.name AS issuer,
            (SELECT count(*)::int FROM task t WHERE t.plan_id = p.id) AS tasks
       FROM plan p LEFT JOIN agency g ON g.id = p.issuer_agency_id ORDER BY p.issued_on NULLS LAST, p.id`,
  );
}
