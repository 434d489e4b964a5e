/**
 * SQL of one household written from the field (the per-household path of the register): the household, its
 * members and its result of a year, as the workbook import writes them in bulk.
 */
import type { Db } from '../../db/client';
import type { HouseholdClass, Occupation } from '../../domain/poverty/types';
import type { HouseholdWrite } from './repo-import';

export interface HouseholdRef {
  provinceId: string;
  householdId: number;
}

/** Inserts or updates a household of the register by its commune and code; `existed` when it was there. */
export async function upsertHousehold(tx: Db, h: HouseholdWrite): Promise<{ id: number; existed: boolean }> {
  const row = await tx.one<{ id: string; existed: boolean }>(
    `INSERT INTO poverty_household (province_id, commune_id, household_code, head_name, head_id_number, head_ethnicity,
       ethnic_minority, village, area, members_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (province_id, commune_id, household_code) DO UPDATE SET
       head_name = EXCLUDED.head_name, head_id_number = EXCLUDED.head_id_number, head_ethnicity = EXCLUDED.head_ethnicity,
       ethnic_minority = EXCLUDED.ethnic_minority, village = EXCLUDED.village, area = EXCLUDED.area,
       members_count = EXCLUDED.members_count, updated_at = now()
     RETURNING id, (xmax::text <> '0') AS existed`,
    [
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
    ],
  );
  return { id: Number(row.id), existed: row.existed };
}

export interface MemberWrite {
  seq: number;
  fullName: string;
  relation: string;
  birthDate: string | null;
  sex: string | null;
  idNumber: string | null;
  ethnicity: string | null;
}

/** Replaces the members of one household. */
export async function replaceHouseholdMembers(tx: Db, ref: HouseholdRef, members: MemberWrite[]): Promise<void> {
  await tx.query(`DELETE FROM poverty_member WHERE province_id = $1 AND household_id = $2`, [
    ref.provinceId,
    ref.householdId,
  ]);
  await tx.query(
    `INSERT INTO poverty_member (province_id, household_id, seq, full_name, relation, birth_date, sex, id_number, ethnicity)
     SELECT $1, $2, * FROM unnest($3::int[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::text[])`,
    [
      ref.provinceId,
      ref.householdId,
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

/** The household's class in the register's result of the year before `year`, if any. */
export async function previousClass(db: Db, ref: HouseholdRef, year: number): Promise<HouseholdClass | null> {
  const row = await db.maybeOne<{ class: HouseholdClass }>(
    `SELECT class FROM poverty_result WHERE province_id = $1 AND household_id = $2 AND year = $3`,
    [ref.provinceId, ref.householdId, year - 1],
  );
  return row?.class ?? null;
}

export interface HouseholdResultWrite extends HouseholdRef {
  communeId: string;
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

/** Inserts or replaces one household's result of a year (no import: the result came from a field survey). */
export async function upsertHouseholdResult(tx: Db, year: number, r: HouseholdResultWrite): Promise<void> {
  await tx.query(
    `INSERT INTO poverty_result (province_id, household_id, year, commune_id, import_id, area, ethnic_minority, standard_id, score_a,
       income_per_capita, score_b, deprived, class, previous_class, flags, decision_no, decision_date, occupation, no_labour_capacity)
     VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $8, $9, $10, $11::text[], $12, $13, $14::text[], $15, $16, $17, $18)
     ON CONFLICT (province_id, household_id, year) DO UPDATE SET
       commune_id = EXCLUDED.commune_id, import_id = NULL, area = EXCLUDED.area, ethnic_minority = EXCLUDED.ethnic_minority,
       standard_id = EXCLUDED.standard_id, score_a = EXCLUDED.score_a, income_per_capita = EXCLUDED.income_per_capita,
       score_b = EXCLUDED.score_b, deprived = EXCLUDED.deprived, class = EXCLUDED.class, previous_class = EXCLUDED.previous_class,
       flags = EXCLUDED.flags, occupation = EXCLUDED.occupation, no_labour_capacity = EXCLUDED.no_labour_capacity`,
    [
      r.provinceId,
      r.householdId,
      year,
      r.communeId,
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
    ],
  );
}

/** The register's household of a commune by its code, or undefined. */
export function findHousehold(
  db: Db,
  provinceId: string,
  communeId: string,
  code: string,
): Promise<{ id: number; ethnicMinority: boolean } | undefined> {
  return db.maybeOne(
    `SELECT id, ethnic_minority AS "ethnicMinority" FROM poverty_household
     WHERE province_id = $1 AND commune_id = $2 AND household_code = $3`,
    [provinceId, communeId, code],
  );
}
