/**
 * Aggregation of review results: counts of poor, near-poor, escaped, newly poor and relapsed
 * households from this year's and last year's class of each household, and rates computed
 * from summed numerators and denominators (never averaged).
 *
 * Transitions follow shared/domain/review-procedure.md §7 and the Phiếu C categories
 * ("from old poor, from old near-poor, new poor"): a poor household this year was poor,
 * was near-poor ("relapse", tái nghèo) or was on neither list ("newly poor", phát sinh).
 * Vietnamese wording of these categories is UNVERIFIED.
 */
import type { HouseholdClass } from './types';

export interface Counts {
  /** Households in the register this year (denominator). */
  households: number;
  poor: number; // hộ nghèo
  nearPoor: number; // hộ cận nghèo
  escapedPoor: number; // hộ thoát nghèo: poor last year, not poor this year
  escapedNearPoor: number; // hộ thoát cận nghèo: near-poor last year, neither this year
  newlyPoor: number; // hộ nghèo phát sinh: poor, on neither list last year
  newlyNearPoor: number; // hộ cận nghèo phát sinh
  relapsed: number; // hộ tái nghèo: near-poor last year, poor this year
}

export const COUNT_KEYS = ['households', 'poor', 'nearPoor', 'escapedPoor', 'escapedNearPoor', 'newlyPoor', 'newlyNearPoor', 'relapsed'] as const;

export const COUNT_LABEL_VI: Record<keyof Counts, string> = {
  households: 'Tổng số hộ',
  poor: 'Hộ nghèo',
  nearPoor: 'Hộ cận nghèo',
  escapedPoor: 'Hộ thoát nghèo',
  escapedNearPoor: 'Hộ thoát cận nghèo',
  newlyPoor: 'Hộ nghèo phát sinh',
  newlyNearPoor: 'Hộ cận nghèo phát sinh',
  relapsed: 'Hộ tái nghèo',
};

export function emptyCounts(): Counts {
  return { households: 0, poor: 0, nearPoor: 0, escapedPoor: 0, escapedNearPoor: 0, newlyPoor: 0, newlyNearPoor: 0, relapsed: 0 };
}

const onList = (c: HouseholdClass | null) => c === 'poor' || c === 'near_poor';

/**
 * The contribution of one household, from its class last year (null: not in the register)
 * and this year (null: no longer in the register this year).
 */
export function householdCounts(previous: HouseholdClass | null, current: HouseholdClass | null): Counts {
  const c = emptyCounts();
  if (current === null) return c;
  c.households = 1;
  if (current === 'poor') c.poor = 1;
  if (current === 'near_poor') c.nearPoor = 1;
  if (previous === 'poor' && current !== 'poor') c.escapedPoor = 1;
  if (previous === 'near_poor' && !onList(current)) c.escapedNearPoor = 1;
  if (current === 'poor' && !onList(previous)) c.newlyPoor = 1;
  if (current === 'near_poor' && !onList(previous)) c.newlyNearPoor = 1;
  if (current === 'poor' && previous === 'near_poor') c.relapsed = 1;
  return c;
}

export function addCounts(a: Counts, b: Counts, sign: 1 | -1 = 1): Counts {
  const r = emptyCounts();
  for (const k of COUNT_KEYS) r[k] = a[k] + sign * b[k];
  return r;
}

export function sumCounts(items: Iterable<Counts>): Counts {
  let total = emptyCounts();
  for (const c of items) total = addCounts(total, c);
  return total;
}

/**
 * Change of a group's counts when one household's result changes: what an incremental
 * aggregate adds (new result) and removes (old result) without recomputing the group.
 */
export function countsDelta(
  before: { previous: HouseholdClass | null; current: HouseholdClass | null },
  after: { previous: HouseholdClass | null; current: HouseholdClass | null },
): Counts {
  return addCounts(householdCounts(after.previous, after.current), householdCounts(before.previous, before.current), -1);
}

/** A rate in percent from a numerator and a denominator; null when there is no household. */
export function ratePct(numerator: number, denominator: number): number | null {
  return denominator > 0 ? (100 * numerator) / denominator : null;
}

export interface Rates {
  poorPct: number | null;
  nearPoorPct: number | null;
  /** Poor + near-poor ("tỷ lệ nghèo đa chiều" in the published results). */
  multidimPct: number | null;
}

export function ratesOf(c: Counts): Rates {
  return {
    poorPct: ratePct(c.poor, c.households),
    nearPoorPct: ratePct(c.nearPoor, c.households),
    multidimPct: ratePct(c.poor + c.nearPoor, c.households),
  };
}

/** Groups rows by a key and sums their counts; rates come from the sums, never from averaging. */
export function rollUp<T>(rows: T[], keyOf: (row: T) => string, countsOf: (row: T) => Counts): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const row of rows) {
    const key = keyOf(row);
    out.set(key, addCounts(out.get(key) ?? emptyCounts(), countsOf(row)));
  }
  return out;
}
