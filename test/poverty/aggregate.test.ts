import { describe, expect, it } from 'vitest';
import { countsDelta, emptyCounts, householdCounts, ratesOf, rollUp, sumCounts, type Counts } from '../../src/domain/poverty/aggregate';
import type { HouseholdClass } from '../../src/domain/poverty/types';

/**
 * review-procedure.md §7: "Escaped poverty (hộ thoát nghèo): was poor, no longer poor";
 * "Escaped near-poverty: was near-poor, no longer near-poor"; "New poor / new near-poor: was not on
 * the list at the start of the review"; "near-poor → poor 'relapse'".
 */
describe('transitions from last year to this year', () => {
  const cases: [HouseholdClass | null, HouseholdClass | null, Partial<Counts>][] = [
    ['poor', 'poor', { households: 1, poor: 1 }],
    ['poor', 'near_poor', { households: 1, nearPoor: 1, escapedPoor: 1 }],
    ['poor', 'not_poor', { households: 1, escapedPoor: 1 }],
    ['poor', 'average', { households: 1, escapedPoor: 1 }],
    ['near_poor', 'near_poor', { households: 1, nearPoor: 1 }],
    ['near_poor', 'average', { households: 1, escapedNearPoor: 1 }],
    ['near_poor', 'poor', { households: 1, poor: 1, relapsed: 1 }],
    ['not_poor', 'poor', { households: 1, poor: 1, newlyPoor: 1 }],
    [null, 'poor', { households: 1, poor: 1, newlyPoor: 1 }],
    ['average', 'near_poor', { households: 1, nearPoor: 1, newlyNearPoor: 1 }],
    [null, 'not_poor', { households: 1 }],
    ['poor', null, {}], // left the register: counts nowhere this year
  ];
  it.each(cases)('%s → %s', (prev, curr, expected) => {
    expect(householdCounts(prev, curr)).toEqual({ ...emptyCounts(), ...expected });
  });

  it('each poor household is exactly one of: still poor, relapsed, newly poor (Phiếu C categories)', () => {
    for (const prev of [null, 'poor', 'near_poor', 'average', 'not_poor'] as const) {
      const c = householdCounts(prev, 'poor');
      const stillPoor = prev === 'poor' ? 1 : 0;
      expect(stillPoor + c.relapsed + c.newlyPoor).toBe(1);
    }
  });
});

describe('rates from summed numerators and denominators', () => {
  it('two communes: 1 poor of 10 and 50 poor of 100 → 51/110, not the mean of 10% and 50%', () => {
    const a = { ...emptyCounts(), households: 10, poor: 1 };
    const b = { ...emptyCounts(), households: 100, poor: 50 };
    const r = ratesOf(sumCounts([a, b]));
    expect(r.poorPct).toBeCloseTo((51 / 110) * 100, 10);
    expect(r.poorPct).not.toBeCloseTo(30, 1);
  });
  it('multidimensional rate = poor + near-poor over households; no households → null', () => {
    expect(ratesOf({ ...emptyCounts(), households: 200, poor: 8, nearPoor: 7 }).multidimPct).toBeCloseTo(7.5, 10);
    expect(ratesOf(emptyCounts()).poorPct).toBeNull();
  });
  it('rollUp groups by key (e.g. area type)', () => {
    const rows = [
      { area: 'rural', prev: null, curr: 'poor' },
      { area: 'rural', prev: 'poor', curr: 'near_poor' },
      { area: 'urban', prev: null, curr: 'not_poor' },
    ] as const;
    const m = rollUp([...rows], (r) => r.area, (r) => householdCounts(r.prev, r.curr));
    expect(m.get('rural')).toMatchObject({ households: 2, poor: 1, nearPoor: 1, escapedPoor: 1, newlyPoor: 1 });
    expect(m.get('urban')).toMatchObject({ households: 1, poor: 0 });
  });
});

describe('incremental change of one household', () => {
  it('re-classifying a household from near-poor to poor moves one count and adds a relapse', () => {
    const d = countsDelta({ previous: 'near_poor', current: 'near_poor' }, { previous: 'near_poor', current: 'poor' });
    expect(d).toEqual({ ...emptyCounts(), nearPoor: -1, poor: 1, relapsed: 1 });
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
