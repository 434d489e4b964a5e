/** SQL of the results area (indicators, targets, poor areas, forms, periods, reports). */
import type { Db } from '../../db/client';
import { inForceSql } from '../../domain/validity';
import type { Approval } from '../../domain/results/reporting';
import type { FormDef } from '../../domain/results/forms';
import type { TargetRule } from '../../domain/results/targets';
import type { AreaMemberRecord, TargetItem } from './contracts';

// ---------- reference data ----------

export async function replaceIndicators(tx: Db, rows: unknown[][]): Promise<void> {
  for (const r of rows) {
    await tx.query(
      `INSERT INTO results_indicator (code, name_vi, name_en, unit, numerator, denominator, factor, source_vi, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (code) DO UPDATE SET name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en, unit = EXCLUDED.unit, numerator = EXCLUDED.numerator,
         denominator = EXCLUDED.denominator, factor = EXCLUDED.factor, source_vi = EXCLUDED.source_vi, status = EXCLUDED.status`,
      r,
    );
  }
}

export async function replaceProgramTargets(
  tx: Db,
  rows: {
    code: string;
    indicator: string;
    fromYear: number;
    toYear: number;
    labelVi: string;
    rule: TargetRule;
    citation: string;
    sourceId: string;
    status: TargetRow['status'];
    note: string | null;
  }[],
): Promise<void> {
  await tx.query('DELETE FROM results_target WHERE code IS NOT NULL');
  for (const t of rows)
    await insertTarget(tx, { ...t, unitId: null, sourceUrl: null, enteredBy: 'dữ liệu tham chiếu' });
}

export async function replacePublished(tx: Db, rows: unknown[][]): Promise<void> {
  await tx.query('DELETE FROM results_published');
  for (const r of rows) {
    await tx.query(
      `INSERT INTO results_published (year, area_code, indicator, value, status, source_url, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      r,
    );
  }
}

export interface AreaGroupWrite {
  code: string;
  nameVi: string;
  level: 'district' | 'commune';
  legalBasis: string;
  listedOn: string;
  validTo: string | null;
  officialSize: number;
  targetPct: number | null;
}

export interface AreaMemberWrite {
  seq: number;
  stt: number | null;
  nameInSource: string;
  provinceName: string;
  unitCode: string | null;
  unitLevel: 'district' | 'commune';
  status: string;
  sourceUrl: string | null;
  note: string | null;
}

/** Replaces a group's members; each is resolved to the unit version valid on the listing date. */
export async function replaceAreaGroup(
  tx: Db,
  g: AreaGroupWrite,
  members: AreaMemberWrite[],
  exits: Omit<AreaExitWrite, 'groupCode'>[],
): Promise<void> {
  await tx.query('DELETE FROM results_area_exit WHERE group_code = $1', [g.code]);
  await tx.query('DELETE FROM results_area_member WHERE group_code = $1', [g.code]);
  await tx.query(
    `INSERT INTO results_area_group (code, name_vi, level, legal_basis, listed_on, valid_to, official_size, target_pct) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (code) DO UPDATE SET name_vi = EXCLUDED.name_vi, level = EXCLUDED.level, legal_basis = EXCLUDED.legal_basis, listed_on = EXCLUDED.listed_on,
       valid_to = EXCLUDED.valid_to, official_size = EXCLUDED.official_size, target_pct = EXCLUDED.target_pct`,
    [g.code, g.nameVi, g.level, g.legalBasis, g.listedOn, g.validTo, g.officialSize, g.targetPct],
  );
  for (const m of members) {
    await tx.query(
      `INSERT INTO results_area_member (group_code, seq, stt, name_in_source, province_name, unit_code_pre2025, unit_level, unit_id, status, source_url, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7,
         (SELECT id FROM admin_unit WHERE level = $7 AND code = $6 AND ${inForceSql('valid_from', 'valid_to', '$10::date')} LIMIT 1),
         $8, $9, $11)`,
      [
        g.code,
        m.seq,
        m.stt,
        m.nameInSource,
        m.provinceName,
        m.unitCode,
        m.unitLevel,
        m.status,
        m.sourceUrl,
        g.listedOn,
        m.note,
      ],
    );
  }
  for (const e of exits) await recordAreaExit(tx, { groupCode: g.code, ...e });
}

/** Forms shipped with the system are added once; later edits by users are kept. */
export async function insertFormsIfMissing(tx: Db, forms: FormDef[]): Promise<void> {
  for (const f of forms) {
    await tx.query(
      `INSERT INTO results_form (code, number, annex, name_vi, legal_basis, status, period_type, unit_level, deadline_working_days, fields, rules, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (code) DO NOTHING`,
      [
        f.code,
        f.number,
        f.annex,
        f.nameVi,
        f.legalBasis,
        f.status,
        f.periodType,
        f.unitLevel,
        f.deadlineWorkingDays,
        JSON.stringify(f.fields),
        JSON.stringify(f.rules),
        f.note,
      ],
    );
  }
}

// ---------- indicators and targets ----------

/** A stored target: the answer's shape without the rule in words (the service adds it). */
export type TargetRow = Omit<TargetItem, 'ruleVi' | 'ruleEn'>;

const SELECT_TARGET = `SELECT t.id, t.code, t.indicator, t.unit_id AS "unitId", u.code AS "unitCode", u.full_name AS "unitName", t.from_year AS "fromYear",
  t.to_year AS "toYear", t.label_vi AS "labelVi", t.rule, t.citation, t.source_id AS "sourceId", t.source_url AS "sourceUrl", t.status, t.note,
  t.entered_by AS "enteredBy"
  FROM results_target t LEFT JOIN admin_unit u ON u.id = t.unit_id`;

export function listTargets(db: Db, f: { indicator?: string; nationOnly?: boolean } = {}): Promise<TargetRow[]> {
  return db.query<TargetRow>(
    `${SELECT_TARGET} WHERE ($1::text IS NULL OR t.indicator = $1) AND (NOT $2 OR t.unit_id IS NULL) ORDER BY t.code NULLS LAST, u.code, t.from_year, t.id`,
    [f.indicator ?? null, !!f.nationOnly],
  );
}

/**
 * A target: the program's own (reference data: `code` and `sourceId`, no unit) or one an official sets for a
 * unit (`sourceUrl`).
 */
export async function insertTarget(
  tx: Db,
  t: {
    code?: string;
    indicator: string;
    unitId: string | null;
    fromYear: number;
    toYear: number;
    labelVi: string;
    rule: TargetRule;
    citation: string;
    sourceId?: string;
    sourceUrl: string | null;
    status: TargetRow['status'];
    note: string | null;
    enteredBy: string;
  },
): Promise<TargetRow> {
  const row = await tx.one<{ id: number }>(
    `INSERT INTO results_target (code, indicator, unit_id, from_year, to_year, label_vi, rule, citation, source_id, source_url, status, note, entered_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      t.code ?? null,
      t.indicator,
      t.unitId,
      t.fromYear,
      t.toYear,
      t.labelVi,
      JSON.stringify(t.rule),
      t.citation,
      t.sourceId ?? null,
      t.sourceUrl,
      t.status,
      t.note,
      t.enteredBy,
    ],
  );
  return await tx.one<TargetRow>(`${SELECT_TARGET} WHERE t.id = $1`, [row.id]);
}

export interface PublishedValue {
  year: number;
  areaCode: string;
  indicator: string;
  value: number;
  status: string;
  sourceUrl: string | null;
  note: string | null;
}

export function publishedOutcomes(db: Db): Promise<PublishedValue[]> {
  return db.query<PublishedValue>(
    `SELECT year, area_code AS "areaCode", indicator, value::float8 AS value, status, source_url AS "sourceUrl", note FROM results_published ORDER BY year`,
  );
}

// ---------- poor areas ----------

export interface AreaGroupRow {
  code: string;
  nameVi: string;
  level: 'district' | 'commune';
  legalBasis: string;
  listedOn: string;
  validTo: string | null;
  officialSize: number;
  targetPct: number | null;
}

export function areaGroups(db: Db): Promise<AreaGroupRow[]> {
  return db.query<AreaGroupRow>(
    `SELECT code, name_vi AS "nameVi", level, legal_basis AS "legalBasis", listed_on AS "listedOn", valid_to AS "validTo", official_size AS "officialSize",
            target_pct::float8 AS "targetPct" FROM results_area_group ORDER BY code`,
  );
}

export type AreaMemberRow = AreaMemberRecord;

export function areaMembers(db: Db, groupCode?: string): Promise<AreaMemberRow[]> {
  return db.query<AreaMemberRow>(
    `SELECT m.group_code AS "groupCode", m.seq, m.stt, m.name_in_source AS "nameInSource", m.province_name AS "provinceName", m.unit_code_pre2025 AS "unitCode",
            m.unit_level AS "unitLevel", m.unit_id AS "unitId", u.province_id AS "provinceId", m.status, m.source_url AS "sourceUrl", m.note,
            m.exited_on AS "exitedOn", m.exit_basis AS "exitBasis"
     FROM results_area_member m LEFT JOIN admin_unit u ON u.id = m.unit_id
     WHERE ($1::text IS NULL OR m.group_code = $1) ORDER BY m.group_code, m.seq`,
    [groupCode ?? null],
  );
}

export interface AreaExitRow {
  groupCode: string;
  decision: string;
  decidedOn: string;
  count: number;
  cumulative: boolean;
  status: string;
  sourceUrl: string | null;
  note: string | null;
}

export function areaExits(db: Db): Promise<AreaExitRow[]> {
  return db.query<AreaExitRow>(
    `SELECT group_code AS "groupCode", decision, decided_on AS "decidedOn", exited_count AS count, cumulative, status, source_url AS "sourceUrl", note
     FROM results_area_exit ORDER BY decided_on`,
  );
}

export interface AreaExitWrite {
  groupCode: string;
  decision: string;
  decidedOn: string;
  count: number;
  cumulative: boolean;
  status: string;
  sourceUrl: string | null;
  note: string | null;
}

export async function recordAreaExit(tx: Db, e: AreaExitWrite) {
  return tx.one<{ id: number }>(
    `INSERT INTO results_area_exit (group_code, decision, decided_on, exited_count, cumulative, status, source_url, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [e.groupCode, e.decision, e.decidedOn, e.count, e.cumulative, e.status, e.sourceUrl, e.note],
  );
}

// ---------- forms, periods, reports ----------

export type FormRow = FormDef;

const SELECT_FORM = `SELECT code, number, annex, name_vi AS "nameVi", legal_basis AS "legalBasis", status, period_type AS "periodType", unit_level AS "unitLevel",
  deadline_working_days AS "deadlineWorkingDays", fields, rules, note FROM results_form`;

export function listForms(db: Db): Promise<FormRow[]> {
  return db.query<FormRow>(`${SELECT_FORM} ORDER BY number`);
}

export function findForm(db: Db, code: string): Promise<FormRow | undefined> {
  return db.maybeOne<FormRow>(`${SELECT_FORM} WHERE code = $1`, [code]);
}

export async function updateFormRules(tx: Db, code: string, rules: unknown): Promise<void> {
  await tx.query('UPDATE results_form SET rules = $2 WHERE code = $1', [code, JSON.stringify(rules)]);
}

export interface PeriodRow {
  id: number;
  formCode: string;
  periodKey: string;
  startsOn: string;
  endsOn: string;
  opensOn: string;
  closesOn: string;
  deadline: string;
  chain: string[];
}

const SELECT_PERIOD = `SELECT id, form_code AS "formCode", period_key AS "periodKey", starts_on AS "startsOn", ends_on AS "endsOn", opens_on AS "opensOn",
  closes_on AS "closesOn", deadline, chain FROM results_period`;

export function listPeriods(db: Db, formCode?: string): Promise<PeriodRow[]> {
  return db.query<PeriodRow>(
    `${SELECT_PERIOD} WHERE ($1::text IS NULL OR form_code = $1) ORDER BY starts_on DESC, form_code`,
    [formCode ?? null],
  );
}

export function findPeriod(db: Db, id: number): Promise<PeriodRow | undefined> {
  return db.maybeOne<PeriodRow>(`${SELECT_PERIOD} WHERE id = $1`, [id]);
}

export function insertPeriod(tx: Db, p: Omit<PeriodRow, 'id'> & { openedBy: string }): Promise<PeriodRow> {
  return tx.one<PeriodRow>(
    `INSERT INTO results_period (form_code, period_key, starts_on, ends_on, opens_on, closes_on, deadline, chain, opened_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     RETURNING id, form_code AS "formCode", period_key AS "periodKey", starts_on AS "startsOn", ends_on AS "endsOn", opens_on AS "opensOn",
       closes_on AS "closesOn", deadline, chain`,
    [p.formCode, p.periodKey, p.startsOn, p.endsOn, p.opensOn, p.closesOn, p.deadline, p.chain, p.openedBy],
  );
}

export interface ReportRow {
  id: number;
  provinceId: string;
  periodId: number;
  unitId: string;
  unitCode: string;
  unitName: string;
  provinceName: string;
  values: Record<string, number | null>;
  approvals: Approval[];
  submittedOn: string | null;
  returnedReason: string | null;
  version: number;
  updatedBy: string;
}

const SELECT_REPORT = `SELECT r.id, r.province_id AS "provinceId", r.period_id AS "periodId", r.unit_id AS "unitId", u.code AS "unitCode", u.full_name AS "unitName",
  p.full_name AS "provinceName", r.values, r.approvals, r.submitted_on AS "submittedOn", r.returned_reason AS "returnedReason", r.version, r.updated_by AS "updatedBy"
  FROM results_report r JOIN admin_unit u ON u.id = r.unit_id JOIN admin_unit p ON p.id = r.province_id`;

export function findReport(db: Db, periodId: number, unitId: string): Promise<ReportRow | undefined> {
  return db.maybeOne<ReportRow>(`${SELECT_REPORT} WHERE r.period_id = $1 AND r.unit_id = $2`, [periodId, unitId]);
}

export function findReportById(db: Db, id: number): Promise<ReportRow | undefined> {
  return db.maybeOne<ReportRow>(`${SELECT_REPORT} WHERE r.id = $1`, [id]);
}

export function reportsOfPeriod(db: Db, periodId: number, unitIds: string[] | null): Promise<ReportRow[]> {
  return db.query<ReportRow>(
    `${SELECT_REPORT} WHERE r.period_id = $1 AND ($2::text[] IS NULL OR r.unit_id = ANY($2)) ORDER BY p.code, u.code`,
    [periodId, unitIds],
  );
}

/** Insert or update a report; `expectVersion` guards against a concurrent change. */
export async function saveReport(
  tx: Db,
  r: {
    provinceId: string;
    periodId: number;
    unitId: string;
    values: unknown;
    approvals: Approval[];
    submittedOn: string | null;
    returnedReason: string | null;
    by: string;
  },
): Promise<number> {
  const row = await tx.one<{ id: number }>(
    `INSERT INTO results_report (province_id, period_id, unit_id, values, approvals, submitted_on, returned_reason, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (province_id, period_id, unit_id) DO UPDATE SET values = EXCLUDED.values, approvals = EXCLUDED.approvals, submitted_on = EXCLUDED.submitted_on,
       returned_reason = EXCLUDED.returned_reason, updated_by = EXCLUDED.updated_by, updated_at = now(), version = results_report.version + 1
     RETURNING id`,
    [
      r.provinceId,
      r.periodId,
      r.unitId,
      JSON.stringify(r.values),
      JSON.stringify(r.approvals),
      r.submittedOn,
      r.returnedReason,
      r.by,
    ],
  );
  return row.id;
}

/** Units of a level valid on a date, optionally within a set of ids (the expected reporters of a period). */
export function unitsOn(
  db: Db,
  level: 'commune' | 'province',
  on: string,
  within: string[] | null,
): Promise<{ id: string; code: string; fullName: string; provinceId: string }[]> {
  return db.query(
    `SELECT id, code, full_name AS "fullName", province_id AS "provinceId" FROM admin_unit
     WHERE level = $1 AND ${inForceSql('valid_from', 'valid_to', '$2::date')} AND ($3::text[] IS NULL OR id = ANY($3))
     ORDER BY code`,
    [level, on, within],
  );
}

/** Number of expected reporting units per form level on a date, optionally within a set of ids. */
export async function countUnitsOn(
  db: Db,
  level: 'commune' | 'province',
  on: string,
  within: string[] | null,
): Promise<number> {
  const r = await db.one<{ n: number }>(
    `SELECT count(*)::int AS n FROM admin_unit WHERE level = $1 AND ${inForceSql('valid_from', 'valid_to', '$2::date')} AND ($3::text[] IS NULL OR id = ANY($3))`,
    [level, on, within],
  );
  return r.n;
}

/** A unit version that exists at some day of a year (a province target's year, a report's period). */
export function unitValidDuring(db: Db, unitId: string, from: string, to: string) {
  return db.maybeOne<{
    id: string;
    code: string;
    fullName: string;
    level: string;
    provinceId: string;
    validFrom: string;
    validTo: string | null;
  }>(
    `SELECT id, code, full_name AS "fullName", level, province_id AS "provinceId", valid_from AS "validFrom", valid_to AS "validTo"
     FROM admin_unit WHERE id = $1 AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to > $2::date)`,
    [unitId, from, to],
  );
}

/** Per period: reports submitted, submitted by the deadline, approved at every level (the kept tallies). */
export function periodCounts(
  db: Db,
): Promise<{ periodId: number; submitted: number; onTime: number; approved: number }[]> {
  return db.query(`SELECT period_id AS "periodId", submitted, on_time AS "onTime", approved FROM results_period_tally`);
}

/** Adds to a period's tallies (in the transaction of the change that moves a report). */
export async function adjustTally(
  tx: Db,
  periodId: number,
  d: { submitted: number; onTime: number; approved: number },
): Promise<void> {
  if (d.submitted === 0 && d.onTime === 0 && d.approved === 0) return;
  await tx.query(
    `INSERT INTO results_period_tally (period_id, submitted, on_time, approved) VALUES ($1, $2, $3, $4)
     ON CONFLICT (period_id) DO UPDATE SET submitted = results_period_tally.submitted + EXCLUDED.submitted,
       on_time = results_period_tally.on_time + EXCLUDED.on_time, approved = results_period_tally.approved + EXCLUDED.approved`,
    [periodId, d.submitted, d.onTime, d.approved],
  );
}

/** Recomputes every period's tallies from the reports (after a bulk load). */
export async function rebuildTallies(tx: Db): Promise<void> {
  await tx.query('DELETE FROM results_period_tally');
  await tx.query(
    `INSERT INTO results_period_tally (period_id, submitted, on_time, approved)
     SELECT p.id, count(r.submitted_on)::int, (count(*) FILTER (WHERE r.submitted_on <= p.deadline))::int,
            (count(*) FILTER (WHERE jsonb_array_length(r.approvals) = cardinality(p.chain)))::int
     FROM results_period p LEFT JOIN results_report r ON r.period_id = p.id GROUP BY p.id`,
  );
}

/** Expected reporting units per period: units of the form's level valid on the period's last day (one query). */
export function expectedCounts(db: Db): Promise<{ periodId: number; expected: number }[]> {
  return db.query(
    `SELECT p.id AS "periodId", count(u.id)::int AS expected
     FROM results_period p JOIN results_form f ON f.code = p.form_code
     LEFT JOIN admin_unit u ON u.level = f.unit_level AND ${inForceSql('u.valid_from', 'u.valid_to', 'p.ends_on')}
     GROUP BY p.id`,
  );
}

/** Units of a level with these codes that existed at some day of [from, to]; the latest version first. */
export function unitsByCodeDuring(
  db: Db,
  level: 'commune' | 'province',
  codes: string[],
  from: string,
  to: string,
): Promise<{ id: string; code: string; fullName: string; provinceId: string }[]> {
  return db.query(
    `SELECT id, code, full_name AS "fullName", province_id AS "provinceId" FROM admin_unit
     WHERE level = $1 AND code = ANY($2) AND valid_from <= $4::date AND (valid_to IS NULL OR valid_to > $3::date)
     ORDER BY code, valid_from DESC`,
    [level, codes, from, to],
  );
}
