import type { Db } from '../../db/client';
import { inForce, inForceSql } from '../../domain/validity';
import { lateOrUnreportedSql, overdueSql, pastDueNoReportSql } from '../../domain/plan/lateness';
import type { FunctionTransfer } from '../../domain/plan/reorganisation';
import type { TaskDetail, TaskHistory } from './contracts';

/** SQL of the plan module. Dates come back as 'YYYY-MM-DD'. */

export interface FanOutTarget {
  agencyId: string;
  unitId: string | null;
}

/**
 * The agencies a task assigned to "every province" / "every ministry" fans out to, as they stood on a
 * date: provincial People's Committees of the province versions in force (63 before 1/7/2025, 34 after),
 * ministries and central agencies in force.
 */
export async function fanOutAgencies(
  db: Db,
  fanOut: 'provinces' | 'ministries' | 'all',
  onDate: string,
): Promise<FanOutTarget[]> {
  const rows = await db.query<{ agency_id: string; unit_id: string | null }>(
    `SELECT g.id AS agency_id, g.unit_id
       FROM agency g
       LEFT JOIN admin_unit u ON u.id = g.unit_id
      WHERE ${inForceSql('g.valid_from', 'g.valid_to', '$2')}
        AND (
          ($1 IN ('provinces', 'all') AND g.kind = 'people_committee' AND u.level = 'province'
             AND ${inForceSql('u.valid_from', 'u.valid_to', '$2')})
          OR ($1 IN ('ministries', 'all') AND g.kind IN ('ministry', 'central_agency')
              AND (g.parent_id IS NULL OR g.parent_id IN (SELECT id FROM agency WHERE kind = 'government')))
        )
      ORDER BY g.kind DESC, g.id`,
    [fanOut, onDate],
  );
  return rows.map((r) => ({ agencyId: r.agency_id, unitId: r.unit_id }));
}

export interface TaskRow {
  id: number;
  plan_id: number;
  parent_id: number | null;
  position: string;
  title: string;
  lead_agency_id: string | null;
  lead_code: string | null;
  lead_name: string | null;
  fan_out: string;
  deadline_text: string | null;
  deadline_kind: string | null;
  due_on: string | null;
  deadline_status: string;
  start_on: string | null;
  deliverable_kind: string | null;
  status: string;
  percent: number;
  completed_on: string | null;
  note: string | null;
  version: number;
  instrument: string | null;
  instrument_issued_on: string | null;
  coordinators: string | null;
  assignments: number;
  open_assignments: number;
  overdue_assignments: number;
  no_report_assignments: number;
  past_due_no_report_assignments: number;
  submitted_on: string | null;
  submitted_source: string | null;
  basis: string | null;
}

export interface TaskFilter {
  asOf: string;
  planId?: number;
  taskId?: number;
  /** only tasks this agency leads or is assigned (values are then the agency's assignment's) */
  agencyIds?: string[];
  overdueOnly?: boolean;
}

/**
 * Tasks with their lead, first linked instrument, coordinators and assignment counts at an as-of date.
 * With `agencyIds`, status/percent/completion/due come from that agency's active assignment.
 */
export async function listTasks(db: Db, f: TaskFilter): Promise<TaskRow[]> {
  const params: unknown[] = [f.asOf];
  const where: string[] = [];
  if (f.planId) where.push(`t.plan_id = $${params.push(f.planId)}`);
  if (f.taskId) where.push(`t.id = $${params.push(f.taskId)}`);
  let mine = '';
  let withMine = '';
  if (f.agencyIds) {
    // Driven from the agency's assignments (index on agency_id), not from every task.
    const p = params.push(f.agencyIds);
    withMine = `WITH mine AS (
      SELECT DISTINCT ON (task_id) * FROM task_assignment WHERE agency_id = ANY($${p}::text[]) AND valid_to IS NULL ORDER BY task_id, id)`;
    mine = 'LEFT JOIN mine m ON m.task_id = t.id';
    where.push(`(m.id IS NOT NULL OR t.lead_agency_id = ANY($${p}::text[]))`);
  }
  const v = (col: string) => (f.agencyIds ? `COALESCE(m.${col}, t.${col})` : `t.${col}`);
  const due = f.agencyIds ? 'COALESCE(m.due_on, t.due_on)' : 't.due_on';
  const status = v('status');
  if (f.overdueOnly) where.push(lateOrUnreportedSql({ status, due, completedOn: v('completed_on') }, '$1'));
  const m = { status: 'm.status', due: 'COALESCE(m.due_on, t.due_on)', completedOn: 'm.completed_on' };
  const a = { status: 'a.status', due: 'COALESCE(a.due_on, t.due_on)', completedOn: 'a.completed_on' };
  return db.query<TaskRow>(
    `${withMine}
     SELECT t.id, t.plan_id, t.parent_id, t.position, t.title, t.lead_agency_id, g.code AS lead_code, g.name AS lead_name, t.fan_out,
            t.deadline_text, t.deadline_kind, ${due} AS due_on, t.deadline_status, t.start_on, t.deliverable_kind,
            ${status} AS status, ${v('percent')}::float8 AS percent, ${v('completed_on')} AS completed_on, t.note, ${f.agencyIds ? 'COALESCE(m.version, t.version)' : 't.version'} AS version,
            i.number AS instrument, i.issued_on AS instrument_issued_on,
            (SELECT string_agg(cg.name, '; ' ORDER BY cg.name) FROM task_coordinator c JOIN agency cg ON cg.id = c.agency_id WHERE c.task_id = t.id) AS coordinators,
            s.assignments, s.open_assignments, s.overdue_assignments, s.no_report_assignments, s.past_due_no_report_assignments,
            t.submitted_on, t.submitted_source, bi.number AS basis
       FROM task t
       LEFT JOIN agency g ON g.id = t.lead_agency_id
       LEFT JOIN legal_instrument bi ON bi.id = t.basis_instrument_id
       ${mine}
       LEFT JOIN LATERAL (
         SELECT li.number, li.issued_on FROM task_instrument ti JOIN legal_instrument li ON li.id = ti.instrument_id
          WHERE ti.task_id = t.id ORDER BY li.issued_on NULLS LAST, li.id LIMIT 1) i ON true
       ${
         f.agencyIds
           ? `CROSS JOIN LATERAL (
         -- the agency's own assignment: counts of 1 (the fan-out totals are on the task page); without a due
         -- date the lateness tests are NULL, counted 0 as the FILTER of the totals does
         SELECT (m.id IS NOT NULL)::int AS assignments,
                (m.id IS NOT NULL AND m.status NOT IN ('completed', 'cancelled'))::int AS open_assignments,
                COALESCE(m.id IS NOT NULL AND ${overdueSql(m, '$1')}, false)::int AS overdue_assignments,
                (m.id IS NOT NULL AND m.status = 'no_report')::int AS no_report_assignments,
                COALESCE(m.id IS NOT NULL AND ${pastDueNoReportSql(m, '$1')}, false)::int AS past_due_no_report_assignments) s`
           : `LEFT JOIN LATERAL (
         SELECT count(*)::int AS assignments,
                count(*) FILTER (WHERE a.status NOT IN ('completed', 'cancelled'))::int AS open_assignments,
                count(*) FILTER (WHERE ${overdueSql(a, '$1')})::int AS overdue_assignments,
                count(*) FILTER (WHERE a.status = 'no_report')::int AS no_report_assignments,
                count(*) FILTER (WHERE ${pastDueNoReportSql(a, '$1')})::int AS past_due_no_report_assignments
           -- the assignments in force on the as-of date: after a hand-over, the successors' (e.g. 34 provinces from 01/07/2025)
           FROM task_assignment a WHERE a.task_id = t.id AND ${inForceSql('a.valid_from', 'a.valid_to', '$1')}) s ON true`
       }
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY t.plan_id, t.id`,
    params,
  );
}

/** Re-derive the task's cached status/percent/completion from its active assignments (roll-up). */
export async function setTaskRollup(
  db: Db,
  taskId: number,
  r: { status: string; percent: number; completedOn: string | null },
) {
  await db.query(`UPDATE task SET status = $2, percent = $3, completed_on = $4, updated_at = now() WHERE id = $1`, [
    taskId,
    r.status,
    r.percent,
    r.completedOn,
  ]);
}

export async function insertStatusChange(
  db: Db,
  taskId: number,
  assignmentId: number | null,
  from: string,
  to: string,
  note: string | null,
  userId: number | null,
  name: string,
) {
  await db.query(
    `INSERT INTO task_status_change (task_id, assignment_id, from_status, to_status, note, by_user_id, by_name) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [taskId, assignmentId, from, to, note, userId, name],
  );
}

export async function insertProgress(
  db: Db,
  taskId: number,
  assignmentId: number,
  reportedOn: string,
  percent: number,
  narrative: string,
  userId: number | null,
  name: string,
) {
  return db.one<{ id: number }>(
    `INSERT INTO progress_update (task_id, assignment_id, reported_on, percent, narrative, by_user_id, by_name) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [taskId, assignmentId, reportedOn, percent, narrative, userId, name],
  );
}

/** The timestamps of a history row as the database gives them (Date objects). */
type Stamped<T, K extends keyof T> = Omit<T, K> & Record<K, Date>;
const iso = (d: Date) => new Date(d).toISOString();

/** A task's progress reports, status changes, comments and evidence files, times as ISO strings. */
export async function taskHistory(db: Db, taskId: number): Promise<TaskHistory> {
  type H = TaskHistory;
  const [progress, changes, comments, evidence] = await Promise.all([
    db.query<Stamped<H['progress'][number], 'createdAt'>>(
      `SELECT id, assignment_id AS "assignmentId", reported_on AS "reportedOn", percent::float8 AS percent, narrative, by_name AS "byName", created_at AS "createdAt" FROM progress_update WHERE task_id = $1 ORDER BY id DESC`,
      [taskId],
    ),
    db.query<Stamped<H['changes'][number], 'at'>>(
      `SELECT id, assignment_id AS "assignmentId", from_status AS "from", to_status AS "to", note, by_name AS "byName", at FROM task_status_change WHERE task_id = $1 ORDER BY id DESC`,
      [taskId],
    ),
    db.query<Stamped<H['comments'][number], 'createdAt'>>(
      `SELECT c.id, c.assignment_id AS "assignmentId", c.kind, c.body, c.by_name AS "byName", c.created_at AS "createdAt", fa.name AS "fromAgency", ta.name AS "toAgency"
                FROM task_comment c LEFT JOIN agency fa ON fa.id = c.from_agency_id LEFT JOIN agency ta ON ta.id = c.to_agency_id WHERE c.task_id = $1 ORDER BY c.id`,
      [taskId],
    ),
    db.query<Stamped<H['evidence'][number], 'uploadedAt'>>(
      `SELECT id, progress_id AS "progressId", file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes", sha256, uploaded_at AS "uploadedAt" FROM evidence_file WHERE task_id = $1 ORDER BY id`,
      [taskId],
    ),
  ]);
  return {
    progress: progress.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    changes: changes.map((r) => ({ ...r, at: iso(r.at) })),
    comments: comments.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    evidence: evidence.map((r) => ({ ...r, uploadedAt: iso(r.uploadedAt) })),
  };
}

export async function taskInstruments(db: Db, taskId: number) {
  return db.query<TaskDetail['instruments'][number]>(
    `SELECT li.id, li.kind, li.number, li.title, li.issuer, li.signer, li.issued_on AS "issuedOn", li.effective_on AS "effectiveOn", li.status, li.fact_status AS "factStatus", li.source
       FROM task_instrument ti JOIN legal_instrument li ON li.id = ti.instrument_id WHERE ti.task_id = $1 ORDER BY li.issued_on NULLS LAST`,
    [taskId],
  );
}

export async function agencyAt(db: Db, agencyId: string, onDate: string) {
  return db
    .maybeOne<{
      id: string;
      name: string;
      kind: string;
      unit_id: string | null;
      valid_from: string;
      valid_to: string | null;
    }>(`SELECT id, name, kind, unit_id, valid_from, valid_to FROM agency WHERE id = $1`, [agencyId])
    .then((a) =>
      a ? { ...a, inForce: inForce({ validFrom: a.valid_from, validTo: a.valid_to }, onDate) } : undefined,
    );
}

/** The unit (territory) of each agency that has one. */
export async function unitsOfAgencies(db: Db, agencyIds: string[]): Promise<{ id: string; unit_id: string | null }[]> {
  return db.query<{ id: string; unit_id: string | null }>(`SELECT id, unit_id FROM agency WHERE id = ANY($1::text[])`, [
    agencyIds,
  ]);
}

/** People's Committees whose territory is one of the given units. */
export async function committeesOfUnits(db: Db, unitIds: string[]): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM agency WHERE kind = 'people_committee' AND unit_id = ANY($1::text[])`,
    [unitIds],
  );
  return rows.map((r) => r.id);
}

export interface SubmissionRow {
  id: number;
  lead_agency_id: string | null;
  submitted_on: string | null;
  submitted_source: string | null;
  version: number;
  first_issued_on: string | null;
}

/** A task's submission date, its lead and the earliest issue date of its instruments (locked for update). */
export async function getSubmission(db: Db, taskId: number): Promise<SubmissionRow | undefined> {
  return db.maybeOne<SubmissionRow>(
    `SELECT t.id, t.lead_agency_id, t.submitted_on, t.submitted_source, t.version,
            (SELECT min(li.issued_on) FROM task_instrument ti JOIN legal_instrument li ON li.id = ti.instrument_id WHERE ti.task_id = t.id) AS first_issued_on
       FROM task t WHERE t.id = $1 FOR UPDATE OF t`,
    [taskId],
  );
}

export async function setSubmission(
  db: Db,
  taskId: number,
  expectedVersion: number,
  submittedOn: string | null,
  source: string,
) {
  return db.maybeOne<{ version: number; submitted_on: string | null; submitted_source: string | null }>(
    `UPDATE task SET submitted_on = $3, submitted_source = $4, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING version, submitted_on, submitted_source`,
    [taskId, expectedVersion, submittedOn, source],
  );
}

/** Agencies that have or are a successor, for following succession chains. */
export async function successionAgencies(db: Db) {
  return db.query<{
    id: string;
    successor_id: string | null;
    valid_from: string;
    valid_to: string | null;
    unit_id: string | null;
  }>(
    `SELECT id, successor_id, valid_from, valid_to, unit_id FROM agency
      WHERE successor_id IS NOT NULL OR id IN (SELECT successor_id FROM agency) OR id IN (SELECT to_agency_id FROM agency_function_transfer)`,
  );
}

export async function functionTransfers(db: Db): Promise<FunctionTransfer[]> {
  return db.query<FunctionTransfer>(
    `SELECT from_agency_id AS "fromAgencyId", function_code AS "functionCode", to_agency_id AS "toAgencyId", on_date AS "onDate" FROM agency_function_transfer`,
  );
}

/** Agencies whose code (any version) or id is this one, case aside. */
export async function agenciesByCode(db: Db, code: string) {
  return db.query<{ id: string }>(`SELECT id FROM agency WHERE upper(code) = upper($1) OR id = $1`, [code]);
}

export async function agencyNames(db: Db, ids: string[]) {
  return db.query<{ id: string; name: string }>(`SELECT id, name FROM agency WHERE id = ANY($1::text[]) ORDER BY id`, [
    ids,
  ]);
}
