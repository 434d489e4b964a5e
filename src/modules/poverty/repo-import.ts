/**
 * SQL of the poverty area: the register (households, members), results and imports a review workbook writes.
 * An import's rows are first loaded into staging tables (COPY on PostgreSQL) outside its transaction; the
 * transaction then moves them into the register with a few set-based statements.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import type { CopyColumn } from '../../db/copy';
import type { HouseholdClass, Occupation } from '../../domain/poverty/types';
import type { ParsedHousehold } from '../../domain/poverty/workbook';
import type { TransitionRow } from './repo-aggregates';

/** A household row of the register: the workbook's fields of the head, placed in its commune. */
export type HouseholdWrite = Pick<
  ParsedHousehold,
  'code' | 'headName' | 'headIdNumber' | 'headEthnicity' | 'ethnicMinority' | 'village' | 'area'
> & {
  provinceId: string;
  communeId: string;
  membersCount: number;
};

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

/** A household's result of the year as written to the register, by an import or a field survey. */
export interface ResultFields {
  standardId: string;
  scoreA: number | null;
  income: number | null;
  scoreB: number | null;
  deprived: string[];
  class: HouseholdClass;
  /** Last year's class (an import: as the workbook gives it; the register's own record wins). */
  previousClass: HouseholdClass | null;
  flags: string[];
  decisionNo: string | null;
  decisionDate: string | null;
  occupation: Occupation | null;
  noLabourCapacity: boolean | null;
}

/** One household of an import with its result of the year, as staged before the import's transaction. */
export interface StagedHousehold extends HouseholdWrite, ResultFields {}

export interface StagedMember {
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
const RESULT_COLUMNS: CopyColumn[] = [
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
const MEMBER_COLUMNS: CopyColumn[] = [
  ['commune_id', 'text'],
  ['household_code', 'text'],
  ['seq', 'int4'],
  ['full_name', 'text'],
  ['relation', 'text'],
  ['birth_date', 'date'],
  ['sex', 'text'],
  ['id_number', 'text'],
  ['ethnicity', 'text'],
];
const list = (cols: CopyColumn[], prefix = '') => cols.map((c) => prefix + c[0]).join(', ');
const HOUSEHOLD_LIST = list(HOUSEHOLD_COLUMNS);

/**
 * The staging tables of one import (temporary: they end with the connection, or with the process on the embedded
 * engine).
 */
export interface Stage {
  households: string;
  members: string;
}

/**
 * Creates an import's staging tables and loads its rows, outside the import's transaction (Db.copyRows: COPY on
 * PostgreSQL; on the embedded engine chunks of INSERT between which other clients' statements run). Names are unique:
 * on the embedded engine every client shares one session, hence one temporary schema.
 */
export async function stageImport(db: Db, households: StagedHousehold[], members: StagedMember[]): Promise<Stage> {
  const tag = randomBytes(6).toString('hex');
  // A new household's id is drawn here (a sequence is outside transactions; a failed import leaves a gap, no row).
  const stage = { households: `poverty_stage_h_${tag}`, members: `poverty_stage_m_${tag}` };
  const columns = (cols: CopyColumn[]) => cols.map(([n, t]) => `${n} ${t}`).join(', ');
  await db.query(
    `CREATE TEMP TABLE ${stage.households} (${columns([...HOUSEHOLD_COLUMNS, ...RESULT_COLUMNS])},
       household_id int8 NOT NULL DEFAULT nextval('poverty_household_id_seq'),
       existed bool NOT NULL DEFAULT false, poor_earlier bool NOT NULL DEFAULT false)`,
  );
  await db.query(`CREATE TEMP TABLE ${stage.members} (${columns(MEMBER_COLUMNS)})`);
  await db.copyRows(
    stage.households,
    [...HOUSEHOLD_COLUMNS, ...RESULT_COLUMNS],
    households.map((h) => [
      h.provinceId,
      h.communeId,
      h.code,
      h.headName,
      h.headIdNumber,
      h.headEthnicity,
      h.ethnicMinority,
      h.village,
      h.area,
      h.membersCount,
      h.standardId,
      h.scoreA,
      h.income,
      h.scoreB,
      h.deprived,
      h.class,
      h.previousClass,
      h.flags,
      h.decisionNo,
      h.decisionDate,
      h.occupation,
      h.noLabourCapacity,
    ]),
  );
  await db.copyRows(
    stage.members,
    MEMBER_COLUMNS,
    members.map((m) => [
      m.communeId,
      m.householdCode,
      m.seq,
      m.fullName,
      m.relation,
      m.birthDate,
      m.sex,
      m.idNumber,
      m.ethnicity,
    ]),
  );
  return stage;
}

export async function dropStage(db: Db, stage: Stage): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${stage.households}, ${stage.members}`);
}

/**
 * Inserts or updates the staged households by (province, commune, household code): those of communes with none yet
 * (`freshCommuneIds`) are inserted with the ids the stage drew, without the conflict check; the others are upserted
 * and a household already in the register keeps its id, recorded in the stage. Returns how many were already there.
 */
export async function upsertStagedHouseholds(tx: Db, stage: Stage, freshCommuneIds: string[]): Promise<number> {
  await tx.query(
    `INSERT INTO poverty_household (id, ${HOUSEHOLD_LIST})
     SELECT household_id, ${HOUSEHOLD_LIST} FROM ${stage.households} WHERE commune_id = ANY($1::text[])`,
    [freshCommuneIds],
  );
  const rows = await tx.query<{ existed: number }>(
    `WITH known AS (
       INSERT INTO poverty_household (id, ${HOUSEHOLD_LIST})
       SELECT household_id, ${HOUSEHOLD_LIST} FROM ${stage.households} WHERE commune_id <> ALL($1::text[])
       ON CONFLICT (province_id, commune_id, household_code) DO UPDATE SET
         head_name = EXCLUDED.head_name, head_id_number = EXCLUDED.head_id_number, head_ethnicity = EXCLUDED.head_ethnicity,
         ethnic_minority = EXCLUDED.ethnic_minority, village = EXCLUDED.village, area = EXCLUDED.area,
         members_count = EXCLUDED.members_count, updated_at = now()
       RETURNING id, commune_id, household_code, (xmax::text <> '0') AS existed
     ), staged AS (
       UPDATE ${stage.households} s SET household_id = k.id, existed = true FROM known k
       WHERE k.existed AND s.commune_id = k.commune_id AND s.household_code = k.household_code RETURNING 1
     )
     SELECT count(*)::int AS existed FROM staged`,
    [freshCommuneIds],
  );
  return rows[0].existed;
}

/**
 * For households already in the register: last year's class from the register (it wins over the workbook's) and
 * whether they were poor in any earlier year. A household new to the register has no results of other years.
 */
export async function stagedHistory(tx: Db, stage: Stage, year: number): Promise<void> {
  await tx.query(
    `UPDATE ${stage.households} s SET previous_class = p.class FROM poverty_result p
     WHERE s.existed AND p.province_id = s.province_id AND p.household_id = s.household_id AND p.year = $1 - 1`,
    [year],
  );
  await tx.query(
    `UPDATE ${stage.households} s SET poor_earlier = true
     WHERE s.existed AND EXISTS (SELECT 1 FROM poverty_result p WHERE p.province_id = s.province_id
                                   AND p.household_id = s.household_id AND p.year < $1 AND p.class = 'poor')`,
    [year],
  );
}

/** Replaces the members of the staged households by the staged members. */
export async function replaceStagedMembers(tx: Db, stage: Stage, anyExisted: boolean): Promise<void> {
  if (anyExisted)
    await tx.query(
      `DELETE FROM poverty_member m USING ${stage.households} s
       WHERE s.existed AND m.province_id = s.province_id AND m.household_id = s.household_id`,
    );
  await tx.query(
    `INSERT INTO poverty_member (province_id, household_id, seq, full_name, relation, birth_date, sex, id_number, ethnicity)
     SELECT s.province_id, s.household_id, m.seq, m.full_name, m.relation, m.birth_date, m.sex, m.id_number, m.ethnicity
     FROM ${stage.members} m JOIN ${stage.households} s ON s.commune_id = m.commune_id AND s.household_code = m.household_code`,
  );
}

/**
 * Replaces the results of communes for a year by the staged ones (all-or-nothing inside the caller's transaction);
 * `replacedCommuneIds` are the communes that may have results already (imported before).
 */
export async function replaceStagedResults(
  tx: Db,
  stage: Stage,
  year: number,
  replacedCommuneIds: string[],
  importIds: Map<string, number>,
): Promise<void> {
  if (replacedCommuneIds.length)
    await tx.query('DELETE FROM poverty_result WHERE year = $1 AND commune_id = ANY($2::text[])', [
      year,
      replacedCommuneIds,
    ]);
  await tx.query(
    `INSERT INTO poverty_result (province_id, household_id, year, commune_id, import_id, area, ethnic_minority, ${list(RESULT_COLUMNS)})
     SELECT s.province_id, s.household_id, $1, s.commune_id, i.import_id, s.area, s.ethnic_minority, ${list(RESULT_COLUMNS, 's.')}
     FROM ${stage.households} s JOIN unnest($2::text[], $3::int8[]) AS i(commune_id, import_id) ON i.commune_id = s.commune_id`,
    [year, [...importIds.keys()], [...importIds.values()]],
  );
}

/** The staged results grouped by what the counts depend on (see repo-aggregates communeTransitions). */
export function stagedTransitions(db: Db, stage: Stage): Promise<TransitionRow[]> {
  return db.query<TransitionRow>(
    `SELECT commune_id, area, ethnic_minority, previous_class, class, poor_earlier, no_labour_capacity, count(*)::int AS n
     FROM ${stage.households} GROUP BY 1, 2, 3, 4, 5, 6, 7`,
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
