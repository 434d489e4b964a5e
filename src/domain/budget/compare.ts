/** Scenarios side by side: the difference per province between a base run and a scenario. */
export interface ComparableLine {
  unitId: string;
  points: number;
  amount: number;
}

export interface Difference {
  unitId: string;
  basePoints: number;
  points: number;
  baseAmount: number;
  amount: number;
  difference: number;
}

/** Provinces of either run, in the base run's order then the scenario's new ones; a missing side counts 0. */
export function compareAllocations(base: ComparableLine[], scenario: ComparableLine[]): Difference[] {
  const other = new Map(scenario.map((l) => [l.unitId, l]));
  const out: Difference[] = base.map((b) => {
    const s = other.get(b.unitId);
    other.delete(b.unitId);
    return {
      unitId: b.unitId,
      basePoints: b.points,
      points: s?.points ?? 0,
      baseAmount: b.amount,
      amount: s?.amount ?? 0,
      difference: (s?.amount ?? 0) - b.amount,
    };
  });
  for (const s of other.values())
    out.push({
      unitId: s.unitId,
      basePoints: 0,
      points: s.points,
      baseAmount: 0,
      amount: s.amount,
      difference: s.amount,
    });
  return out;
}

/** A reservation within its legal cap (e.g. at most 15 % of Project 1 to the poor-district scheme). */
export function reservationWithinCap(pool: bigint, reserved: bigint, maxShare: number): boolean {
  // compare in integers: reserved / pool ≤ maxShare, maxShare to 6 decimals
  return reserved * 1_000_000n <= pool * BigInt(Math.round(maxShare * 1_000_000));
}
