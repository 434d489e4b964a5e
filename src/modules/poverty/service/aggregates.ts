/** Keeps the communes' aggregate rows current from their results (written by imports, refreshed for later years). */
import type { Db } from '../../../db/client';
import { householdCounts, rollUp, type Counts, type HouseholdHistory } from '../../../domain/poverty/aggregate';
import * as importRepo from '../repo-import';
import * as aggregatesRepo from '../repo-aggregates';

function aggregateGroups(items: { communeId: string; area: string; ethnicMinority: boolean; counts: Counts }[]) {
  const groups = rollUp(
    items,
    (r) => `${r.communeId}|${r.area}|${r.ethnicMinority}`,
    (r) => r.counts,
  );
  return [...groups].map(([k, counts]) => {
    const [communeId, area, minority] = k.split('|');
    return { communeId, area, ethnicMinority: minority === 'true', counts };
  });
}

export async function writeAggregatesOf(
  tx: Db,
  year: number,
  communeIds: string[],
  rows: (importRepo.ResultWrite & { poorEarlier: boolean })[],
) {
  const groups = aggregateGroups(
    rows.map((r) => ({
      communeId: r.communeId,
      area: r.area,
      ethnicMinority: r.ethnicMinority,
      counts: householdCounts(r.previousClass, r.class, {
        poorEarlier: r.poorEarlier,
        noLabourCapacity: r.noLabourCapacity,
      }),
    })),
  );
  await aggregatesRepo.writeAggregates(tx, year, communeIds, groups);
}

/** Recomputes the aggregate rows of some communes from their results: cost ∝ those communes, not the nation. */
export async function refreshAggregates(tx: Db, year: number, communeIds: string[]): Promise<void> {
  const rows = await aggregatesRepo.communeTransitions(tx, year, communeIds);
  const groups = aggregateGroups(
    rows.map((r) => {
      const history: HouseholdHistory = { poorEarlier: r.poor_earlier, noLabourCapacity: r.no_labour_capacity };
      return {
        communeId: r.commune_id,
        area: r.area,
        ethnicMinority: r.ethnic_minority,
        counts: scale(householdCounts(r.previous_class, r.class, history), r.n),
      };
    }),
  );
  await aggregatesRepo.writeAggregates(tx, year, communeIds, groups);
}

function scale(c: Counts, n: number): Counts {
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v * n])) as unknown as Counts;
}
