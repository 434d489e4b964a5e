/** SQL of the poverty area: the register (households, members), results and imports a review workbook writes. */
import type { Db } from '../../db/client';
import type { HouseholdClass, Occupation } from '../../domain/poverty/types';
import type { ParsedHousehold } from '../../domain/poverty/workbook';
import { insertUnnest } from '../units/load';

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
    `SELECT DISTINCT h.commune_id FROM poverty_household h
     JOIN unnest($1::text[], $2::text[]) AS c(p, id) ON h.province_id = c.p AND h.commune_id = c.id`,
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
