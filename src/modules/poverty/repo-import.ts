/**
 * SQL of the poverty area: the register (households, members), results and imports a review workbook writes.
 * Rows travel by COPY on PostgreSQL (Db.copyRows): households of communes new to the register, members and results
 * straight into their tables (after the rows they replace are deleted); households of communes already in the
 * register into a staging table and from there with one upsert by household code.
 */
import type { Db } from '../../db/client';
import type { HouseholdClass, Occupation } from '../../domain/poverty/types';
import type { ParsedHousehold } from '../../domain/poverty/workbook';
import type { CopyColumn } from '../../db/copy';

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

const HOUSEHOLD_COLUMNS: CopyColumn[] = [
  ['province_id', 'text'],
  ['commune_id', 'text'],
  ['household_code', 'text'],
  ['head_name', 'text'],
  ['head_id_number', 'text'],
  ['head_ethnicity', 'text'],
  ['ethnic_minority', 'bool'],
  ['village', 'text'],
  ['area', 'text'],
  ['members_count', 'int4'],
];
const HOUSEHOLD_LIST = HOUSEHOLD_COLUMNS.map((c) => c[0]).join(', ');
const householdValues = (r: HouseholdWrite) => [
  r.provinceId,
  r.communeId,
  r.code,
  r.headName,
  r.headIdNumber,
  r.headEthnicity,
  r.ethnicMinority,
  r.village,
  r.area,
  r.membersCount,
];

/**
 * Inserts or updates households by (province, commune, household code); returns "commune|code" → id and the ids
 * of the households that already existed (their members must be replaced). Households of communes with none yet
 * (`fresh`) take ids from the sequence and are copied straight into the register; the others go through a staging
 * table and one upsert.
 */
export async function upsertHouseholds(
  tx: Db,
  rows: HouseholdWrite[],
  fresh: Set<string> = new Set(),
): Promise<{ ids: Map<string, number>; existing: Set<number> }> {
  const ids = new Map<string, number>();
  const existing = new Set<number>();
  const newRows = rows.filter((r) => fresh.has(r.communeId));
  if (newRows.length) {
    const got = await tx.query<{ id: number }>(
      `SELECT nextval('poverty_household_id_seq') AS id FROM generate_series(1, $1)`,
      [newRows.length],
    );
    newRows.forEach((r, i) => ids.set(keyOf(r.communeId, r.code), got[i].id));
    await tx.copyRows(
      'poverty_household',
      [['id', 'int8'], ...HOUSEHOLD_COLUMNS],
      newRows.map((r, i) => [got[i].id, ...householdValues(r)]),
    );
  }
  const known = rows.filter((r) => !fresh.has(r.communeId));
  if (!known.length) return { ids, existing };
  // A temporary table lives as long as the connection; ON COMMIT DROP removes it with the transaction (and the
  // TRUNCATE empties it when one transaction imports twice).
  await tx.query(
    `CREATE TEMP TABLE IF NOT EXISTS poverty_stage_household (${HOUSEHOLD_COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ')}) ON COMMIT DROP`,
  );
  await tx.query('TRUNCATE poverty_stage_household');
  await tx.copyRows('poverty_stage_household', HOUSEHOLD_COLUMNS, known.map(householdValues));
  const got = await tx.query<{ id: number; commune_id: string; code: string; updated: boolean }>(
    `INSERT INTO poverty_household (${HOUSEHOLD_LIST}) SELECT ${HOUSEHOLD_LIST} FROM poverty_stage_household
     ON CONFLICT (province_id, commune_id, household_code) DO UPDATE SET
       head_name = EXCLUDED.head_name, head_id_number = EXCLUDED.head_id_number, head_ethnicity = EXCLUDED.head_ethnicity,
       ethnic_minority = EXCLUDED.ethnic_minority, village = EXCLUDED.village, area = EXCLUDED.area,
       members_count = EXCLUDED.members_count, updated_at = now()
     RETURNING id, commune_id, household_code AS code, (xmax::text <> '0') AS updated`,
  );
  for (const g of got) {
    ids.set(keyOf(g.commune_id, g.code), g.id);
    if (g.updated) existing.add(g.id);
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

const MEMBER_COLUMNS: CopyColumn[] = [
  ['province_id', 'text'],
  ['household_id', 'int8'],
  ['seq', 'int4'],
  ['full_name', 'text'],
  ['relation', 'text'],
  ['birth_date', 'date'],
  ['sex', 'text'],
  ['id_number', 'text'],
  ['ethnicity', 'text'],
];

/** Replaces the members of households; `existing` are the ones that may have members already. */
export async function replaceMembers(tx: Db, existing: HouseholdRef[], members: MemberWrite[]): Promise<void> {
  if (existing.length)
    await tx.query(
      `DELETE FROM poverty_member WHERE (province_id, household_id) IN (SELECT * FROM unnest($1::text[], $2::int8[]))`,
      [existing.map((h) => h.provinceId), existing.map((h) => h.householdId)],
    );
  await tx.copyRows(
    'poverty_member',
    MEMBER_COLUMNS,
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

const RESULT_COLUMNS: CopyColumn[] = [
  ['province_id', 'text'],
  ['household_id', 'int8'],
  ['year', 'int4'],
  ['commune_id', 'text'],
  ['import_id', 'int8'],
  ['area', 'text'],
  ['ethnic_minority', 'bool'],
  ['standard_id', 'text'],
  ['score_a', 'numeric'],
  ['income_per_capita', 'int8'],
  ['score_b', 'int4'],
  ['deprived', 'text[]'],
  ['class', 'text'],
  ['previous_class', 'text'],
  ['flags', 'text[]'],
  ['decision_no', 'text'],
  ['decision_date', 'date'],
  ['occupation', 'text'],
  ['no_labour_capacity', 'bool'],
];

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
  await tx.copyRows(
    'poverty_result',
    RESULT_COLUMNS,
    rows.map((r) => [
      r.provinceId,
      r.householdId,
      year,
      r.communeId,
      r.importId,
      r.area,
      r.ethnicMinority,
      r.standardId,
      r.scoreA,
      r.income,
      r.scoreB,
      r.deprived,
      r.class,
      r.previousClass,
      r.flags,
      r.decisionNo,
      r.decisionDate,
      r.occupation,
      r.noLabourCapacity,
    ]),
  );
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

/** Whether a commune has any import of the year (approval needs results to approve). */
export async function hasImport(db: Db, year: number, communeId: string): Promise<boolean> {
  return (
    (await db.maybeOne('SELECT 1 FROM poverty_import WHERE year = $1 AND commune_id = $2 LIMIT 1', [
      year,
      communeId,
    ])) !== undefined
  );
}
