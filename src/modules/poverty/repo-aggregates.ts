/** SQL of the poverty area: the communes' aggregate rows (counts by area and ethnicity) kept current by imports. */
import type { Db } from '../../db/client';
import type { Counts } from '../../domain/poverty/aggregate';
import type { HouseholdClass } from '../../domain/poverty/types';

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
