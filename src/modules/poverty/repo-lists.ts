/** SQL of the poverty area: a commune's household lists and members (personal data). */
import type { Db } from '../../db/client';
import type { HouseholdClass } from '../../domain/poverty/types';
import type { HouseholdRow } from './contracts';

export type HouseholdListRow = HouseholdRow;

export function communeHouseholds(
  db: Db,
  communeId: string,
  year: number,
  classes?: HouseholdClass[],
  page?: { after?: string; limit: number },
): Promise<HouseholdListRow[]> {
  return db.query<HouseholdListRow>(
    `SELECT h.id, h.household_code AS code, h.head_name AS "headName", h.head_id_number AS "headIdNumber", h.head_ethnicity AS "headEthnicity",
            h.village, r.area, h.members_count AS "membersCount", r.class, r.previous_class AS "previousClass", r.score_a::float8 AS "scoreA",
            r.score_b AS "scoreB", r.income_per_capita AS income, r.deprived, r.flags, r.decision_no AS "decisionNo", r.decision_date AS "decisionDate",
            r.occupation, r.no_labour_capacity AS "noLabourCapacity"
     FROM poverty_result r JOIN poverty_household h ON h.province_id = r.province_id AND h.id = r.household_id
     WHERE r.year = $1 AND r.commune_id = $2 AND ($3::text[] IS NULL OR r.class = ANY($3::text[]))
       AND ($4::text IS NULL OR h.household_code > $4)
     ORDER BY h.household_code LIMIT $5`,
    [year, communeId, classes ?? null, page?.after ?? null, page?.limit ?? null],
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
