/** SQL of one household's review result written from the field (the per-household path of the register). */
import type { Db } from '../../db/client';
import type { ResultWrite } from './repo';

/** Inserts or replaces one household's result of a year (no import: the result came from a field survey). */
export async function upsertHouseholdResult(tx: Db, year: number, r: Omit<ResultWrite, 'importId'>): Promise<void> {
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
