import { describe, expect, it } from 'vitest';
import {
  countsDelta,
  emptyCounts,
  householdCounts,
  residentRates,
  rollUp,
  roundPct,
  sumCounts,
  type Counts,
} from '../../src/domain/poverty/aggregate';
import type { HouseholdClass } from '../../src/domain/poverty/types';

/**
 * review-procedure.md §7: "Escaped poverty (hộ thoát nghèo): was poor, no longer poor";
 * "Escaped near-poverty: was near-poor, no longer near-poor"; "New poor / new near-poor: was not on
 * the list at the start of the review". The review (issue "The review as the law writes it"):
 * "'Tái nghèo' is a household that had escaped poverty and became poor again; a household poor for
 * the first time is 'nghèo phát sinh'. Use the register's history across years."
 */
describe('transitions from last year to this year', () => {
  const cases: [HouseholdClass | null, HouseholdClass | null, Partial<Counts>][] = [
    ['poor', 'poor', { households: 1, poor: 1 }],
    ['poor', 'near_poor', { households: 1, nearPoor: 1, escapedPoor: 1 }],
    ['poor', 'not_poor', { households: 1, escapedPoor: 1 }],
    ['poor', 'average', { households: 1, escapedPoor: 1 }],
    ['near_poor', 'near_poor', { households: 1, nearPoor: 1 }],
    ['near_poor', 'average', { households: 1, escapedNearPoor: 1 }],
    ['near_poor', 'poor', { households: 1, poor: 1, newlyPoor: 1 }], // never poor before: phát sinh, not tái nghèo
    ['not_poor', 'poor', { households: 1, poor: 1, newlyPoor: 1 }],
    [null, 'poor', { households: 1, poor: 1, newlyPoor: 1 }],
    ['average', 'near_poor', { households: 1, nearPoor: 1, newlyNearPoor: 1 }],
    [null, 'not_poor', { households: 1 }],
    ['near_poor', 'near_poor', { households: 1, nearPoor: 1 }],
    ['poor', null, {}], // left the register: counts nowhere this year
  ];
  it.each(cases)('%s → %s', (prev, curr, expected) => {
    const labour = curr === 'poor' || curr === 'near_poor' ? { labourUnknown: 1 } : {};
    expect(householdCounts(prev, curr)).toEqual({ ...emptyCounts(), ...labour, ...expected });
  });

  const history: [HouseholdClass | null, HouseholdClass, boolean, Partial<Counts>][] = [
    ['not_poor', 'poor', true, { relapsed: 1 }], // poor in an earlier year, escaped, poor again: tái nghèo
    ['near_poor', 'poor', true, { relapsed: 1 }],
    [null, 'poor', true, { relapsed: 1 }],
    ['not_poor', 'poor', false, { newlyPoor: 1 }], // first time poor: nghèo phát sinh
    ['poor', 'poor', true, {}], // still poor: neither
  ];
  it.each(history)('%s → %s, poor in an earlier year: %s', (prev, curr, poorEarlier, expected) => {
    expect(householdCounts(prev, curr, { poorEarlier, noLabourCapacity: false })).toEqual({
      ...emptyCounts(),
      households: 1,
      poor: 1,
      ...expected,
    });
  });

  it('households without labour capacity (hộ nghèo/cận nghèo không có khả năng lao động) are counted; unknown stays unknown', () => {
    expect(householdCounts('poor', 'poor', { noLabourCapacity: true })).toMatchObject({
      poorNoLabour: 1,
      labourUnknown: 0,
    });
    expect(householdCounts('near_poor', 'near_poor', { noLabourCapacity: true })).toMatchObject({
      nearPoorNoLabour: 1,
      labourUnknown: 0,
    });
    expect(householdCounts('near_poor', 'near_poor', { noLabourCapacity: false })).toMatchObject({
      nearPoorNoLabour: 0,
      labourUnknown: 0,
    });
    expect(householdCounts('poor', 'poor', {})).toMatchObject({ poorNoLabour: 0, labourUnknown: 1 });
    expect(householdCounts(null, 'not_poor', { noLabourCapacity: true })).toMatchObject({
      poorNoLabour: 0,
      nearPoorNoLabour: 0,
      labourUnknown: 0,
    });
  });

  it('each poor household is exactly one of: still poor, relapsed, newly poor (Phiếu C categories)', () => {
    for (const prev of [null, 'poor', 'near_poor', 'average', 'not_poor'] as const) {
      const c = householdCounts(prev, 'poor');
      const stillPoor = prev === 'poor' ? 1 : 0;
      expect(stillPoor + c.relapsed + c.newlyPoor).toBe(1);
    }
  });
});

describe('rates over resident households, from summed numerators and denominators', () => {
  it('two communes: 1 poor of 10 and 50 poor of 100 resident households → 51/110, not the mean of 10% and 50%', () => {
    const r = residentRates({ poor: 1 + 50, nearPoor: 0, resident: 10 + 100 });
    expect(r.poorPct).toBeCloseTo((51 / 110) * 100, 10);
    expect(r.poorPct).not.toBeCloseTo(30, 1);
  });
  it('multidimensional rate = poor + near-poor over resident households; unknown resident households → null, never the register', () => {
    expect(residentRates({ poor: 8, nearPoor: 7, resident: 200 }).multidimPct).toBeCloseTo(7.5, 10);
    expect(residentRates({ poor: 2, nearPoor: 0, resident: null })).toEqual({
      poorPct: null,
      nearPoorPct: null,
      multidimPct: null,
    });
  });
  it('tables and CSV show two decimals; JSON keeps full precision', () => {
    expect(roundPct((2 / 3) * 100)).toBe('66.67');
    expect(roundPct(null)).toBe('');
  });
  it('rollUp groups by key (e.g. area type)', () => {
    const rows = [
      { area: 'rural', prev: null, curr: 'poor' },
      { area: 'rural', prev: 'poor', curr: 'near_poor' },
      { area: 'urban', prev: null, curr: 'not_poor' },
    ] as const;
    const m = rollUp(
      [...rows],
      (r) => r.area,
      (r) => householdCounts(r.prev, r.curr),
    );
    expect(m.get('rural')).toMatchObject({ households: 2, poor: 1, nearPoor: 1, escapedPoor: 1, newlyPoor: 1 });
    expect(m.get('urban')).toMatchObject({ households: 1, poor: 0 });
  });
});

describe('incremental change of one household', () => {
  it('re-classifying a household from near-poor to poor (never poor before) moves one count and adds a newly poor one', () => {
    const d = countsDelta({ previous: 'near_poor', current: 'near_poor' }, { previous: 'near_poor', current: 'poor' });
    expect(d).toEqual({ ...emptyCounts(), nearPoor: -1, poor: 1, newlyPoor: 1 });
  });
  it('applying all deltas equals recomputing from scratch', () => {
    const classes: (HouseholdClass | null)[] = [null, 'poor', 'near_poor', 'average', 'not_poor'];
    const base = [
      { previous: 'poor', current: 'poor' },
      { previous: null, current: 'near_poor' },
      { previous: 'near_poor', current: 'not_poor' },
    ] as { previous: HouseholdClass | null; current: HouseholdClass | null }[];
    let agg = sumCounts(base.map((h) => householdCounts(h.previous, h.current)));
    const changed = base.map((h, i) => ({ ...h, current: classes[(i + 2) % classes.length] }));
    for (let i = 0; i < base.length; i++) agg = sumCounts([agg, countsDelta(base[i], changed[i])]);
    expect(agg).toEqual(sumCounts(changed.map((h) => householdCounts(h.previous, h.current))));
  });
});
