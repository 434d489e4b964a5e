/**
 * Bulk writes of the household register (households, members, results) for an import, inside its transaction.
 * Rows travel by COPY on PostgreSQL (Db.copyRows): households of communes new to the register, members and results
 * straight into their tables (after the rows they replace are deleted); households of communes already in the
 * register into a staging table and from there with one upsert by household code.
 */
import type { Db } from '../../db/client';
import type { CopyColumn } from '../../db/copy';
import type { HouseholdRef, HouseholdWrite, MemberWrite, ResultWrite } from './repo';

const keyOf = (communeId: string, code: string) => `${communeId}|${code}`;

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
