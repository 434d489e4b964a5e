/** SQL of the poverty area. No rules here: classification and counting live in src/domain/poverty. */
import type { Db } from '../../db/client';
import type { Counts } from '../../domain/poverty/aggregate';
import type { ChainState, StepRecord } from '../../domain/poverty/review';
import type { ResidentHouseholds } from '../../domain/poverty/resident';
import type { HouseholdClass, Occupation } from '../../domain/poverty/types';
import type { ParsedHousehold } from '../../domain/poverty/workbook';
import { insertUnnest } from '../units/load';

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

/** A household row of the register: the workbook's fields of the head, placed in its commune. */
export type HouseholdWrite = Pick<
  ParsedHousehold,
  'code' | 'headName' | 'headIdNumber' | 'headEthnicity' | 'ethnicMinority' | 'village' | 'area'
> & {
  provinceId: string;
  communeId: string;
  membersCount: number;
};

const BATCH = 5000;
const keyOf = (communeId: string, code: string) => `${communeId}|${code}`;

/**
 * Locks the communes of an import (FOR KEY SHARE, what a foreign key takes) and returns those that are not
 * a commune of the given province: the register checks its communes once per file instead of per row.
 */
export async function lockCommunes(tx: Db, communes: { provinceId: string; communeId: string }[]): Promise<string[]> {
  const found = await tx.query<{ id: string }>(
    `SELECT u.id FROM admin_unit u JOIN unnest($1::text[], $2::text[]) AS c(p, id) ON u.id = c.id AND u.province_id = c.p
     WHERE u.level = 'commune' FOR KEY SHARE OF u`,
    [communes.map((c) => c.provinceId), communes.map((c) => c.communeId)],
  );
  const ok = new Set(found.map((r) => r.id));
  return communes.map((c) => c.communeId).filter((id) => !ok.has(id));
}

/** Communes (of the given ones) that already have households in the register. */
export async function communesWithHouseholds(
  db: Db,
  communes: { provinceId: string; communeId: string }[],
): Promise<Set<string>> {
  const rows = await db.query<{ commune_id: string }>(
    `SELECT c.id AS commune_id FROM unnest($1::text[], $2::text[]) AS c(p, id)
     WHERE EXISTS (SELECT 1 FROM poverty_household h WHERE h.province_id = c.p AND h.commune_id = c.id)`,
    [communes.map((c) => c.provinceId), communes.map((c) => c.communeId)],
  );
  return new Set(rows.map((r) => r.commune_id));
}

/**
 * Inserts or updates households by (province, commune, household code); returns "commune|code" → id
 * and the ids of the households that already existed (their members must be replaced). Households of
 * communes with none yet (`fresh`) are inserted without the conflict check.
 */
export async function upsertHouseholds(
  tx: Db,
  rows: HouseholdWrite[],
  fresh: Set<string> = new Set(),
): Promise<{ ids: Map<string, number>; existing: Set<number> }> {
  const ids = new Map<string, number>();
  const existing = new Set<number>();
  const upsert = `ON CONFLICT (province_id, commune_id, household_code) DO UPDATE SET
         head_name = EXCLUDED.head_name, head_id_number = EXCLUDED.head_id_number, head_ethnicity = EXCLUDED.head_ethnicity,
         ethnic_minority = EXCLUDED.ethnic_minority, village = EXCLUDED.village, area = EXCLUDED.area,
         members_count = EXCLUDED.members_count, updated_at = now()`;
  for (const [conflict, part] of [
    [false, rows.filter((r) => fresh.has(r.communeId))],
    [true, rows.filter((r) => !fresh.has(r.communeId))],
  ] as const) {
    for (let i = 0; i < part.length; i += BATCH) {
      const c = part.slice(i, i + BATCH);
      const got = await tx.query<{ id: number; commune_id: string; code: string; updated: boolean }>(
        `INSERT INTO poverty_household (province_id, commune_id, household_code, head_name, head_id_number, head_ethnicity, ethnic_minority, village, area, members_count)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::text[], $9::text[], $10::int[])
         ${conflict ? upsert : ''}
         RETURNING id, commune_id, household_code AS code, ${conflict ? `(xmax::text <> '0')` : 'false'} AS updated`,
        [
          c.map((r) => r.provinceId),
          c.map((r) => r.communeId),
          c.map((r) => r.code),
          c.map((r) => r.headName),
          c.map((r) => r.headIdNumber),
          c.map((r) => r.headEthnicity),
          c.map((r) => r.ethnicMinority),
          c.map((r) => r.village),
          c.map((r) => r.area),
          c.map((r) => r.membersCount),
        ],
      );
      for (const g of got) {
        ids.set(keyOf(g.commune_id, g.code), g.id);
        if (g.updated) existing.add(g.id);
      }
    }
  }
  return { ids, existing };
}
export { keyOf as householdKey };

export interface MemberWrite {
  provinceId: string;
  householdId: number;
  seq: number;
  fullName: string;
  relation: string;
  birthDate: string | null;
  sex: string | null;
  idNumber: string | null;
  ethnicity: string | null;
}

export interface HouseholdRef {
  provinceId: string;
  householdId: number;
}

/** Replaces the members of households; `existing` are the ones that may have members already. */
export async function replaceMembers(tx: Db, existing: HouseholdRef[], members: MemberWrite[]): Promise<void> {
  for (let i = 0; i < existing.length; i += BATCH) {
    const c = existing.slice(i, i + BATCH);
    await tx.query(
      `DELETE FROM poverty_member WHERE (province_id, household_id) IN (SELECT * FROM unnest($1::text[], $2::int8[]))`,
      [c.map((h) => h.provinceId), c.map((h) => h.householdId)],
    );
  }
  await insertUnnest(
    tx,
    'poverty_member',
    [
      ['province_id', 'text[]'],
      ['household_id', 'int8[]'],
      ['seq', 'int[]'],
      ['full_name', 'text[]'],
      ['relation', 'text[]'],
      ['birth_date', 'date[]'],
      ['sex', 'text[]'],
      ['id_number', 'text[]'],
      ['ethnicity', 'text[]'],
    ],
    members.map((m) => [
      m.provinceId,
      m.householdId,
      m.seq,
      m.fullName,
      m.relation,
      m.birthDate,
      m.sex,
      m.idNumber,
      m.ethnicity,
    ]),
  );
}

/** Class of each household in the year before `year` (the register's own record). */
export async function previousClasses(
  db: Db,
  households: HouseholdRef[],
  year: number,
): Promise<Map<number, HouseholdClass>> {
  const out = new Map<number, HouseholdClass>();
  for (let i = 0; i < households.length; i += BATCH) {
    const c = households.slice(i, i + BATCH);
    const rows = await db.query<{ id: number; class: HouseholdClass }>(
      `SELECT r.household_id AS id, r.class FROM poverty_result r JOIN unnest($1::text[], $2::int8[]) AS d(p, h)
         ON r.province_id = d.p AND r.household_id = d.h WHERE r.year = $3`,
      [c.map((h) => h.provinceId), c.map((h) => h.householdId), year - 1],
    );
    for (const r of rows) out.set(r.id, r.class);
  }
  return out;
}

/**
 * Households poor in any review year before `year` (the register's history): they had escaped poverty if not poor last
 * year.
 */
export async function poorEarlier(db: Db, households: HouseholdRef[], year: number): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < households.length; i += BATCH) {
    const c = households.slice(i, i + BATCH);
    const rows = await db.query<{ id: number }>(
      `SELECT DISTINCT r.household_id AS id FROM poverty_result r JOIN unnest($1::text[], $2::int8[]) AS d(p, h)
         ON r.province_id = d.p AND r.household_id = d.h WHERE r.year < $3 AND r.class = 'poor'`,
      [c.map((h) => h.provinceId), c.map((h) => h.householdId), year],
    );
    for (const r of rows) out.add(Number(r.id));
  }
  return out;
}

export interface ResultWrite {
  provinceId: string;
  communeId: string;
  importId: number;
  householdId: number;
  area: string;
  ethnicMinority: boolean;
  standardId: string;
  scoreA: number | null;
  income: number | null;
  scoreB: number | null;
  deprived: string[];
  class: HouseholdClass;
  previousClass: HouseholdClass | null;
  flags: string[];
  decisionNo: string | null;
  decisionDate: string | null;
  occupation: Occupation | null;
  noLabourCapacity: boolean | null;
}

/**
 * Replaces the results of communes for a year (all-or-nothing inside the caller's transaction);
 * `replacedCommuneIds` are the communes that may have results already (imported before).
 */
export async function replaceResults(
  tx: Db,
  year: number,
  replacedCommuneIds: string[],
  rows: ResultWrite[],
): Promise<void> {
  if (replacedCommuneIds.length)
    await tx.query('DELETE FROM poverty_result WHERE year = $1 AND commune_id = ANY($2::text[])', [
      year,
      replacedCommuneIds,
    ]);
  for (let i = 0; i < rows.length; i += BATCH) {
    const c = rows.slice(i, i + BATCH);
    await tx.query(
      `INSERT INTO poverty_result (province_id, household_id, year, commune_id, import_id, area, ethnic_minority, standard_id, score_a,
         income_per_capita, score_b, deprived, class, previous_class, flags, decision_no, decision_date, occupation, no_labour_capacity)
       SELECT p, h, $1, cm, imp, a, e, s, sa, inc, sb, string_to_array(d, ','), cl, pc, string_to_array(f, ','), dn, dd, oc, nl
       FROM unnest($2::text[], $3::int8[], $4::text[], $5::int8[], $6::text[], $7::bool[], $8::text[], $9::numeric[], $10::int8[], $11::int[],
                   $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::date[], $18::text[], $19::bool[])
            AS t(p, h, cm, imp, a, e, s, sa, inc, sb, d, cl, pc, f, dn, dd, oc, nl)`,
      [
        year,
        c.map((r) => r.provinceId),
        c.map((r) => r.householdId),
        c.map((r) => r.communeId),
        c.map((r) => r.importId),
        c.map((r) => r.area),
        c.map((r) => r.ethnicMinority),
        c.map((r) => r.standardId),
        c.map((r) => r.scoreA),
        c.map((r) => r.income),
        c.map((r) => r.scoreB),
        c.map((r) => r.deprived.join(',')),
        c.map((r) => r.class),
        c.map((r) => r.previousClass),
        c.map((r) => r.flags.join(',')),
        c.map((r) => r.decisionNo),
        c.map((r) => r.decisionDate),
        c.map((r) => r.occupation),
        c.map((r) => r.noLabourCapacity),
      ],
    );
  }
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

/**
 * Later review years with results of the households of these communes, and the communes (of those
 * years' boundaries) holding them: their aggregates depend on this year's classes.
 */
export async function laterYears(
  db: Db,
  year: number,
  communeIds: string[],
): Promise<{ year: number; communeIds: string[] }[]> {
  // Usually the newest year is being imported: one index probe instead of a join over the communes' results.
  if (!(await db.maybeOne('SELECT 1 FROM poverty_result WHERE year > $1 LIMIT 1', [year]))) return [];
  const rows = await db.query<{ year: number; communes: string[] }>(
    `SELECT n.year, array_agg(DISTINCT n.commune_id) AS communes
     FROM poverty_result cur JOIN poverty_result n ON n.province_id = cur.province_id AND n.household_id = cur.household_id AND n.year > cur.year
     WHERE cur.year = $1 AND cur.commune_id = ANY($2::text[]) GROUP BY n.year ORDER BY n.year`,
    [year, communeIds],
  );
  return rows.map((r) => ({ year: r.year, communeIds: r.communes }));
}

export interface TransitionRow {
  commune_id: string;
  area: string;
  ethnic_minority: boolean;
  previous_class: HouseholdClass | null;
  class: HouseholdClass;
  poor_earlier: boolean;
  no_labour_capacity: boolean | null;
  n: number;
}

/** Results of some communes in a year grouped by what the counts depend on (a few dozen rows per commune). */
export function communeTransitions(db: Db, year: number, communeIds: string[]): Promise<TransitionRow[]> {
  return db.query<TransitionRow>(
    `SELECT r.commune_id, r.area, r.ethnic_minority, r.previous_class, r.class,
            EXISTS (SELECT 1 FROM poverty_result e WHERE e.province_id = r.province_id AND e.household_id = r.household_id
                      AND e.year < r.year AND e.class = 'poor') AS poor_earlier,
            r.no_labour_capacity, count(*)::int AS n
     FROM poverty_result r WHERE r.year = $1 AND r.commune_id = ANY($2::text[])
     GROUP BY 1, 2, 3, 4, 5, 6, 7`,
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
       newly_poor, newly_near_poor, relapsed, poor_no_labour, near_poor_no_labour, labour_unknown)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bool[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[], $11::int[], $12::int[],
                              $13::int[], $14::int[], $15::int[])`,
    [
      year,
      g.map((x) => x.communeId),
      g.map((x) => x.area),
      g.map((x) => x.ethnicMinority),
      g.map((x) => x.counts.households),
      g.map((x) => x.counts.poor),
      g.map((x) => x.counts.nearPoor),
      g.map((x) => x.counts.escapedPoor),
      g.map((x) => x.counts.escapedNearPoor),
      g.map((x) => x.counts.newlyPoor),
      g.map((x) => x.counts.newlyNearPoor),
      g.map((x) => x.counts.relapsed),
      g.map((x) => x.counts.poorNoLabour),
      g.map((x) => x.counts.nearPoorNoLabour),
      g.map((x) => x.counts.labourUnknown),
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
    [
      items.map((i) => i.communeId),
      items.map((i) => i.year),
      items.map((i) => i.fileName),
      items.map((i) => i.sha),
      items.map((i) => i.households),
      items.map((i) => i.members),
      items.map((i) => i.by),
    ],
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
/** official: only communes whose results the commune chair has recognised; all: also results in progress. */
export type SummaryStatus = 'official' | 'all';

export interface SummaryRow {
  key: string;
  code: string;
  name: string;
  part: string;
  /** Households in the register (surveyed) of the counted communes. */
  registered: number;
  poor: number;
  near_poor: number;
  escaped_poor: number;
  escaped_near_poor: number;
  newly_poor: number;
  newly_near_poor: number;
  relapsed: number;
  poor_no_labour: number;
  near_poor_no_labour: number;
  labour_unknown: number;
  /** Resident households of the counted communes that reported them (null: none did). */
  resident: number | null;
  /** Poor / near-poor of those same communes: the numerators of the rates. */
  poor_covered: number;
  near_poor_covered: number;
  communes_total: number;
  communes_counted: number;
  communes_reporting: number;
  all_recognised: boolean;
}

const SUMS = `
  coalesce(sum(b.registered) FILTER (WHERE b.counted), 0)::int AS registered,
  coalesce(sum(b.poor) FILTER (WHERE b.counted), 0)::int AS poor,
  coalesce(sum(b.near_poor) FILTER (WHERE b.counted), 0)::int AS near_poor,
  coalesce(sum(b.escaped_poor) FILTER (WHERE b.counted), 0)::int AS escaped_poor,
  coalesce(sum(b.escaped_near_poor) FILTER (WHERE b.counted), 0)::int AS escaped_near_poor,
  coalesce(sum(b.newly_poor) FILTER (WHERE b.counted), 0)::int AS newly_poor,
  coalesce(sum(b.newly_near_poor) FILTER (WHERE b.counted), 0)::int AS newly_near_poor,
  coalesce(sum(b.relapsed) FILTER (WHERE b.counted), 0)::int AS relapsed,
  coalesce(sum(b.poor_no_labour) FILTER (WHERE b.counted), 0)::int AS poor_no_labour,
  coalesce(sum(b.near_poor_no_labour) FILTER (WHERE b.counted), 0)::int AS near_poor_no_labour,
  coalesce(sum(b.labour_unknown) FILTER (WHERE b.counted), 0)::int AS labour_unknown,
  sum(b.resident) FILTER (WHERE b.counted AND b.resident IS NOT NULL)::int AS resident,
  coalesce(sum(b.poor) FILTER (WHERE b.counted AND b.resident IS NOT NULL), 0)::int AS poor_covered,
  coalesce(sum(b.near_poor) FILTER (WHERE b.counted AND b.resident IS NOT NULL), 0)::int AS near_poor_covered,
  count(*) FILTER (WHERE b.in_force)::int AS communes_total,
  count(*) FILTER (WHERE b.counted)::int AS communes_counted,
  count(*) FILTER (WHERE b.counted AND b.resident IS NOT NULL)::int AS communes_reporting,
  coalesce(bool_and(b.recognised) FILTER (WHERE b.counted), true) AS all_recognised`;

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

const PARTS: Record<Breakdown, string[]> = { none: ['all'], area: ['rural', 'urban'], ethnicity: ['kinh', 'minority'] };

/**
 * Sums by province, region (6 statistical regions) or nation of the communes' aggregates, with the
 * resident households reported by the communes and the coverage: every commune in force on the
 * review date counts in `communes_total`; a commune is counted when it has results (and, for
 * `official`, when its chair has recognised them: the "recognition" step of the year's periodic
 * review); it reports when its resident households (of the part) are known too.
 */
export async function summary(
  db: Db,
  year: number,
  reviewDate: string,
  level: SummaryLevel,
  boundaries: Boundaries,
  breakdown: Breakdown,
  status: SummaryStatus,
): Promise<{ rows: SummaryRow[]; unresolved: SummaryRow[] }> {
  const provinceExpr = boundaries === 'current' ? 'cp.to_id' : 'u.province_id';
  const joinCurrent = boundaries === 'current' ? 'LEFT JOIN current_province cp ON cp.from_id = u.province_id' : '';
  const ambiguous = boundaries === 'current' ? '(cp.to_id IS NULL OR cp.ambiguous)' : 'false';
  const base = `${boundaries === 'current' ? CURRENT_PROVINCE + ',' : 'WITH'}
    agg AS (
      SELECT a.commune_id,
             CASE $5::text WHEN 'area' THEN a.area WHEN 'ethnicity' THEN CASE WHEN a.ethnic_minority THEN 'minority' ELSE 'kinh' END ELSE 'all' END AS part,
             sum(a.households) AS registered, sum(a.poor) AS poor, sum(a.near_poor) AS near_poor, sum(a.escaped_poor) AS escaped_poor,
             sum(a.escaped_near_poor) AS escaped_near_poor, sum(a.newly_poor) AS newly_poor, sum(a.newly_near_poor) AS newly_near_poor,
             sum(a.relapsed) AS relapsed, sum(a.poor_no_labour) AS poor_no_labour, sum(a.near_poor_no_labour) AS near_poor_no_labour,
             sum(a.labour_unknown) AS labour_unknown
      FROM poverty_aggregate a WHERE a.year = $1 GROUP BY 1, 2),
    has_results AS (SELECT DISTINCT commune_id FROM agg),
    recognised AS (
      SELECT DISTINCT r.commune_id FROM poverty_commune_review r JOIN poverty_campaign k ON k.id = r.campaign_id
      WHERE k.kind = 'periodic' AND k.year = $1 AND r.steps @> '[{"step": "recognition"}]'::jsonb),
    units AS (
      SELECT c.id, c.province_id,
             (c.level = 'commune' AND c.valid_from <= $2::date AND (c.valid_to IS NULL OR c.valid_to > $2::date)) AS in_force
      FROM admin_unit c
      WHERE c.level = 'commune' AND ((c.valid_from <= $2::date AND (c.valid_to IS NULL OR c.valid_to > $2::date))
         OR c.id IN (SELECT commune_id FROM agg) OR c.id IN (SELECT commune_id FROM recognised)
         OR c.id IN (SELECT commune_id FROM poverty_resident_households WHERE year = $1))),
    base AS (
      SELECT u.id, u.in_force, ${provinceExpr} AS province_id, ${ambiguous} AS ambiguous, u.province_id AS review_province_id, p.part,
             (rg.commune_id IS NOT NULL) AS recognised,
             ((hr.commune_id IS NOT NULL OR rg.commune_id IS NOT NULL) AND ($4::text = 'all' OR rg.commune_id IS NOT NULL)) AS counted,
             CASE p.part WHEN 'all' THEN rh.total WHEN 'urban' THEN rh.urban WHEN 'rural' THEN rh.rural
                         WHEN 'minority' THEN rh.ethnic_minority WHEN 'kinh' THEN rh.total - rh.ethnic_minority END AS resident,
             coalesce(a.registered, 0) AS registered, coalesce(a.poor, 0) AS poor, coalesce(a.near_poor, 0) AS near_poor,
             coalesce(a.escaped_poor, 0) AS escaped_poor, coalesce(a.escaped_near_poor, 0) AS escaped_near_poor, coalesce(a.newly_poor, 0) AS newly_poor,
             coalesce(a.newly_near_poor, 0) AS newly_near_poor, coalesce(a.relapsed, 0) AS relapsed, coalesce(a.poor_no_labour, 0) AS poor_no_labour,
             coalesce(a.near_poor_no_labour, 0) AS near_poor_no_labour, coalesce(a.labour_unknown, 0) AS labour_unknown
      FROM units u CROSS JOIN unnest($3::text[]) AS p(part)
      LEFT JOIN agg a ON a.commune_id = u.id AND a.part = p.part
      LEFT JOIN recognised rg ON rg.commune_id = u.id
      LEFT JOIN has_results hr ON hr.commune_id = u.id
      LEFT JOIN poverty_resident_households rh ON rh.year = $1 AND rh.commune_id = u.id
      ${joinCurrent})`;
  // Areas with something to say: counted communes, or resident households reported.
  const having = 'HAVING count(*) FILTER (WHERE b.counted OR b.resident IS NOT NULL) > 0';
  let sql: string;
  if (level === 'province') {
    sql = `${base}
      SELECT b.province_id AS key, p.code, p.full_name AS name, b.part, ${SUMS}
      FROM base b JOIN admin_unit p ON p.id = b.province_id WHERE NOT b.ambiguous
      GROUP BY b.province_id, p.code, p.full_name, b.part ${having}`;
  } else if (level === 'region') {
    sql = `${base}
      SELECT coalesce(r.id, '-') AS key, coalesce(r.code, '-') AS code, coalesce(r.name, 'Chưa xác định vùng') AS name, b.part, ${SUMS}
      FROM base b LEFT JOIN region_member rm ON rm.unit_id = b.province_id AND rm.region_id LIKE 'R6:%'
      LEFT JOIN region r ON r.id = rm.region_id WHERE NOT b.ambiguous
      GROUP BY r.id, r.code, r.name, b.part ${having}`;
  } else {
    sql = `${base}
      SELECT 'VN' AS key, 'VN' AS code, 'Toàn quốc' AS name, b.part, ${SUMS} FROM base b GROUP BY b.part ${having}`;
  }
  const params = [year, reviewDate, PARTS[breakdown], status, breakdown];
  const rows = await db.query<SummaryRow>(`${sql} ORDER BY 2, 4`, params);
  const unresolved =
    boundaries === 'current' && level !== 'nation'
      ? await db.query<SummaryRow>(
          `${base}
           SELECT b.review_province_id AS key, p.code, p.full_name AS name, b.part, ${SUMS}
           FROM base b JOIN admin_unit p ON p.id = b.review_province_id WHERE b.ambiguous
           GROUP BY b.review_province_id, p.code, p.full_name, b.part ${having} ORDER BY 2, 4`,
          params,
        )
      : [];
  return { rows, unresolved };
}

// ---------------------------------------------------------------- resident households

/** Communes in force on a date (null ids = all), by code: the rows of the resident-households template. */
export function communesOn(db: Db, date: string, ids: string[] | null): Promise<{ code: string; name: string }[]> {
  return db.query(
    `SELECT code, full_name AS name FROM admin_unit
     WHERE level = 'commune' AND valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1) AND ($2::text[] IS NULL OR id = ANY($2::text[]))
     ORDER BY code`,
    [date, ids],
  );
}

export interface ResidentRow extends ResidentHouseholds {
  year: number;
  communeId: string;
  recordedBy: string;
  recordedAt: string;
}

const RESIDENT_SELECT = `SELECT year, commune_id AS "communeId", total, urban, rural, ethnic_minority AS "ethnicMinority", source,
  recorded_by AS "recordedBy", recorded_at AS "recordedAt"`;

export function findResident(db: Db, year: number, communeId: string): Promise<ResidentRow | undefined> {
  return db.maybeOne<ResidentRow>(
    `${RESIDENT_SELECT} FROM poverty_resident_households WHERE year = $1 AND commune_id = $2`,
    [year, communeId],
  );
}

/** The current figures of some communes in a year (null = every commune). */
export function listResident(
  db: Db,
  year: number,
  communeIds: string[] | null,
): Promise<(ResidentRow & { communeName: string; communeCode: string })[]> {
  return db.query(
    `SELECT h.year, h.commune_id AS "communeId", h.total, h.urban, h.rural, h.ethnic_minority AS "ethnicMinority", h.source,
            h.recorded_by AS "recordedBy", h.recorded_at AS "recordedAt", c.full_name AS "communeName", c.code AS "communeCode"
     FROM poverty_resident_households h JOIN admin_unit c ON c.id = h.commune_id
     WHERE h.year = $1 AND ($2::text[] IS NULL OR h.commune_id = ANY($2::text[])) ORDER BY c.code`,
    [year, communeIds],
  );
}

/** Records the figures of communes (insert or replace) and appends each version to the history. */
export async function saveResident(
  tx: Db,
  year: number,
  by: string,
  items: (ResidentHouseholds & { communeId: string })[],
): Promise<void> {
  if (!items.length) return;
  const cols = [
    items.map((i) => i.communeId),
    items.map((i) => i.total),
    items.map((i) => i.urban),
    items.map((i) => i.rural),
    items.map((i) => i.ethnicMinority),
    items.map((i) => i.source),
  ];
  await tx.query(
    `INSERT INTO poverty_resident_households (year, commune_id, total, urban, rural, ethnic_minority, source, recorded_by)
     SELECT $1, *, $8 FROM unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[])
     ON CONFLICT (year, commune_id) DO UPDATE SET total = EXCLUDED.total, urban = EXCLUDED.urban, rural = EXCLUDED.rural,
       ethnic_minority = EXCLUDED.ethnic_minority, source = EXCLUDED.source, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
    [year, ...cols, by],
  );
  await tx.query(
    `INSERT INTO poverty_resident_households_history (year, commune_id, total, urban, rural, ethnic_minority, source, recorded_by)
     SELECT $1, *, $8 FROM unnest($2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[])`,
    [year, ...cols, by],
  );
}

/** Every version of a commune's figures for a year, newest first. */
export function residentHistory(db: Db, year: number, communeId: string): Promise<ResidentRow[]> {
  return db.query<ResidentRow>(
    `${RESIDENT_SELECT} FROM poverty_resident_households_history WHERE year = $1 AND commune_id = $2 ORDER BY id DESC`,
    [year, communeId],
  );
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
  occupation: Occupation | null;
  noLabourCapacity: boolean | null;
}

export function communeHouseholds(
  db: Db,
  communeId: string,
  year: number,
  classes?: HouseholdClass[],
): Promise<HouseholdListRow[]> {
  return db.query<HouseholdListRow>(
    `SELECT h.id, h.household_code AS code, h.head_name AS "headName", h.head_id_number AS "headIdNumber", h.head_ethnicity AS "headEthnicity",
            h.village, r.area, h.members_count AS "membersCount", r.class, r.previous_class AS "previousClass", r.score_a::float8 AS "scoreA",
            r.score_b AS "scoreB", r.income_per_capita AS income, r.deprived, r.flags, r.decision_no AS "decisionNo", r.decision_date AS "decisionDate",
            r.occupation, r.no_labour_capacity AS "noLabourCapacity"
     FROM poverty_result r JOIN poverty_household h ON h.province_id = r.province_id AND h.id = r.household_id
     WHERE r.year = $1 AND r.commune_id = $2 AND ($3::text[] IS NULL OR r.class = ANY($3::text[]))
     ORDER BY h.household_code`,
    [year, communeId, classes ?? null],
  );
}

export function communeMembers(db: Db, provinceId: string, householdIds: number[]) {
  return db.query<{
    householdId: number;
    seq: number;
    fullName: string;
    relation: string;
    birthDate: string | null;
    sex: string | null;
    idNumber: string | null;
    ethnicity: string | null;
  }>(
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
  a: {
    provinceId: string;
    communeId: string;
    applicantName: string;
    householdCode: string | null;
    receivedOn: string;
    startedOn: string;
    dueOn: string;
  },
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

export async function decideApplication(
  tx: Db,
  a: ApplicationRow,
  d: { decidedOn: string; outcome: string; reason: string | null },
): Promise<void> {
  await tx.query(
    'UPDATE poverty_application SET decided_on = $3, outcome = $4, reason = $5 WHERE province_id = $1 AND id = $2',
    [a.provinceId, a.id, d.decidedOn, d.outcome, d.reason],
  );
}

/** Applications whose review started in a year (and month), in the given communes (null = all). */
export function listApplications(
  db: Db,
  year: number,
  month: number | null,
  communeIds: string[] | null,
): Promise<ApplicationRow[]> {
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
  return db.maybeOne<CampaignRow>('SELECT * FROM poverty_campaign WHERE kind = $1 AND year = $2 AND month = $3', [
    kind,
    year,
    month,
  ]);
}

export function insertCampaign(
  tx: Db,
  c: { kind: string; year: number; month: number; opensOn: string; closesOn: string | null; routingId: string },
): Promise<CampaignRow> {
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

export async function saveCommuneReview(
  tx: Db,
  campaignId: number,
  commune: CommuneRow,
  steps: StepRecord[],
  approvals: ChainState['approvals'],
): Promise<void> {
  await tx.query(
    `INSERT INTO poverty_commune_review (campaign_id, commune_id, province_id, steps, approvals) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (campaign_id, commune_id) DO UPDATE SET steps = EXCLUDED.steps, approvals = EXCLUDED.approvals, updated_at = now()`,
    [campaignId, commune.id, commune.provinceId, JSON.stringify(steps), JSON.stringify(approvals)],
  );
}

// ---------------------------------------------------------------- communes in the caller's scope

export interface ScopeCommuneRow extends CommuneRow {
  residentHouseholds: number | null;
  lastImportAt: string | null;
  lastImportHouseholds: number | null;
  steps: StepRecord[];
  approvals: ChainState['approvals'];
}

/**
 * Communes in force on the review date (ids: those of the caller's scope, null = all; provinceId:
 * only one province), each with its resident households, last import and review record of the year.
 */
export function scopeCommunes(
  db: Db,
  q: {
    date: string;
    year: number;
    /** null: the year's review has not started, no commune has a review record */
    campaignId: number | null;
    ids: string[] | null;
    provinceId: string | null;
  },
): Promise<ScopeCommuneRow[]> {
  return db.query<ScopeCommuneRow>(
    `SELECT c.id, c.code, c.full_name AS "fullName", c.province_id AS "provinceId", p.full_name AS "provinceName",
            h.total AS "residentHouseholds", i.imported_at AS "lastImportAt", i.households AS "lastImportHouseholds",
            coalesce(r.steps, '[]'::jsonb) AS steps, coalesce(r.approvals, '[]'::jsonb) AS approvals
     FROM admin_unit c JOIN admin_unit p ON p.id = c.province_id
     LEFT JOIN poverty_resident_households h ON h.year = $2 AND h.commune_id = c.id
     LEFT JOIN poverty_commune_review r ON r.campaign_id = $3 AND r.commune_id = c.id
     LEFT JOIN LATERAL (SELECT imported_at, households FROM poverty_import x WHERE x.commune_id = c.id AND x.year = $2 ORDER BY x.id DESC LIMIT 1) i ON true
     WHERE c.level = 'commune' AND c.valid_from <= $1 AND (c.valid_to IS NULL OR c.valid_to > $1)
       AND ($4::text[] IS NULL OR c.id = ANY($4::text[])) AND ($5::text IS NULL OR c.province_id = $5)
     ORDER BY p.full_name, c.full_name, c.code`,
    [q.date, q.year, q.campaignId, q.ids, q.provinceId],
  );
}

/** Whether a commune has any import of the year (approval needs results to approve). */
export async function hasImport(db: Db, year: number, communeId: string): Promise<boolean> {
  return (
    (await db.maybeOne('SELECT 1 FROM poverty_import WHERE year = $1 AND commune_id = $2 LIMIT 1', [
      year,
      communeId,
    ])) !== undefined
  );
}
