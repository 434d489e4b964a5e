import { describe, expect, it } from 'vitest';
import { classifyHousehold, type ClassifyInput } from '../../src/domain/poverty/classify';
import { NATIONAL_CATALOG, STANDARD_ND07_2021 } from '../../src/domain/poverty/standards';
import type { StandardCatalog } from '../../src/domain/poverty/types';

const ALL_12 = ['1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '4.1', '4.2', '5.1', '5.2', '6.1', '6.2'];
const dep = (n: number) => ALL_12.slice(0, n);

function classOf(input: ClassifyInput) {
  const out = classifyHousehold(input);
  if (!out.ok) throw new Error(`${out.error.code}: ${out.error.message}`);
  return out.value;
}

/**
 * Circular 07/2021/TT-BLĐTBXH, Art. 2 (shared/domain/poverty-standard.md §4):
 *   "rural: poor ⇔ A ≤ 140 ∧ B ≥ 30; near-poor ⇔ A ≤ 140 ∧ B < 30;
 *    urban: poor ⇔ A ≤ 175 ∧ B ≥ 30; near-poor ⇔ A ≤ 175 ∧ B < 30; otherwise: neither"
 *   "B = 10 × count"
 */
describe('Circular 07/2021, Art. 2: score A and score B (acceptance cases of poverty-standard.md §9.3)', () => {
  const cases: [string, ClassifyInput, string, number][] = [
    [
      'rural, A = 140, 3 deprivations (B = 30) → poor',
      { area: 'rural', year: 2023, scoreA: 140, deprived: dep(3) },
      'poor',
      30,
    ],
    [
      'rural, A = 140, 2 deprivations (B = 20) → near-poor',
      { area: 'rural', year: 2023, scoreA: 140, deprived: dep(2) },
      'near_poor',
      20,
    ],
    [
      'rural, A = 141, 12 deprivations → neither',
      { area: 'rural', year: 2023, scoreA: 141, deprived: dep(12) },
      'not_poor',
      120,
    ],
    ['urban, A = 175, 3 deprivations → poor', { area: 'urban', year: 2023, scoreA: 175, deprived: dep(3) }, 'poor', 30],
    [
      'urban, A = 176, 3 deprivations → neither',
      { area: 'urban', year: 2023, scoreA: 176, deprived: dep(3) },
      'not_poor',
      30,
    ],
    [
      'urban, A = 150, 0 deprivations → near-poor (B = 0 < 30)',
      { area: 'urban', year: 2024, scoreA: 150, deprived: [] },
      'near_poor',
      0,
    ],
    [
      'rural, A = 0, 12 deprivations → poor (B = 120)',
      { area: 'rural', year: 2022, scoreA: 0, deprived: dep(12) },
      'poor',
      120,
    ],
    [
      'rural, A = 160 is above the rural line although under the urban one → neither',
      { area: 'rural', year: 2022, scoreA: 160, deprived: dep(4) },
      'not_poor',
      40,
    ],
  ];
  it.each(cases)('%s', (_name, input, expected, scoreB) => {
    const r = classOf(input);
    expect(r.class).toBe(expected);
    expect(r.scoreB).toBe(scoreB);
    expect(r.decidedBy).toBe('scoreA');
    expect(r.standardId).toBe('ND07-2021');
  });
});

/**
 * Decree 07/2021/NĐ-CP, Art. 3 (poverty-standard.md §2): "Poor household: income ≤ 1,500,000 (rural) /
 * ≤ 2,000,000 (urban) and ≥ 3 deprivations; near-poor: same income and < 3 (0-2);
 * average-living-standard: > 1,500,000 and ≤ 2,250,000 (rural), > 2,000,000 and ≤ 3,000,000 (urban)".
 * The rule is "income ≤ line AND ≥ 3 deprivations", not OR.
 */
describe('Decree 07/2021, Art. 3: income lines, the AND rule and the average band', () => {
  const cases: [string, ClassifyInput, string][] = [
    [
      'rural, income 1,500,000, 3 deprivations → poor',
      { area: 'rural', year: 2022, incomePerCapita: 1_500_000, deprived: dep(3) },
      'poor',
    ],
    [
      'rural, income 1,500,000, 2 deprivations → near-poor',
      { area: 'rural', year: 2022, incomePerCapita: 1_500_000, deprived: dep(2) },
      'near_poor',
    ],
    [
      'rural, income 1,500,001, 5 deprivations → not poor (average band): the rule is AND, not OR',
      { area: 'rural', year: 2022, incomePerCapita: 1_500_001, deprived: dep(5), occupation: 'farm' },
      'average',
    ],
    [
      'rural, income 2,250,000 → average (upper bound included)',
      { area: 'rural', year: 2024, incomePerCapita: 2_250_000, deprived: [], occupation: 'forestry' },
      'average',
    ],
    [
      'rural, income 2,250,001 → not poor',
      { area: 'rural', year: 2024, incomePerCapita: 2_250_001, deprived: [] },
      'not_poor',
    ],
    [
      'urban, income 2,000,000, 3 deprivations → poor',
      { area: 'urban', year: 2025, incomePerCapita: 2_000_000, deprived: dep(3) },
      'poor',
    ],
    [
      'urban, income 2,000,001, 0 deprivations → average',
      { area: 'urban', year: 2025, incomePerCapita: 2_000_001, deprived: [], occupation: 'fishery' },
      'average',
    ],
    [
      'urban, income 3,000,000, any deprivations → average band',
      { area: 'urban', year: 2023, incomePerCapita: 3_000_000, deprived: dep(7), occupation: 'salt' },
      'average',
    ],
    [
      'urban, income 3,000,001 → not poor',
      { area: 'urban', year: 2023, incomePerCapita: 3_000_001, deprived: [] },
      'not_poor',
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    const r = classOf(input);
    expect(r.class).toBe(expected);
    expect(r.decidedBy).toBe('income');
  });

  /**
   * Quyết định 24/2021/QĐ-TTg, Art. 2 (thuvienphapluat.vn, S43): "Phương pháp xác định hộ làm nông nghiệp,
   * lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình là phương pháp xác định thu nhập của hộ
   * gia đình trong vòng 12 tháng trước thời điểm rà soát…": the band is for those households only.
   */
  it('the average band applies only to farm, forestry, fishery and salt households (QĐ 24/2021, Art. 2)', () => {
    const inBand = { area: 'urban' as const, year: 2025, incomePerCapita: 2_500_000, deprived: [] };
    for (const occupation of ['farm', 'forestry', 'fishery', 'salt'] as const)
      expect(classOf({ ...inBand, occupation }).class).toBe('average');
    const other = classOf({ ...inBand, occupation: 'other' });
    expect(other.class).toBe('not_poor');
    expect(other.reasons.find((x) => x.rule === 'average_band_not_applicable')).toMatchObject({
      citation: 'Quyết định 24/2021/QĐ-TTg, Điều 2',
      status: 'verified',
    });
    expect(other.flags).not.toContain('occupation_unknown');
    // Occupation not reported: not defaulted to farming; the case is flagged for the commune to complete.
    const unknown = classOf(inBand);
    expect(unknown.class).toBe('not_poor');
    expect(unknown.flags).toContain('occupation_unknown');
    expect(unknown.reasons.map((x) => x.rule)).toContain('average_band_occupation_unknown');
    // Above the band, the occupation does not matter.
    expect(classOf({ ...inBand, incomePerCapita: 3_000_001 }).flags).not.toContain('occupation_unknown');
  });

  it('score A alone cannot decide the average band ("average: only decidable from income")', () => {
    const r = classOf({ area: 'rural', year: 2023, scoreA: 200, deprived: [] });
    expect(r.class).toBe('not_poor');
    expect(r.reasons.map((x) => x.rule)).toContain('not_poor');
    expect(r.reasons.at(-1)!.messageVi).toMatch(/chỉ xác định từ thu nhập/);
  });
});

/**
 * Decree 351/2025/NĐ-CP (poverty-standard.md §1, §8): "2026: keep the 2022-2025 standard (Decree 07,
 * Art. 3) until 31/12/2026"; "Income line 2027-2030: rural 2,200,000; urban 2,800,000";
 * "Poor: income ≤ line and ≥ 3 deprivations; near-poor: income ≤ line and < 3".
 */
describe('Decree 351/2025: 2026 continuation and the 2027-2030 standard', () => {
  it('rural 2026, income 1,500,000, 3 deprivations → poor under Decree 07 (still applies)', () => {
    const r = classOf({ area: 'rural', year: 2026, incomePerCapita: 1_500_000, deprived: dep(3) });
    expect(r.class).toBe('poor');
    expect(r.standardId).toBe('ND07-2021');
    expect(r.application).toMatch(/351\/2025/);
  });
  it('rural 2026, income 1,600,000 → not under the 1,500,000 line of Decree 07', () => {
    expect(
      classOf({ area: 'rural', year: 2026, incomePerCapita: 1_600_000, deprived: dep(3), occupation: 'farm' }).class,
    ).toBe('average');
  });
  const cases: [string, ClassifyInput, string][] = [
    [
      'rural 2027, income 2,100,000, 3 deprivations → poor (Decree 351)',
      { area: 'rural', year: 2027, incomePerCapita: 2_100_000, deprived: dep(3) },
      'poor',
    ],
    [
      'rural 2027, income 2,200,000, 2 deprivations → near-poor',
      { area: 'rural', year: 2027, incomePerCapita: 2_200_000, deprived: dep(2) },
      'near_poor',
    ],
    [
      'urban 2030, income 2,800,000, 3 deprivations → poor',
      { area: 'urban', year: 2030, incomePerCapita: 2_800_000, deprived: ['1.1', '5.3', '6.1'] },
      'poor',
    ],
    [
      'urban 2028, income 2,800,001 → not poor (no average band configured)',
      { area: 'urban', year: 2028, incomePerCapita: 2_800_001, deprived: [] },
      'not_poor',
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    const r = classOf(input);
    expect(r.class).toBe(expected);
    expect(r.standardId).toBe('ND351-2025');
    expect(r.scoreB).toBeNull(); // scoring forms 2027-2030 not found: no score B is invented
  });
  it('2027 with score A only is an error: the 2027-2030 scoring forms are not configured', () => {
    const out = classifyHousehold({ area: 'rural', year: 2027, scoreA: 100, deprived: [] });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.code).toBe('no_score_rules');
  });
  it('a date picks the standard too: 31/12/2026 → Decree 07, 01/01/2027 → Decree 351', () => {
    expect(classOf({ area: 'rural', date: '2026-12-31', incomePerCapita: 2_000_000, deprived: [] }).standardId).toBe(
      'ND07-2021',
    );
    expect(classOf({ area: 'rural', date: '2027-01-01', incomePerCapita: 2_000_000, deprived: [] })).toMatchObject({
      standardId: 'ND351-2025',
      class: 'near_poor',
    });
  });
});

/**
 * Decree 30/2025/NĐ-CP (poverty-standard.md §6), effective 24/02/2025: low-income worker = "a member of a
 * household that is not poor or near-poor", "monthly income per person ≤ 2,250,000 VND (rural) or
 * ≤ 3,000,000 VND (urban)".
 */
describe('Decree 30/2025: low-income worker income test', () => {
  it.each([
    ['2025-02-24', 'rural', 2_250_000, true],
    ['2025-02-24', 'rural', 2_250_001, false],
    ['2025-06-01', 'urban', 3_000_000, true],
    ['2025-02-23', 'rural', 2_000_000, null], // before the decree took effect
  ] as const)('on %s, %s, income %d → %s', (date, area, income, expected) => {
    expect(classOf({ area, date, incomePerCapita: income, deprived: [] }).lowIncomeWorker).toBe(expected);
  });
  it('not for poor or near-poor households', () => {
    expect(
      classOf({ area: 'rural', date: '2025-06-01', incomePerCapita: 1_000_000, deprived: [] }).lowIncomeWorker,
    ).toBeNull();
  });
  it('a review year is taken at the opening of the periodic review (01/09): 2025 yes, 2024 no', () => {
    expect(classOf({ area: 'rural', year: 2025, incomePerCapita: 2_000_000, deprived: [] }).lowIncomeWorker).toBe(true);
    expect(classOf({ area: 'rural', year: 2024, incomePerCapita: 2_000_000, deprived: [] }).lowIncomeWorker).toBeNull();
  });
});

describe('evidence and typed errors', () => {
  it.each([
    ['unknown indicator', { area: 'rural', year: 2023, scoreA: 100, deprived: ['1.1', '7.1'] }, 'unknown_indicator'],
    [
      'waste treatment (5.3) does not exist under Decree 07',
      { area: 'rural', year: 2024, scoreA: 100, deprived: ['5.3'] },
      'unknown_indicator',
    ],
    ['no score A and no income', { area: 'rural', year: 2023, deprived: [] }, 'no_evidence'],
    [
      '2021: no standard configured (QĐ 59/2015 rules not in the notes)',
      { area: 'rural', year: 2021, scoreA: 100, deprived: [] },
      'no_standard',
    ],
    ['2031: no standard', { area: 'urban', year: 2031, incomePerCapita: 100, deprived: [] }, 'no_standard'],
    ['bad area', { area: 'mountain', year: 2023, scoreA: 100, deprived: [] }, 'invalid_input'],
    ['negative income', { area: 'rural', year: 2023, incomePerCapita: -1, deprived: [] }, 'invalid_input'],
    ['no year and no date', { area: 'rural', scoreA: 100, deprived: [] }, 'invalid_input'],
    [
      'B1 items without a configured item table (Annex III not retrieved)',
      { area: 'rural', year: 2023, b1Items: { answers: { q1: 'a' } }, deprived: [] },
      'no_item_table',
    ],
  ] as [string, ClassifyInput, string][])('%s → %s', (_name, input, code) => {
    const out = classifyHousehold(input);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error.code).toBe(code);
      expect(out.error.message).toMatch(/[ăâđêôơưàảãáạèéẹìíòóọùúụỳý]/); // Vietnamese message
    }
  });

  it('accepts indicator keys as well as codes and ignores duplicates', () => {
    const r = classOf({ area: 'rural', year: 2023, scoreA: 120, deprived: ['employment', '1.1', '6.2', 'sanitation'] });
    expect(r.deprived).toEqual(['1.1', '5.2', '6.2']);
    expect(r.scoreB).toBe(30);
    expect(r.class).toBe('poor');
  });

  it('score A and income that disagree: score A decides (primary evidence of Circular 07) and the case is flagged', () => {
    const r = classOf({ area: 'rural', year: 2023, scoreA: 130, incomePerCapita: 1_800_000, deprived: dep(3) });
    expect(r.class).toBe('poor');
    expect(r.decidedBy).toBe('scoreA');
    expect(r.evidenceUsed).toEqual(['scoreA', 'income']);
    expect(r.flags).toContain('evidence_disagreement');
  });

  it('an entered score B that does not match the flags is flagged, the computed one is used', () => {
    const r = classOf({ area: 'urban', year: 2023, scoreA: 170, scoreB: 40, deprived: dep(2) });
    expect(r.scoreB).toBe(20);
    expect(r.class).toBe('near_poor');
    expect(r.flags).toContain('score_b_mismatch');
  });

  it('reasons cite the law they apply', () => {
    const r = classOf({ area: 'rural', year: 2023, scoreA: 140, deprived: dep(3) });
    const citations = r.reasons.map((x) => x.citation).join(' | ');
    expect(citations).toMatch(/Nghị định 07\/2021\/NĐ-CP/);
    expect(citations).toMatch(/Thông tư 07\/2021\/TT-BLĐTBXH/);
  });

  it('score A computed from B1 items only with a configured item table (test table, not the legal one)', () => {
    const catalog: StandardCatalog = {
      ...NATIONAL_CATALOG,
      itemTables: [
        {
          id: 'test-table',
          standardId: 'ND07-2021',
          area: 'rural',
          basePoints: 100,
          items: { roof: { durable: 30, other: 0 } },
          citation: 'bảng thử',
          status: 'unverified',
        },
      ],
    };
    const a = classifyHousehold(
      { area: 'rural', year: 2023, b1Items: { answers: { roof: 'other' } }, deprived: dep(3) },
      catalog,
    );
    expect(a.ok && a.value).toMatchObject({ scoreA: 100, class: 'poor', evidenceUsed: ['b1Items'] });
    const b = classifyHousehold(
      { area: 'rural', year: 2023, b1Items: { answers: { roof: 'durable' } }, deprived: dep(3) },
      catalog,
    );
    expect(b.ok && b.value).toMatchObject({ scoreA: 130, class: 'poor' });
    const c = classifyHousehold(
      { area: 'rural', year: 2023, b1Items: { answers: { walls: 'x' } }, deprived: [] },
      catalog,
    );
    expect(!c.ok && c.error.code).toBe('invalid_input');
  });

  it('a local (provincial) standard classifies the same household next to the national one', () => {
    const local = {
      ...STANDARD_ND07_2021,
      id: 'LOCAL-TEST',
      nameVi: 'Chuẩn nghèo địa phương (thử)',
      local: true,
      incomeLine: {
        ...STANDARD_ND07_2021.incomeLine,
        rural: { ...STANDARD_ND07_2021.incomeLine.rural, value: 2_000_000 },
      },
    };
    const catalog: StandardCatalog = { ...NATIONAL_CATALOG, standards: [...NATIONAL_CATALOG.standards, local] };
    const household = {
      area: 'rural' as const,
      year: 2023,
      incomePerCapita: 1_800_000,
      deprived: dep(3),
      occupation: 'farm' as const,
    };
    const national = classifyHousehold(household, catalog);
    const provincial = classifyHousehold({ ...household, standardId: 'LOCAL-TEST' }, catalog);
    expect(national.ok && national.value.class).toBe('average');
    expect(provincial.ok && provincial.value.class).toBe('poor');
  });
});

describe('standards data', () => {
  it('Decree 07 has 6 dimensions and 12 indicators numbered 1.1 … 6.2', () => {
    expect(STANDARD_ND07_2021.indicators.map((i) => i.code)).toEqual(ALL_12);
    expect(new Set(STANDARD_ND07_2021.indicators.map((i) => i.dimensionCode)).size).toBe(6);
  });
  it('"B ≥ 30 is the same as ≥ 3 deprivations" (10 points × 3)', () => {
    const r = STANDARD_ND07_2021.scoreRules!;
    expect(r.scoreBPoorMin.value).toBe(r.pointsPerDeprivation.value * STANDARD_ND07_2021.minDeprivations.value);
  });
  it('every value carries a citation and a status; unverified thresholds stay flagged', () => {
    for (const s of NATIONAL_CATALOG.standards) {
      for (const v of [s.incomeLine.rural, s.incomeLine.urban, s.minDeprivations]) {
        expect(v.citation).toMatch(/Nghị định/);
        expect(['verified', 'verified_secondary', 'partial', 'unverified']).toContain(v.status);
      }
    }
    expect(STANDARD_ND07_2021.indicators.find((i) => i.code === '2.2')!.status).toBe('unverified');
    expect(STANDARD_ND07_2021.indicators.find((i) => i.code === '6.1')!.status).toBe('unverified');
  });
  it('applications cover 2022-2030 without gaps or overlaps', () => {
    const years = NATIONAL_CATALOG.applications.flatMap((a) =>
      Array.from({ length: a.toYear - a.fromYear + 1 }, (_, i) => a.fromYear + i),
    );
    expect(years).toEqual([2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
  });
});
