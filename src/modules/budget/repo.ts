/** All SQL of the budget area. Money columns are numeric (đồng) and read back as numbers. */
import type { ExecutionRow } from './contracts';
import type { Db } from '../../db/client';
import type { Rulebook } from '../../domain/budget';

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

// ── rulebooks ────────────────────────────────────────────────────────────────
export interface RulebookRow {
  id: number;
  name: string;
  version: number;
  project: string | null;
  legalBasis: string;
  body: Rulebook;
  createdBy: string;
  createdAt: string;
}
const SELECT_RULEBOOK = `SELECT id, name, version, project, legal_basis AS "legalBasis", body, created_by AS "createdBy", created_at::text AS "createdAt" FROM budget_rulebook`;

export async function insertRulebook(tx: Db, r: Rulebook, createdBy: string): Promise<RulebookRow> {
  return tx.one<RulebookRow>(
    `INSERT INTO budget_rulebook (name, version, project, legal_basis, body, created_by)
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5 FROM budget_rulebook WHERE name = $1
     RETURNING id, name, version, project, legal_basis AS "legalBasis", body, created_by AS "createdBy", created_at::text AS "createdAt"`,
    [r.name, r.project ?? null, r.legalBasis, JSON.stringify(r), createdBy],
  );
}
export const listRulebooks = (db: Db) => db.query<RulebookRow>(`${SELECT_RULEBOOK} ORDER BY name, version DESC`);
export const getRulebook = (db: Db, id: number) => db.maybeOne<RulebookRow>(`${SELECT_RULEBOOK} WHERE id = $1`, [id]);
export const rulebookByName = (db: Db, name: string) =>
  db.maybeOne<RulebookRow>(`${SELECT_RULEBOOK} WHERE name = $1 ORDER BY version DESC LIMIT 1`, [name]);

// ── criteria data ────────────────────────────────────────────────────────────
export interface CriteriaSetRow {
  id: number;
  name: string;
  asOf: string;
  source: string;
  provinces: number;
  createdAt: string;
}
export async function insertCriteriaSet(
  tx: Db,
  s: { name: string; asOf: string; source: string; createdBy: string },
  values: { unitId: string; criterion: string; value: number }[],
): Promise<number> {
  const { id } = await tx.one<{ id: number }>(
    `INSERT INTO budget_criteria_set (name, as_of, source, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [s.name, s.asOf, s.source, s.createdBy],
  );
  await tx.query(
    `INSERT INTO budget_criteria_value (set_id, unit_id, criterion, value) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::numeric[])`,
    [id, values.map((v) => v.unitId), values.map((v) => v.criterion), values.map((v) => v.value)],
  );
  return id;
}
export const listCriteriaSets = (db: Db) =>
  db.query<CriteriaSetRow>(
    `SELECT s.id, s.name, s.as_of AS "asOf", s.source, s.created_at::text AS "createdAt",
       (SELECT count(DISTINCT unit_id)::int FROM budget_criteria_value v WHERE v.set_id = s.id) AS provinces
     FROM budget_criteria_set s ORDER BY s.id DESC`,
  );
export const getCriteriaSet = (db: Db, id: number) =>
  db.maybeOne<{ id: number; name: string; asOf: string; source: string }>(
    `SELECT id, name, as_of AS "asOf", source FROM budget_criteria_set WHERE id = $1`,
    [id],
  );
export async function criteriaValues(db: Db, setId: number) {
  const rows = await db.query<{ unitId: string; code: string; name: string; criterion: string; value: string }>(
    `SELECT v.unit_id AS "unitId", u.code, u.full_name AS name, v.criterion, v.value::text AS value
     FROM budget_criteria_value v JOIN admin_unit u ON u.id = v.unit_id WHERE v.set_id = $1 ORDER BY u.code, v.criterion`,
    [setId],
  );
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

// ── runs ─────────────────────────────────────────────────────────────────────
export interface RunInsert {
  name: string;
  kind: 'run' | 'scenario';
  baseRunId: number | null;
  rulebookId: number;
  rulebook: Rulebook;
  criteriaSetId: number | null;
  year: number | null;
  pool: bigint;
  reserved: number;
  unit: string;
  pointsTotal: number;
  createdBy: string;
}
export interface RunLineInsert {
  unitId: string;
  inputs: Record<string, number>;
  source: string;
  points: number;
  amount: number;
  explanation: string;
}

export async function insertRun(tx: Db, r: RunInsert, lines: RunLineInsert[]): Promise<number> {
  const { id } = await tx.one<{ id: number }>(
    `INSERT INTO budget_run (name, kind, base_run_id, rulebook_id, rulebook, criteria_set_id, year, pool, reserved, unit, points_total, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      r.name,
      r.kind,
      r.baseRunId,
      r.rulebookId,
      JSON.stringify(r.rulebook),
      r.criteriaSetId,
      r.year,
      r.pool.toString(),
      r.reserved,
      r.unit,
      r.pointsTotal,
      r.createdBy,
    ],
  );
  await tx.query(
    `INSERT INTO budget_run_line (run_id, unit_id, inputs, source, points, amount, explanation)
     SELECT $1, * FROM unnest($2::text[], $3::jsonb[], $4::text[], $5::numeric[], $6::numeric[], $7::text[])`,
    [
      id,
      lines.map((l) => l.unitId),
      lines.map((l) => JSON.stringify(l.inputs)),
      lines.map((l) => l.source),
      lines.map((l) => l.points),
      lines.map((l) => l.amount),
      lines.map((l) => l.explanation),
    ],
  );
  return id;
}

const SELECT_RUN = `SELECT r.id, r.name, r.kind, r.base_run_id AS "baseRunId", r.rulebook_id AS "rulebookId", r.criteria_set_id AS "criteriaSetId", b.name AS "rulebookName",
  b.version AS "rulebookVersion", b.legal_basis AS "legalBasis", r.year, r.pool::float8 AS pool, r.reserved::float8 AS reserved, r.unit,
  r.points_total::float8 AS "pointsTotal", r.created_by AS "createdBy", r.created_at::text AS "createdAt", r.rulebook
  FROM budget_run r JOIN budget_rulebook b ON b.id = r.rulebook_id`;
export type RunRow = import('./contracts').RunSummary & { rulebook: Rulebook };
export const listRuns = (db: Db) => db.query<RunRow>(`${SELECT_RUN} ORDER BY r.id DESC`);
export const getRun = (db: Db, id: number) => db.maybeOne<RunRow>(`${SELECT_RUN} WHERE r.id = $1`, [id]);
export async function runLines(db: Db, runId: number) {
  const rows = await db.query<{
    unitId: string;
    provinceCode: string;
    provinceName: string;
    points: string;
    amount: string;
    inputs: Record<string, number>;
    source: string;
    explanation: string;
  }>(
    `SELECT l.unit_id AS "unitId", u.code AS "provinceCode", u.full_name AS "provinceName", l.points::text AS points, l.amount::text AS amount,
       l.inputs, l.source, l.explanation
     FROM budget_run_line l JOIN admin_unit u ON u.id = l.unit_id WHERE l.run_id = $1 ORDER BY u.code`,
    [runId],
  );
  return rows.map((r) => ({ ...r, points: Number(r.points), amount: Number(r.amount) }));
}

// ── published figures ────────────────────────────────────────────────────────
export interface FigureRow {
  level: 'national' | 'province';
  provinceCodePre2025: string | null;
  areaName: string;
  period: string;
  item: string;
  fundingSource: string | null;
  amountMillion: number;
  legalBasis: string | null;
  sourceUrl: string | null;
  status: string;
  note: string | null;
}
export async function replaceFigures(tx: Db, rows: FigureRow[]) {
  await tx.query('DELETE FROM budget_figure');
  for (const f of rows) {
    await tx.query(
      `INSERT INTO budget_figure (level, province_code_pre2025, area_name, period, item, funding_source, amount_million, legal_basis, source_url, status, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        f.level,
        f.provinceCodePre2025,
        f.areaName,
        f.period,
        f.item,
        f.fundingSource,
        f.amountMillion,
        f.legalBasis,
        f.sourceUrl,
        f.status,
        f.note,
      ],
    );
  }
}
export const listFigures = (db: Db) =>
  db.query<FigureRow>(
    `SELECT level, province_code_pre2025 AS "provinceCodePre2025", area_name AS "areaName", period, item, funding_source AS "fundingSource",
       amount_million::float8 AS "amountMillion", legal_basis AS "legalBasis", source_url AS "sourceUrl", status, note
     FROM budget_figure ORDER BY level, province_code_pre2025 NULLS FIRST, id`,
  );

// ── execution ────────────────────────────────────────────────────────────────
export interface LineRow {
  id: number;
  year: number;
  unitId: string;
  project: string;
  subProject: string;
  source: string;
}
export async function upsertLine(tx: Db, l: Omit<LineRow, 'id'>): Promise<number> {
  const row = await tx.one<{ id: number }>(
    `INSERT INTO budget_line (year, unit_id, project, sub_project, source) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (year, unit_id, project, sub_project, source) DO UPDATE SET year = EXCLUDED.year RETURNING id`,
    [l.year, l.unitId, l.project, l.subProject, l.source],
  );
  return row.id;
}
export const getLine = (db: Db, id: number) =>
  db.maybeOne<LineRow>(
    `SELECT id, year, unit_id AS "unitId", project, sub_project AS "subProject", source FROM budget_line WHERE id = $1`,
    [id],
  );
export const findLine = (db: Db, l: Omit<LineRow, 'id'>) =>
  db.maybeOne<LineRow>(
    `SELECT id, year, unit_id AS "unitId", project, sub_project AS "subProject", source FROM budget_line
     WHERE year = $1 AND unit_id = $2 AND project = $3 AND sub_project = $4 AND source = $5`,
    [l.year, l.unitId, l.project, l.subProject, l.source],
  );

/** Locks the line so that concurrent reports cannot both pass the "not above assigned" check. */
export const lockLine = (tx: Db, id: number) => tx.query('SELECT id FROM budget_line WHERE id = $1 FOR UPDATE', [id]);

export type PhaseTotals = Record<string, number>;
export async function phaseTotals(db: Db, lineId: number): Promise<PhaseTotals> {
  const rows = await db.query<{ phase: string; total: string }>(
    `SELECT phase, sum(amount)::text AS total FROM budget_transaction WHERE line_id = $1 GROUP BY phase`,
    [lineId],
  );
  return Object.fromEntries(rows.map((r) => [r.phase, Number(r.total)]));
}
export async function insertTransaction(
  tx: Db,
  t: {
    lineId: number;
    phase: string;
    month: number | null;
    amount: number;
    legalBasis: string | null;
    reportedBy: string;
  },
) {
  return tx.one<{ id: number }>(
    `INSERT INTO budget_transaction (line_id, phase, month, amount, legal_basis, reported_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [t.lineId, t.phase, t.month, t.amount, t.legalBasis, t.reportedBy],
  );
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
/** Every line of a year with its phase totals and monthly disbursement: one pass over the year's transactions. */
export async function executionRows(db: Db, year: number, unitIds: string[] | null): Promise<ExecutionRow[]> {
  const rows = await db.query<Record<string, string | number | null>>(
    `WITH lines AS (SELECT id FROM budget_line WHERE year = $1 AND ($2::text[] IS NULL OR unit_id = ANY($2))),
     totals AS (
       SELECT t.line_id,
         sum(t.amount) FILTER (WHERE t.phase = 'estimate') AS estimate,
         sum(t.amount) FILTER (WHERE t.phase = 'assigned') AS assigned,
         sum(t.amount) FILTER (WHERE t.phase = 'adjusted') AS adjusted,
         sum(t.amount) FILTER (WHERE t.phase = 'committed') AS committed,
         sum(t.amount) FILTER (WHERE t.phase = 'disbursed') AS disbursed,
         sum(t.amount) FILTER (WHERE t.phase = 'carried_over') AS "carriedOver",
         sum(t.amount) FILTER (WHERE t.phase = 'cancelled') AS cancelled,
         ${MONTHS.map((m) => `sum(t.amount) FILTER (WHERE t.phase = 'disbursed' AND t.month = ${m}) AS m${m}`).join(', ')}
       FROM budget_transaction t JOIN lines ON lines.id = t.line_id GROUP BY t.line_id)
     SELECT l.id AS "lineId", l.unit_id AS "unitId", u.code AS "provinceCode", u.full_name AS "provinceName", l.project, l.sub_project AS "subProject", l.source,
       x.estimate::text, x.assigned::text, x.adjusted::text, x.committed::text, x.disbursed::text, x."carriedOver"::text, x.cancelled::text,
       ${MONTHS.map((m) => `x.m${m}::text AS m${m}`).join(', ')}
     FROM budget_line l JOIN lines ON lines.id = l.id JOIN admin_unit u ON u.id = l.unit_id LEFT JOIN totals x ON x.line_id = l.id
     ORDER BY u.code, l.project, l.sub_project, l.source`,
    [year, unitIds],
  );
  const n = (k: string, r: Record<string, string | number | null>) => num(r[k]);
  return rows.map((r) => ({
    lineId: Number(r.lineId),
    unitId: String(r.unitId),
    provinceCode: String(r.provinceCode),
    provinceName: String(r.provinceName),
    project: String(r.project),
    subProject: String(r.subProject),
    source: String(r.source),
    estimate: n('estimate', r),
    assigned: n('assigned', r),
    adjusted: n('adjusted', r),
    committed: n('committed', r),
    disbursed: n('disbursed', r),
    carriedOver: n('carriedOver', r),
    cancelled: n('cancelled', r),
    monthly: MONTHS.map((m) => n(`m${m}`, r)),
  }));
}

export async function upsertSupportRatio(tx: Db, s: { year: number; unitId: string; ratio: number; source: string }) {
  await tx.query(
    `INSERT INTO budget_support_ratio (year, unit_id, ratio, source) VALUES ($1, $2, $3, $4)
     ON CONFLICT (year, unit_id) DO UPDATE SET ratio = EXCLUDED.ratio, source = EXCLUDED.source`,
    [s.year, s.unitId, s.ratio, s.source],
  );
}
export async function supportRatios(db: Db, year: number): Promise<Map<string, { ratio: number; source: string }>> {
  const rows = await db.query<{ unitId: string; ratio: string; source: string }>(
    `SELECT unit_id AS "unitId", ratio::text AS ratio, source FROM budget_support_ratio WHERE year = $1`,
    [year],
  );
  return new Map(rows.map((r) => [r.unitId, { ratio: Number(r.ratio), source: r.source }]));
}
