import type { Db } from '../../db/client';
import type { TaskStatus } from '../../domain/plan/status';
import type { FanOutTarget } from './repo';

/** SQL of task assignments (who must do a task, over time) and their evidence files. Dates are 'YYYY-MM-DD'. */

export interface AssignmentRow {
  task_id: number;
  id: number;
  agency_id: string;
  agency_code: string;
  agency_name: string;
  unit_id: string | null;
  status: string;
  percent: number;
  due_on: string | null;
  completed_on: string | null;
  instrument: string | null;
  note: string | null;
  valid_from: string;
  valid_to: string | null;
  handed_over_from: number | null;
  version: number;
  updated_at: string;
  /** the assignment's own due date and instrument (null: the task's), as a hand-over copies them */
  own_due_on: string | null;
  instrument_id: number | null;
  /** the task's start date (null: not set), before which no completion can be dated */
  task_start_on: string | null;
}

const ASSIGNMENT_SELECT = `
  SELECT a.task_id, a.id, a.agency_id, g.code AS agency_code, g.name AS agency_name, a.unit_id, a.status, a.percent::float8 AS percent,
         COALESCE(a.due_on, t.due_on) AS due_on, a.completed_on, li.number AS instrument, a.note, a.valid_from, a.valid_to,
         a.handed_over_from, a.version, a.updated_at, a.due_on AS own_due_on, a.instrument_id,
         t.start_on AS task_start_on
    FROM task_assignment a
    JOIN task t ON t.id = a.task_id
    JOIN agency g ON g.id = a.agency_id
    LEFT JOIN legal_instrument li ON li.id = a.instrument_id`;

export async function listAssignments(db: Db, taskId: number, includeHistory = true): Promise<AssignmentRow[]> {
  return db.query<AssignmentRow>(
    `${ASSIGNMENT_SELECT} WHERE a.task_id = $1 ${includeHistory ? '' : 'AND a.valid_to IS NULL'} ORDER BY a.id`,
    [taskId],
  );
}

export async function getAssignment(
  db: Db,
  taskId: number,
  id: number,
  forUpdate = false,
): Promise<AssignmentRow | undefined> {
  return db.maybeOne<AssignmentRow>(
    `${ASSIGNMENT_SELECT} WHERE a.task_id = $1 AND a.id = $2 ${forUpdate ? 'FOR UPDATE OF a' : ''}`,
    [taskId, id],
  );
}

export async function updateAssignmentRow(
  db: Db,
  taskId: number,
  id: number,
  expectedVersion: number,
  v: { status: string; percent: number; completedOn: string | null; note: string | null; instrumentId?: number | null },
): Promise<number | null> {
  const row = await db.maybeOne<{ version: number }>(
    `UPDATE task_assignment SET status = $4, percent = $5, completed_on = $6, note = $7,
            instrument_id = COALESCE($8, instrument_id), version = version + 1, updated_at = now()
      WHERE task_id = $1 AND id = $2 AND version = $3 RETURNING version`,
    [taskId, id, expectedVersion, v.status, v.percent, v.completedOn, v.note, v.instrumentId ?? null],
  );
  return row?.version ?? null;
}

export async function activeAssignmentsForRollup(db: Db, taskId: number) {
  return db.query<{ status: string; percent: number; due_on: string | null; completed_on: string | null }>(
    `SELECT a.status, a.percent::float8 AS percent, COALESCE(a.due_on, t.due_on) AS due_on, a.completed_on
       FROM task_assignment a JOIN task t ON t.id = a.task_id WHERE a.task_id = $1 AND a.valid_to IS NULL`,
    [taskId],
  );
}

export interface EndedAssignmentRow {
  task_id: number;
  position: string;
  project_code: string | null;
  id: number;
  agency_id: string;
  successor_id: string | null;
  ended: string;
  unit_id: string | null;
  status: TaskStatus;
  percent: number;
  completed_on: string | null;
  due_on: string | null;
  instrument_id: number | null;
}

/** Active assignments of agencies that ended on or before a date (to be handed over). */
export async function assignmentsOfEndedAgencies(db: Db, onDate: string): Promise<EndedAssignmentRow[]> {
  return db.query<EndedAssignmentRow>(
    `SELECT a.task_id, t.position, t.project_code, a.id, a.agency_id, g.successor_id, g.valid_to AS ended, NULL AS unit_id,
            a.status, a.percent::float8 AS percent, a.completed_on, a.due_on, a.instrument_id
       FROM task_assignment a JOIN agency g ON g.id = a.agency_id JOIN task t ON t.id = a.task_id
      WHERE a.valid_to IS NULL AND g.valid_to IS NOT NULL AND g.valid_to <= $1
      ORDER BY a.task_id, a.id`,
    [onDate],
  );
}

export async function activeAssignmentOf(db: Db, taskId: number, agencyId: string) {
  return db.maybeOne<{ id: number }>(
    `SELECT id FROM task_assignment WHERE task_id = $1 AND agency_id = $2 AND valid_to IS NULL`,
    [taskId, agencyId],
  );
}

export async function closeAssignment(db: Db, taskId: number, id: number, onDate: string) {
  await db.query(
    `UPDATE task_assignment SET valid_to = $3, version = version + 1, updated_at = now() WHERE task_id = $1 AND id = $2`,
    [taskId, id, onDate],
  );
}

export interface NewAssignment {
  taskId: number;
  agencyId: string;
  unitId: string | null;
  status: string;
  percent: number;
  /** null: the task's due date */
  dueOn: string | null;
  completedOn: string | null;
  instrumentId: number | null;
  note: string | null;
  validFrom: string;
  /** the predecessor's assignment id (same task) when handed over */
  handedOverFrom: number | null;
}

/** The one statement that writes assignment rows; ids in the order given. */
export async function insertAssignments(db: Db, rows: NewAssignment[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof NewAssignment>(k: K) => rows.map((r) => r[k]);
  const inserted = await db.query<{ id: number }>(
    `INSERT INTO task_assignment (task_id, agency_id, unit_id, status, percent, due_on, completed_on, instrument_id, note, valid_from, handed_over_from)
     SELECT t, g, u, s, p, d, c, i, n, v, h
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::numeric[], $6::date[], $7::date[], $8::bigint[],
                   $9::text[], $10::date[], $11::bigint[]) WITH ORDINALITY AS x (t, g, u, s, p, d, c, i, n, v, h, o)
      ORDER BY o
     RETURNING id`,
    [
      col('taskId'),
      col('agencyId'),
      col('unitId'),
      col('status'),
      col('percent'),
      col('dueOn'),
      col('completedOn'),
      col('instrumentId'),
      col('note'),
      col('validFrom'),
      col('handedOverFrom'),
    ],
  );
  return inserted.map((r) => r.id);
}

/** The assignments a new task starts with: one per target agency, all in the same state. */
export async function insertInitialAssignments(
  db: Db,
  taskId: number,
  targets: FanOutTarget[],
  s: {
    status: TaskStatus;
    percent: number;
    completedOn: string | null;
    instrumentId: number | null;
    validFrom: string;
  },
): Promise<void> {
  await insertAssignments(
    db,
    targets.map((x) => ({
      taskId,
      agencyId: x.agencyId,
      unitId: x.unitId,
      status: s.status,
      percent: s.percent,
      dueOn: null,
      completedOn: s.completedOn,
      instrumentId: s.instrumentId,
      note: null,
      validFrom: s.validFrom,
      handedOverFrom: null,
    })),
  );
}

/** The successor's copy of a handed-over assignment. */
export async function insertHandedOverAssignment(
  db: Db,
  v: Omit<NewAssignment, 'handedOverFrom'> & { handedOverFrom: number },
): Promise<number> {
  return (await insertAssignments(db, [v]))[0];
}

/** Whether one of the agencies has an assignment of the task in force (not handed over). */
export async function hasActiveAssignmentOfAny(db: Db, taskId: number, agencyIds: string[]): Promise<boolean> {
  return !!(await db.maybeOne(
    `SELECT 1 FROM task_assignment WHERE task_id = $1 AND agency_id = ANY($2::text[]) AND valid_to IS NULL`,
    [taskId, agencyIds],
  ));
}

export async function insertEvidence(
  db: Db,
  f: {
    taskId: number;
    fileName: string;
    contentType: string;
    bytes: Uint8Array;
    sha256: string;
    userId: number | null;
  },
): Promise<number> {
  const row = await db.one<{ id: number }>(
    `INSERT INTO evidence_file (task_id, progress_id, file_name, content_type, size_bytes, sha256, content, by_user_id)
     VALUES ($1, NULL, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [f.taskId, f.fileName, f.contentType, f.bytes.length, f.sha256, Buffer.from(f.bytes), f.userId],
  );
  return row.id;
}

export async function findEvidence(db: Db, taskId: number, id: number) {
  return db.maybeOne<{ file_name: string; content_type: string; content: Buffer; sha256: string }>(
    `SELECT file_name, content_type, content, sha256 FROM evidence_file WHERE task_id = $1 AND id = $2`,
    [taskId, id],
  );
}
