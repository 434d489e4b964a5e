/**
 * SQL of households written from the field (the per-household path of the register): the households, their
 * members and their results of a year, as the workbook import writes them in bulk. Set-based: a batch of
 * surveys of a commune costs the same few statements as one survey.
 */
import type { Db } from '../../db/client';
import type { HouseholdClass } from '../../domain/poverty/types';
import type { HouseholdWrite, ResultFields } from './repo-import';

/**
 * Inserts or updates households of the register by their commune and code; their ids in the given order.
 * Each (commune, code) at most once in a call.
 */
export async function upsertHouseholds(tx: Db, hs: HouseholdWrite[]): Promise<number[]> {
  const col = <K extends keyof HouseholdWrite>(k: K) => hs.map((h) => h[k]);
  const rows = await tx.query<{ id: string; ord: string }>(
    `WITH x AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::text[], $9::text[], $10::int[])
         WITH ORDINALITY AS x(province_id, commune_id, code, head_name, head_id_number, head_ethnicity, ethnic_minority, village, area, members_count, ord)
     ), up AS (
       INSERT INTO poverty_household (province_id, commune_id, household_code, head_name, head_id_number, head_ethnicity,
         ethnic_minority, village, area, members_count)
       SELECT province_id, commune_id, code, head_name, head_id_number, head_ethnicity, ethnic_minority, village, area, members_count
       FROM x ORDER BY ord
       ON CONFLICT (province_id, commune_id, household_code) DO UPDATE SET
         head_name = EXCLUDED.head_name, head_id_number = EXCLUDED.head_id_number, head_ethnicity = EXCLUDED.head_ethnicity,
         ethnic_minority = EXCLUDED.ethnic_minority, village = EXCLUDED.village, area = EXCLUDED.area,
         members_count = EXCLUDED.members_count, updated_at = now()
       RETURNING id, province_id, commune_id, household_code
     )
     SELECT up.id, x.ord FROM up JOIN x ON x.province_id = up.province_id AND x.commune_id = up.commune_id AND x.code = up.household_code`,
    [
      col('provinceId'),
      col('communeId'),
      col('code'),
      col('headName'),
      col('headIdNumber'),
      col('headEthnicity'),
      col('ethnicMinority'),
      col('village'),
      col('area'),
      col('membersCount'),
    ],
  );
  const ids = new Array<number>(hs.length);
  for (const r of rows) ids[Number(r.ord) - 1] = Number(r.id);
  return ids;
}

export interface MemberWrite {
  householdId: number;
  seq: number;
  fullName: string;
  relation: string;
  birthDate: string | null;
  sex: string | null;
  idNumber: string | null;
  ethnicity: string | null;
}

/** Replaces the members of households of a province (those without a member in `members` end up with none). */
export async function replaceHouseholdMembers(
  tx: Db,
  provinceId: string,
  householdIds: number[],
  members: MemberWrite[],
): Promise<void> {
  await tx.query(`DELETE FROM poverty_member WHERE province_id = $1 AND household_id = ANY($2::int8[])`, [
    provinceId,
    householdIds,
  ]);
  await tx.query(
    `INSERT INTO poverty_member (province_id, household_id, seq, full_name, relation, birth_date, sex, id_number, ethnicity)
     SELECT $1, * FROM unnest($2::int8[], $3::int[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[])`,
    [
      provinceId,
      members.map((m) => m.householdId),
      members.map((m) => m.seq),
      members.map((m) => m.fullName),
      members.map((m) => m.relation),
      members.map((m) => m.birthDate),
      members.map((m) => m.sex),
      members.map((m) => m.idNumber),
      members.map((m) => m.ethnicity),
    ],
  );
}

/** The households' classes in the register's results of the year before `year` (those without one absent). */
export async function previousClasses(
  db: Db,
  provinceId: string,
  householdIds: number[],
  year: number,
): Promise<Map<number, HouseholdClass>> {
  const rows = await db.query<{ id: string; class: HouseholdClass }>(
    `SELECT household_id AS id, class FROM poverty_result WHERE province_id = $1 AND household_id = ANY($2::int8[]) AND year = $3`,
    [provinceId, householdIds, year - 1],
  );
  return new Map(rows.map((r) => [Number(r.id), r.class]));
}

export interface HouseholdResultWrite extends ResultFields {
  provinceId: string;
  householdId: number;
  communeId: string;
  area: string;
  ethnicMinority: boolean;
}

/** Inserts or replaces households' results of a year (no import: the results came from field surveys). */
export async function upsertHouseholdResults(tx: Db, year: number, rs: HouseholdResultWrite[]): Promise<void> {
  // JSON rows: the lists (deprived, flags) differ in length from one household to the next
  await tx.query(
    `INSERT INTO poverty_result (province_id, household_id, year, commune_id, import_id, area, ethnic_minority, standard_id, score_a,
       income_per_capita, score_b, deprived, class, previous_class, flags, decision_no, decision_date, occupation, no_labour_capacity)
     SELECT "provinceId", "householdId", $2, "communeId", NULL, area, "ethnicMinority", "standardId", "scoreA", income, "scoreB",
            deprived, class, "previousClass", flags, "decisionNo", "decisionDate", occupation, "noLabourCapacity"
     FROM jsonb_to_recordset($1::jsonb) AS x("provinceId" text, "householdId" int8, "communeId" text, area text, "ethnicMinority" bool,
       "standardId" text, "scoreA" numeric, income int8, "scoreB" int, deprived text[], class text, "previousClass" text, flags text[],
       "decisionNo" text, "decisionDate" date, occupation text, "noLabourCapacity" bool)
     ON CONFLICT (province_id, household_id, year) DO UPDATE SET
       commune_id = EXCLUDED.commune_id, import_id = NULL, area = EXCLUDED.area, ethnic_minority = EXCLUDED.ethnic_minority,
       standard_id = EXCLUDED.standard_id, score_a = EXCLUDED.score_a, income_per_capita = EXCLUDED.income_per_capita,
       score_b = EXCLUDED.score_b, deprived = EXCLUDED.deprived, class = EXCLUDED.class, previous_class = EXCLUDED.previous_class,
       flags = EXCLUDED.flags, occupation = EXCLUDED.occupation, no_labour_capacity = EXCLUDED.no_labour_capacity`,
    [JSON.stringify(rs), year],
  );
}

/** Which of these household codes the register lists in a commune. */
export async function listedHouseholdCodes(
  db: Db,
  provinceId: string,
  communeId: string,
  codes: string[],
): Promise<Set<string>> {
  const rows = await db.query<{ code: string }>(
    `SELECT household_code AS code FROM poverty_household
     WHERE province_id = $1 AND commune_id = $2 AND household_code = ANY($3::text[])`,
    [provinceId, communeId, codes],
  );
  return new Set(rows.map((r) => r.code));
}
