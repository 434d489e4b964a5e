/** SQL of the poverty area. No rules here: classification and counting live in src/domain/poverty. */
import type { Db } from '../../db/client';
import type { Counts } from '../../domain/poverty/aggregate';
import type { ChainState, StepRecord } from '../../domain/poverty/review';
import type { HouseholdClass } from '../../domain/poverty/types';

export interface CommuneRow {
  id: string;
  code: string;
  fullName: string;
  provinceId: string;
  provinceName: string;
}

const COMMUNE_SELECT = `SELECT c.id, c.code, c.full_name AS "fullName", c.province_id AS "provinceId", p.full_name AS "provinceName"
  FROM admin_unit c JOIN admin_unit p ON p.id = c.province_id`;

/** The commune version with this code (or an alias code) valid on a date. */
export function findCommuneOn(db: Db, code: string, date: string): Promise<CommuneRow | undefined> {
  return db.maybeOne<CommuneRow>(
    `${COMMUNE_SELECT}
     WHERE c.level = 'commune' AND c.valid_from <= $2 AND (c.valid_to IS NULL OR c.valid_to > $2)
       AND c.code = coalesce((SELECT a.code FROM unit_code_alias a WHERE a.level = 'commune' AND a.alias_code = $1
                               AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to > $2) LIMIT 1), $1)`,
    [code, date],
  );
}

export function findCommune(db: Db, id: string): Promise<CommuneRow | undefined> {
  return db.maybeOne<CommuneRow>(`${COMMUNE_SELECT} WHERE c.id = $1 AND c.level = 'commune'`, [id]);
}

/** One household of an import: its register row and its result of the year (keyed by commune and household code). */
export interface HouseholdWrite {
  provinceId: string;
  communeId: string;
  code: string;
  headName: string;
  headIdNumber: string | null;
  headEthnicity: string;
  ethnicMinority: boolean;
  village: string | null;
  area: string;
  membersCount: number;
  importId: number;
  standardId: string;
  scoreA: number | null;
  income: number | null;
  scoreB: number | null;
  deprived: string[];
  class: HouseholdClass;
  /** Last year's class from the workbook; the register's own record of last year wins. */
  previousClass: HouseholdClass | null;
  flags: string[];
  decisionNo: string | null;
  decisionDate: string | null;
}

export interface MemberWrite {
  communeId: string;
  householdCode: string;
  seq: number;
  fullName: string;
  relation: string;
  birthDate: string | null;
  sex: string | null;
  idNumber: string | null;
  ethnicity: string | null;
}

const BATCH = 5000;

const NEEDS_ESCAPE = /[\\"]/;
/**
 * A column as a PostgreSQL array literal (sent as text, cast in SQL). The driver's own array
 * serialisation costs about twice as much, which shows at 30 columns × millions of rows.
 * Values: strings, finite numbers, booleans, null.
 */
function pgArray(values: readonly (string | number | boolean | null)[]): string {
  let s = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) s += ',';
    if (v === null || v === undefined) s += 'NULL';
    else if (typeof v === 'number') s += String(v);
    else if (typeof v === 'boolean') s += v ? 't' : 'f';
    else s += NEEDS_ESCAPE.test(v) ? `"${v.replace(/[\\"]/g, '\\$&')}"` : `"${v}"`;
  }
  return `${s}}`;
}
const col = <T>(rows: readonly T[], f: (r: T) => string | number | boolean | null) => pgArray(rows.map(f));

/** Communes (of the given ones) that already have households in the register. */
export async function communesWithHouseholds(db: Db, communes: { provinceId: string; communeId: string }[]): Promise<Set<string>> {
  const rows = await db.query<{ commune_id: string }>(
    `SELECT DISTINCT h.commune_id FROM poverty_household h
     JOIN unnest($1::text[], $2::text[]) AS c(p, id) ON h.province_id = c.p AND h.commune_id = c.id`,
    [communes.map((c) => c.provinceId), communes.map((c) => c.communeId)],
  );
  return new Set(rows.map((r) => r.commune_id));
}

/** Deletes the results of communes for a year (before they are written again, in the caller's transaction). */
export async function deleteResults(tx: Db, year: number, communeIds: string[]): Promise<void> {
  if (communeIds.length) await tx.query('DELETE FROM poverty_result WHERE year = $1 AND commune_id = ANY($2::text[])', [year, communeIds]);
}

const UPSERT_HOUSEHOLD = `ON CONFLICT (province_id, commune_id, household_code) DO UPDATE SET
  head_name = EXCLUDED.head_name, head_id_number = EXCLUDED.head_id_number, head_ethnicity = EXCLUDED.head_ethnicity,
  ethnic_minority = EXCLUDED.ethnic_minority, village = EXCLUDED.village, area = EXCLUDED.area,
  members_count = EXCLUDED.members_count, updated_at = now()`;

/**
 * Writes households (insert, or upsert by (province, commune, household code) when `upsert`), their
 * members (replacing those of households that existed) and their results of `year` (last year's
 * class from the register, else the workbook's; households inserted without `upsert` are new and have
 * none), one statement per chunk of ≤ 5,000 households:
 * nothing travels back but the transitions of the rows written, grouped as in `communeTransitions`.
 * The communes' results of the year must have been deleted first (`deleteResults`).
 */
export async function writeRegister(tx: Db, year: number, households: HouseholdWrite[], members: MemberWrite[], upsert: boolean): Promise<TransitionRow[]> {
  const membersOf = new Map<string, MemberWrite[]>();
  for (const m of members) {
    const k = `${m.communeId}|${m.householdCode}`;
    const list = membersOf.get(k);
    if (list) list.push(m);
    else membersOf.set(k, [m]);
  }
  const out: TransitionRow[] = [];
  for (let i = 0; i < households.length; i += BATCH) {
    const h = households.slice(i, i + BATCH);
    const m = h.flatMap((x) => membersOf.get(`${x.communeId}|${x.code}`) ?? []);
    if (upsert) {
      await tx.query(
        // MATERIALIZED: the members are then looked up by (province, household id) through their primary key;
        // inlined, the planner may probe them by province only (one commune of 2,000 households: 0.5 s instead of 10 ms).
        `WITH x AS MATERIALIZED (
           SELECT h.province_id, h.id FROM poverty_household h JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(p, c, code)
             ON h.province_id = k.p AND h.commune_id = k.c AND h.household_code = k.code)
         DELETE FROM poverty_member m USING x WHERE m.province_id = x.province_id AND m.household_id = x.id`,
        [h.map((x) => x.provinceId), h.map((x) => x.communeId), h.map((x) => x.code)],
      );
    }
    const rows = await tx.query<TransitionRow>(
      `WITH k AS (
         SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bool[], $9::text[], $10::text[], $11::int[],
                              $12::int8[], $13::text[], $14::numeric[], $15::int8[], $16::int[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::date[])
           AS t(p, c, code, name, idn, eth, em, vil, area, mc, imp, std, sa, inc, sb, dep, cl, pc, fl, dn, dd)),
       h AS (
         INSERT INTO poverty_household (province_id, commune_id, household_code, head_name, head_id_number, head_ethnicity, ethnic_minority, village, area, members_count)
         SELECT p, c, code, name, idn, eth, em, vil, area, mc FROM k
         ${upsert ? UPSERT_HOUSEHOLD : ''}
         RETURNING province_id, id, commune_id, household_code),
       m AS (
         INSERT INTO poverty_member (province_id, household_id, seq, full_name, relation, birth_date, sex, id_number, ethnicity)
         SELECT h.province_id, h.id, mm.seq, mm.fn, mm.rel, mm.bd, mm.sex, mm.idn, mm.eth
         FROM unnest($23::text[], $24::text[], $25::int[], $26::text[], $27::text[], $28::date[], $29::text[], $30::text[], $31::text[])
           AS mm(c, code, seq, fn, rel, bd, sex, idn, eth)
         JOIN h ON h.commune_id = mm.c AND h.household_code = mm.code),
       r AS (
         INSERT INTO poverty_result (province_id, household_id, year, commune_id, import_id, area, ethnic_minority, standard_id, score_a,
           income_per_capita, score_b, deprived, class, previous_class, flags, decision_no, decision_date)
         SELECT h.province_id, h.id, $1::int, k.c, k.imp, k.area, k.em, k.std, k.sa, k.inc, k.sb, string_to_array(k.dep, ','), k.cl,
                ${upsert ? 'coalesce(prev.class, k.pc)' : 'k.pc'}, string_to_array(k.fl, ','), k.dn, k.dd
         FROM k JOIN h ON h.commune_id = k.c AND h.household_code = k.code
         ${upsert ? 'LEFT JOIN poverty_result prev ON prev.province_id = h.province_id AND prev.household_id = h.id AND prev.year = $1::int - 1' : ''}
         RETURNING commune_id, area, ethnic_minority, previous_class, class)
       SELECT commune_id, area, ethnic_minority, previous_class, class, count(*)::int AS n FROM r GROUP BY 1, 2, 3, 4, 5`,
      [
        year, col(h, (x) => x.provinceId), col(h, (x) => x.communeId), col(h, (x) => x.code), col(h, (x) => x.headName), col(h, (x) => x.headIdNumber),
        col(h, (x) => x.headEthnicity), col(h, (x) => x.ethnicMinority), col(h, (x) => x.village), col(h, (x) => x.area), col(h, (x) => x.membersCount),
        col(h, (x) => x.importId), col(h, (x) => x.standardId), col(h, (x) => x.scoreA), col(h, (x) => x.income), col(h, (x) => x.scoreB),
        col(h, (x) => x.deprived.join(',')), col(h, (x) => x.class), col(h, (x) => x.previousClass), col(h, (x) => x.flags.join(',')),
        col(h, (x) => x.decisionNo), col(h, (x) => x.decisionDate),
        col(m, (x) => x.communeId), col(m, (x) => x.householdCode), col(m, (x) => x.seq), col(m, (x) => x.fullName), col(m, (x) => x.relation),
        col(m, (x) => x.birthDate), col(m, (x) => x.sex), col(m, (x) => x.idNumber), col(m, (x) => x.ethnicity),
      ],
    );
    out.push(...rows);
  }
  return out;
}

/** Sets next year's previous_class from this year's classes; returns the communes whose next-year rows changed. */
export async function propagateToNextYear(tx: Db, year: number, communeIds: string[]): Promise<string[]> {
  const any = await tx.maybeOne('SELECT 1 FROM poverty_result WHERE year = $1 LIMIT 1', [year + 1]);
  if (!any) return [];
  const rows = await tx.query<{ commune_id: string }>(
    `UPDATE poverty_result n SET previous_class = cur.class
     FROM poverty_result cur
     WHERE cur.year = $1 AND cur.commune_id = ANY($2::text[]) AND n.province_id = cur.province_id
       AND n.household_id = cur.household_id AND n.year = $1 + 1 AND n.previous_class IS DISTINCT FROM cur.class
     RETURNING n.commune_id`,
    [year, communeIds],
  );
  return [...new Set(rows.map((r) => r.commune_id))];
}

export interface TransitionRow {
  commune_id: string;
  area: string;
  ethnic_minority: boolean;
  previous_class: HouseholdClass | null;
  class: HouseholdClass;
  n: number;
}

/** Results of some communes in a year grouped by what the counts depend on (≤ 2 × 2 × 5 × 4 rows per commune). */
export function communeTransitions(db: Db, year: number, communeIds: string[]): Promise<TransitionRow[]> {
  return db.query<TransitionRow>(
    `SELECT commune_id, area, ethnic_minority, previous_class, class, count(*)::int AS n
     FROM poverty_result WHERE year = $1 AND commune_id = ANY($2::text[])
     GROUP BY 1, 2, 3, 4, 5`,
    [year, communeIds],
  );
}

export interface AggregateWrite {
  communeId: string;
  area: string;
  ethnicMinority: boolean;
  counts: Counts;
}

export async function writeAggregates(tx: Db, year: number, communeIds: string[], g: AggregateWrite[]): Promise<void> {
  await tx.query('DELETE FROM poverty_aggregate WHERE year = $1 AND commune_id = ANY($2::text[])', [year, communeIds]);
  if (!g.length) return;
  await tx.query(
    `INSERT INTO poverty_aggregate (year, commune_id, area, ethnic_minority, households, poor, near_poor, escaped_poor, escaped_near_poor,
       newly_poor, newly_near_poor, relapsed)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bool[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[], $11::int[], $12::int[])`,
    [
      year, g.map((x) => x.communeId), g.map((x) => x.area), g.map((x) => x.ethnicMinority), g.map((x) => x.counts.households), g.map((x) => x.counts.poor),
      g.map((x) => x.counts.nearPoor), g.map((x) => x.counts.escapedPoor), g.map((x) => x.counts.escapedNearPoor), g.map((x) => x.counts.newlyPoor),
      g.map((x) => x.counts.newlyNearPoor), g.map((x) => x.counts.relapsed),
    ],
  );
}

export interface ImportRecord {
  communeId: string;
  year: number;
  fileName: string;
  sha: string;
  households: number;
  members: number;
  by: string;
}

/** Records imports (one per commune); returns commune id → import id. */
export async function recordImports(tx: Db, items: ImportRecord[]): Promise<Map<string, number>> {
  const rows = await tx.query<{ id: number; commune_id: string }>(
    `INSERT INTO poverty_import (commune_id, year, file_name, file_sha256, households, members, imported_by)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[])
     RETURNING id, commune_id`,
    [items.map((i) => i.communeId), items.map((i) => i.year), items.map((i) => i.fileName), items.map((i) => i.sha), items.map((i) => i.households), items.map((i) => i.members), items.map((i) => i.by)],
  );
  return new Map(rows.map((r) => [r.commune_id, r.id]));
}

/** The sha256 of the latest import of each commune in a year. */
export async function latestImportShas(db: Db, year: number, communeIds: string[]): Promise<Map<string, string>> {
  const rows = await db.query<{ commune_id: string; sha: string }>(
    `SELECT DISTINCT ON (commune_id) commune_id, file_sha256 AS sha FROM poverty_import
     WHERE year = $1 AND commune_id = ANY($2::text[]) ORDER BY commune_id, id DESC`,
    [year, communeIds],
  );
  return new Map(rows.map((r) => [r.commune_id, r.sha]));
}

export type SummaryLevel = 'province' | 'region' | 'nation';
export type Boundaries = 'review' | 'current';
export type Breakdown = 'none' | 'area' | 'ethnicity';

export interface SummaryRow {
  key: string;
  code: string;
  name: string;
  part: string;
  households: number;
  poor: number;
  near_poor: number;
  escaped_poor: number;
  escaped_near_poor: number;
  newly_poor: number;
  newly_near_poor: number;
  relapsed: number;
}

const SUMS = `sum(a.households)::int AS households, sum(a.poor)::int AS poor, sum(a.near_poor)::int AS near_poor,
  sum(a.escaped_poor)::int AS escaped_poor, sum(a.escaped_near_poor)::int AS escaped_near_poor, sum(a.newly_poor)::int AS newly_poor,
  sum(a.newly_near_poor)::int AS newly_near_poor, sum(a.relapsed)::int AS relapsed`;

/**
 * Province versions mapped to the current province versions through resolved lineage; a province
 * that reaches more than one current province (or only through a partial link) is ambiguous.
 */
const CURRENT_PROVINCE = `
  WITH RECURSIVE up (from_id, to_id, partial) AS (
    SELECT id, id, false FROM admin_unit WHERE level = 'province'
    UNION
    SELECT up.from_id, l.to_unit_id, up.partial OR l.relation = 'partial'
    FROM up JOIN unit_lineage l ON l.from_unit_id = up.to_id AND l.resolved
    JOIN admin_unit t ON t.id = l.to_unit_id AND t.level = 'province'
  ),
  reach AS (
    SELECT up.from_id, up.to_id, up.partial FROM up JOIN admin_unit t ON t.id = up.to_id WHERE t.valid_to IS NULL
  ),
  current_province AS (
    SELECT from_id, min(to_id) AS to_id, (count(DISTINCT to_id) > 1 OR bool_or(partial)) AS ambiguous FROM reach GROUP BY from_id
  )`;

/** Sums of the per-commune aggregates by province, region (6 statistical regions) or nation. */
export async function summary(db: Db, year: number, level: SummaryLevel, boundaries: Boundaries, breakdown: Breakdown): Promise<{ rows: SummaryRow[]; unresolved: SummaryRow[] }> {
  const part = breakdown === 'area' ? 'a.area' : breakdown === 'ethnicity' ? `CASE WHEN a.ethnic_minority THEN 'minority' ELSE 'kinh' END` : `'all'`;
  const provinceExpr = boundaries === 'current' ? 'cp.to_id' : 'c.province_id';
  const joinCurrent = boundaries === 'current' ? 'LEFT JOIN current_province cp ON cp.from_id = c.province_id' : '';
  const ambiguous = boundaries === 'current' ? '(cp.to_id IS NULL OR cp.ambiguous)' : 'false';
  const base = `${boundaries === 'current' ? CURRENT_PROVINCE + ',' : 'WITH'} base AS (
      SELECT a.*, ${provinceExpr} AS province_id, ${ambiguous} AS ambiguous, c.province_id AS review_province_id, ${part} AS part
      FROM poverty_aggregate a JOIN admin_unit c ON c.id = a.commune_id ${joinCurrent}
      WHERE a.year = $1)`;
  let sql: string;
  if (level === 'province') {
    sql = `${base}
      SELECT a.province_id AS key, p.code, p.full_name AS name, a.part, ${SUMS}
      FROM base a JOIN admin_unit p ON p.id = a.province_id WHERE NOT a.ambiguous
      GROUP BY a.province_id, p.code, p.full_name, a.part`;
  } else if (level === 'region') {
    sql = `${base}
      SELECT coalesce(r.id, '-') AS key, coalesce(r.code, '-') AS code, coalesce(r.name, 'Chưa xác định vùng') AS name, a.part, ${SUMS}
      FROM base a LEFT JOIN region_member rm ON rm.unit_id = a.province_id AND rm.region_id LIKE 'R6:%'
      LEFT JOIN region r ON r.id = rm.region_id WHERE NOT a.ambiguous
      GROUP BY r.id, r.code, r.name, a.part`;
  } else {
    sql = `${base}
      SELECT 'VN' AS key, 'VN' AS code, 'Toàn quốc' AS name, a.part, ${SUMS} FROM base a GROUP BY a.part`;
  }
  const rows = await db.query<SummaryRow>(`${sql} ORDER BY 2, 4`, [year]);
  const unresolved =
    boundaries === 'current' && level !== 'nation'
      ? await db.query<SummaryRow>(
          `${base}
           SELECT a.review_province_id AS key, p.code, p.full_name AS name, a.part, ${SUMS}
           FROM base a JOIN admin_unit p ON p.id = a.review_province_id WHERE a.ambiguous
           GROUP BY a.review_province_id, p.code, p.full_name, a.part ORDER BY 2, 4`,
          [year],
        )
      : [];
  return { rows, unresolved };
}

export function publishedSeries(db: Db, year?: number) {
  return db.query(
    `SELECT year, year_text AS "yearText", scope, area_code AS "areaCode", area_name AS "areaName", indicator, rate_pct::float8 AS "ratePct",
            households, total_households AS "totalHouseholds", status, decision, source_url AS "sourceUrl", note
     FROM poverty_published WHERE ($1::int IS NULL OR year = $1) ORDER BY year_text, scope, area_code, indicator`,
    [year ?? null],
  );
}

export interface HouseholdListRow {
  id: number;
  code: string;
  headName: string;
  headIdNumber: string | null;
  headEthnicity: string | null;
  village: string | null;
  area: string;
  membersCount: number;
  class: HouseholdClass;
  previousClass: HouseholdClass | null;
  scoreA: number | null;
  scoreB: number | null;
  income: number | null;
  deprived: string[];
  flags: string[];
  decisionNo: string | null;
  decisionDate: string | null;
}

export function communeHouseholds(db: Db, communeId: string, year: number, classes?: HouseholdClass[]): Promise<HouseholdListRow[]> {
  return db.query<HouseholdListRow>(
    `SELECT h.id, h.household_code AS code, h.head_name AS "headName", h.head_id_number AS "headIdNumber", h.head_ethnicity AS "headEthnicity",
            h.village, r.area, h.members_count AS "membersCount", r.class, r.previous_class AS "previousClass", r.score_a::float8 AS "scoreA",
            r.score_b AS "scoreB", r.income_per_capita AS income, r.deprived, r.flags, r.decision_no AS "decisionNo", r.decision_date AS "decisionDate"
     FROM poverty_result r JOIN poverty_household h ON h.province_id = r.province_id AND h.id = r.household_id
     WHERE r.year = $1 AND r.commune_id = $2 AND ($3::text[] IS NULL OR r.class = ANY($3::text[]))
     ORDER BY h.household_code`,
    [year, communeId, classes ?? null],
  );
}

export function communeMembers(db: Db, provinceId: string, householdIds: number[]) {
  return db.query<{ householdId: number; seq: number; fullName: string; relation: string; birthDate: string | null; sex: string | null; idNumber: string | null; ethnicity: string | null }>(
    `SELECT household_id AS "householdId", seq, full_name AS "fullName", relation, birth_date AS "birthDate", sex, id_number AS "idNumber", ethnicity
     FROM poverty_member WHERE province_id = $1 AND household_id = ANY($2::int8[]) ORDER BY household_id, seq`,
    [provinceId, householdIds],
  );
}

export interface ApplicationRow {
  id: number;
  provinceId: string;
  communeId: string;
  communeName: string;
  applicantName: string;
  householdCode: string | null;
  receivedOn: string;
  startedOn: string;
  dueOn: string;
  decidedOn: string | null;
  outcome: 'poor' | 'near_poor' | 'rejected' | null;
  reason: string | null;
}

const APPLICATION_SELECT = `SELECT a.id, a.province_id AS "provinceId", a.commune_id AS "communeId", c.full_name AS "communeName",
  a.applicant_name AS "applicantName", a.household_code AS "householdCode", a.received_on AS "receivedOn", a.started_on AS "startedOn",
  a.due_on AS "dueOn", a.decided_on AS "decidedOn", a.outcome, a.reason
  FROM poverty_application a JOIN admin_unit c ON c.id = a.commune_id`;

export async function insertApplication(
  tx: Db,
  a: { provinceId: string; communeId: string; applicantName: string; householdCode: string | null; receivedOn: string; startedOn: string; dueOn: string },
): Promise<ApplicationRow> {
  const { id } = await tx.one<{ id: number }>(
    `INSERT INTO poverty_application (province_id, commune_id, applicant_name, household_code, received_on, started_on, due_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [a.provinceId, a.communeId, a.applicantName, a.householdCode, a.receivedOn, a.startedOn, a.dueOn],
  );
  return (await findApplication(tx, id))!;
}

export function findApplication(db: Db, id: number): Promise<ApplicationRow | undefined> {
  return db.maybeOne<ApplicationRow>(`${APPLICATION_SELECT} WHERE a.id = $1`, [id]);
}

export async function decideApplication(tx: Db, a: ApplicationRow, d: { decidedOn: string; outcome: string; reason: string | null }): Promise<void> {
  await tx.query('UPDATE poverty_application SET decided_on = $3, outcome = $4, reason = $5 WHERE province_id = $1 AND id = $2', [a.provinceId, a.id, d.decidedOn, d.outcome, d.reason]);
}

/** Applications whose review started in a year (and month), in the given communes (null = all). */
export function listApplications(db: Db, year: number, month: number | null, communeIds: string[] | null): Promise<ApplicationRow[]> {
  return db.query<ApplicationRow>(
    `${APPLICATION_SELECT}
     WHERE extract(year FROM a.started_on) = $1 AND ($2::int IS NULL OR extract(month FROM a.started_on) = $2)
       AND ($3::text[] IS NULL OR a.commune_id = ANY($3::text[]))
     ORDER BY a.started_on, a.id`,
    [year, month, communeIds],
  );
}

/** Every commune's review record of a campaign, with the commune. */
export async function communeReviews(db: Db, campaignId: number) {
  const rows = await db.query<CommuneRow & { steps: StepRecord[]; approvals: ChainState['approvals'] }>(
    `SELECT c.id, c.code, c.full_name AS "fullName", c.province_id AS "provinceId", p.full_name AS "provinceName", r.steps, r.approvals
     FROM poverty_commune_review r JOIN admin_unit c ON c.id = r.commune_id JOIN admin_unit p ON p.id = c.province_id
     WHERE r.campaign_id = $1 ORDER BY c.province_id, c.code`,
    [campaignId],
  );
  return rows.map(({ steps, approvals, ...commune }) => ({ commune, steps, approvals }));
}

export interface CampaignRow {
  id: number;
  kind: 'periodic' | 'monthly';
  year: number;
  month: number;
  opens_on: string;
  closes_on: string | null;
  routing_id: string;
}

export function findCampaign(db: Db, kind: string, year: number, month: number): Promise<CampaignRow | undefined> {
  return db.maybeOne<CampaignRow>('SELECT * FROM poverty_campaign WHERE kind = $1 AND year = $2 AND month = $3', [kind, year, month]);
}

export function insertCampaign(tx: Db, c: { kind: string; year: number; month: number; opensOn: string; closesOn: string | null; routingId: string }): Promise<CampaignRow> {
  return tx.one<CampaignRow>(
    `INSERT INTO poverty_campaign (kind, year, month, opens_on, closes_on, routing_id) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (kind, year, month) DO UPDATE SET kind = EXCLUDED.kind RETURNING *`,
    [c.kind, c.year, c.month, c.opensOn, c.closesOn, c.routingId],
  );
}

export function communeApprovals(db: Db, campaignId: number, communeIds: string[]) {
  return db.query<{ commune_id: string; approvals: ChainState['approvals'] }>(
    'SELECT commune_id, approvals FROM poverty_commune_review WHERE campaign_id = $1 AND commune_id = ANY($2::text[])',
    [campaignId, communeIds],
  );
}

export function communeReviewState(db: Db, campaignId: number, communeId: string) {
  return db.maybeOne<{ steps: StepRecord[]; approvals: ChainState['approvals'] }>(
    'SELECT steps, approvals FROM poverty_commune_review WHERE campaign_id = $1 AND commune_id = $2',
    [campaignId, communeId],
  );
}

export async function saveCommuneReview(tx: Db, campaignId: number, commune: CommuneRow, steps: StepRecord[], approvals: ChainState['approvals']): Promise<void> {
  await tx.query(
    `INSERT INTO poverty_commune_review (campaign_id, commune_id, province_id, steps, approvals) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (campaign_id, commune_id) DO UPDATE SET steps = EXCLUDED.steps, approvals = EXCLUDED.approvals, updated_at = now()`,
    [campaignId, commune.id, commune.provinceId, JSON.stringify(steps), JSON.stringify(approvals)],
  );
}
