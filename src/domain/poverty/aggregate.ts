/**
 * Aggregation of review results: counts of poor, near-poor, escaped, newly poor and relapsed
 * households from each household's classes in the register across years, and rates computed
 * from summed numerators and denominators (never averaged).
 *
 * Transitions (from the register's history, not from one year alone):
 * - tái nghèo (relapsed): poor this year, not poor last year, but poor in an earlier year —
 *   a household that had escaped poverty and became poor again;
 * - nghèo phát sinh (newly poor): poor this year and never poor before in the register
 *   (whether it was near-poor or on neither list last year);
 * - thoát nghèo / thoát cận nghèo: poor (near-poor) last year, no longer this year.
 * The register's history starts with the first year imported: a household poor before that
 * year and not recorded counts as newly poor (the limit of the data, stated in docs/poverty.md).
 * Definitions as the program's review reports use them; wording of the legal source not retrieved
 * (status: unverified).
 *
 * Rates divide by the resident households of the area (tổng số hộ dân cư, reported by the
 * commune), never by the households in the register: only surveyed households are in the register.
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
  relapsed: number; // hộ tái nghèo: had escaped poverty (poor in an earlier year), poor again this year
  poorNoLabour: number; // hộ nghèo không có khả năng lao động
  nearPoorNoLabour: number; // hộ cận nghèo không có khả năng lao động
  labourUnknown: number; // poor or near-poor households whose labour capacity is not reported
}

export const COUNT_KEYS = [
  'households',
  'poor',
  'nearPoor',
  'escapedPoor',
  'escapedNearPoor',
  'newlyPoor',
  'newlyNearPoor',
  'relapsed',
  'poorNoLabour',
  'nearPoorNoLabour',
  'labourUnknown',
] as const;

export const COUNT_LABEL_VI: Record<keyof Counts, string> = {
  households: 'Số hộ trong sổ rà soát',
  poor: 'Hộ nghèo',
  nearPoor: 'Hộ cận nghèo',
  escapedPoor: 'Hộ thoát nghèo',
  escapedNearPoor: 'Hộ thoát cận nghèo',
  newlyPoor: 'Hộ nghèo phát sinh',
  newlyNearPoor: 'Hộ cận nghèo phát sinh',
  relapsed: 'Hộ tái nghèo',
  poorNoLabour: 'Hộ nghèo không có khả năng lao động',
  nearPoorNoLabour: 'Hộ cận nghèo không có khả năng lao động',
  labourUnknown: 'Hộ nghèo, cận nghèo chưa rõ khả năng lao động',
};

export function emptyCounts(): Counts {
  return {
    households: 0,
    poor: 0,
    nearPoor: 0,
    escapedPoor: 0,
    escapedNearPoor: 0,
    newlyPoor: 0,
    newlyNearPoor: 0,
    relapsed: 0,
    poorNoLabour: 0,
    nearPoorNoLabour: 0,
    labourUnknown: 0,
  };
}

const onList = (c: HouseholdClass | null) => c === 'poor' || c === 'near_poor';

/** What the register knows of a household besides last year's and this year's class. */
export interface HouseholdHistory {
  /** Poor in some review year before last year's: it had escaped poverty. */
  poorEarlier?: boolean;
  /** Không có khả năng lao động; null/undefined = not reported. */
  noLabourCapacity?: boolean | null;
}

/**
 * The contribution of one household, from its class last year (null: not in the register)
 * and this year (null: no longer in the register this year).
 */
export function householdCounts(
  previous: HouseholdClass | null,
  current: HouseholdClass | null,
  history: HouseholdHistory = {},
): Counts {
  const c = emptyCounts();
  if (current === null) return c;
  c.households = 1;
  if (current === 'poor') c.poor = 1;
  if (current === 'near_poor') c.nearPoor = 1;
  if (previous === 'poor' && current !== 'poor') c.escapedPoor = 1;
  if (previous === 'near_poor' && !onList(current)) c.escapedNearPoor = 1;
  if (current === 'poor' && previous !== 'poor') {
    if (history.poorEarlier) c.relapsed = 1;
    else c.newlyPoor = 1;
  }
  if (current === 'near_poor' && !onList(previous)) c.newlyNearPoor = 1;
  if (onList(current)) {
    const labour = history.noLabourCapacity;
    if (labour === true && current === 'poor') c.poorNoLabour = 1;
    if (labour === true && current === 'near_poor') c.nearPoorNoLabour = 1;
    if (labour === null || labour === undefined) c.labourUnknown = 1;
  }
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
  before: { previous: HouseholdClass | null; current: HouseholdClass | null; history?: HouseholdHistory },
  after: { previous: HouseholdClass | null; current: HouseholdClass | null; history?: HouseholdHistory },
): Counts {
  return addCounts(
    householdCounts(after.previous, after.current, after.history),
    householdCounts(before.previous, before.current, before.history),
    -1,
  );
}

/** A rate in percent from a numerator and a denominator; null when the denominator is unknown or zero. */
export function ratePct(numerator: number, denominator: number | null): number | null {
  return denominator !== null && denominator > 0 ? (100 * numerator) / denominator : null;
}

export interface Rates {
  poorPct: number | null;
  nearPoorPct: number | null;
  /** Poor + near-poor ("tỷ lệ nghèo đa chiều" in the published results). */
  multidimPct: number | null;
}

/**
 * Rates over the resident households of the communes that reported them: numerators and the
 * denominator cover the same communes. `resident` null (no commune reported) → every rate null.
 */
export function residentRates(covered: { poor: number; nearPoor: number; resident: number | null }): Rates {
  return {
    poorPct: ratePct(covered.poor, covered.resident),
    nearPoorPct: ratePct(covered.nearPoor, covered.resident),
    multidimPct: ratePct(covered.poor + covered.nearPoor, covered.resident),
  };
}

/** A percentage as tables and CSV show it: two decimals (JSON keeps full precision). */
export const roundPct = (v: number | null): string => (v === null ? '' : v.toFixed(2));

/** Groups rows by a key and sums their counts; rates come from the sums, never from averaging. */
export function rollUp<T>(rows: T[], keyOf: (row: T) => string, countsOf: (row: T) => Counts): Map<string, Counts> {
  const out = new Map<string, Counts>();
  for (const row of rows) {
    const key = keyOf(row);
    out.set(key, addCounts(out.get(key) ?? emptyCounts(), countsOf(row)));
  }
  return out;
}
