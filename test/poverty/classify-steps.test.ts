import { describe, expect, it } from 'vitest';
import {
  bandDecision,
  checkInput,
  incomeEvidence,
  incomeTest,
  isStepError,
  lowIncomeWorkerTest,
  resolveIndicators,
  resolveStandard,
  reviewFlags,
  scoreB,
  type BandFacts,
} from '../../src/domain/poverty/classify-steps';
import type { ClassifyInput, Reason } from '../../src/domain/poverty/classify';
import { NATIONAL_CATALOG, findStandard } from '../../src/domain/poverty/standards';
import type { HouseholdClass, StandardCatalog } from '../../src/domain/poverty/types';

const ND07 = findStandard(NATIONAL_CATALOG, 'ND07-2021')!;
const ND351 = findStandard(NATIONAL_CATALOG, 'ND351-2025')!;

describe('step 0: the input', () => {
  const base: ClassifyInput = { area: 'rural', year: 2025, deprived: [] };
  it.each<[string, ClassifyInput, string | null]>([
    ['a well-formed input', base, null],
    ['an unknown area', { ...base, area: 'city' as never }, 'Khu vực (area)'],
    ['an impossible date', { ...base, date: '2025-02-30' }, 'Ngày "2025-02-30" không hợp lệ'],
    ['neither year nor date', { area: 'rural', deprived: [] }, 'Thiếu năm rà soát'],
    ['a negative income', { ...base, incomePerCapita: -1 }, 'Thu nhập bình quân đầu người (incomePerCapita)'],
  ])('%s', (_why, input, message) => {
    const out = checkInput(input);
    if (message === null) expect(out).toBeNull();
    else expect(out?.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining(message) });
  });
});

/**
 * Nghị định 07/2021/NĐ-CP, Điều 3 applies 2022-2025; Nghị định 351/2025/NĐ-CP keeps it to 31/12/2026 and sets
 * its own standard for 2027-2030; 2021 (QĐ 59/2015) is not configured.
 */
describe('step 1: the standard in force', () => {
  it.each<[string, Partial<ClassifyInput>, string | null]>([
    ['2025: Nghị định 07/2021, Điều 3', { year: 2025 }, 'ND07-2021'],
    ['2026: kept by Nghị định 351/2025', { year: 2026 }, 'ND07-2021'],
    ['31/12/2026 by date', { date: '2026-12-31' }, 'ND07-2021'],
    ['01/01/2027: Nghị định 351/2025', { date: '2027-01-01' }, 'ND351-2025'],
    ['2021: not configured', { year: 2021 }, null],
  ])('%s', (_why, when, id) => {
    const out = resolveStandard(NATIONAL_CATALOG, { area: 'rural', deprived: [], ...when });
    if (id === null) expect(isStepError(out) && out.error.code).toBe('no_standard');
    else expect(!isStepError(out) && out.standard.id).toBe(id);
  });

  it('a standard chosen by id applies with its own citation, outside its period too', () => {
    const out = resolveStandard(NATIONAL_CATALOG, {
      area: 'rural',
      year: 2025,
      deprived: [],
      standardId: 'ND351-2025',
    });
    expect(isStepError(out)).toBe(false);
    if (!isStepError(out)) {
      expect(out.application).toBeUndefined();
      expect(out.reason).toMatchObject({ rule: 'standard', citation: 'Nghị định 351/2025/NĐ-CP' });
    }
  });
});

/** Nghị định 07/2021, Điều 3: 12 indicators of 6 dimensions, given by code ("1.1") or by key. */
describe('step 2: the deprived indicators', () => {
  it.each<[string[], string[], string[]]>([
    [['1.1', 'health_insurance', ' 6.2 '], ['1.1', '2.2', '6.2'], []],
    [['2.2', '2.2', 'health_insurance'], ['2.2'], []],
    [['5.3', '9.9'], [], ['5.3', '9.9']],
  ])('%j → known %j, unknown %j', (given, known, unknown) => {
    const out = resolveIndicators(ND07, given);
    expect(out.known.map((i) => i.code)).toEqual(known);
    expect(out.unknown).toEqual(unknown);
  });

  it('Nghị định 351/2025 adds 5.3 (waste treatment) and drops 6.2', () => {
    expect(resolveIndicators(ND351, ['5.3', '6.2'])).toMatchObject({ unknown: ['6.2'] });
  });
});

/** Thông tư 07/2021/TT-BLĐTBXH, Điều 2 and Phụ lục IV: 10 points for each deprived indicator. */
describe('step 3: score B', () => {
  it.each<[number, number | undefined, number, string[]]>([
    [0, undefined, 0, []],
    [3, undefined, 30, []],
    [3, 30, 30, []],
    [2, 30, 20, ['score_b_mismatch']],
  ])('%i deprivations, entered %s → %i, flags %j', (count, entered, value, flags) => {
    expect(scoreB(ND07, count, entered)).toMatchObject({ scoreB: value, flags });
  });

  it('no score B without score rules (Nghị định 351/2025: forms not known)', () => {
    expect(scoreB(ND351, 3, 30)).toEqual({ scoreB: null, reasons: [], flags: [] });
  });
});

/**
 * Thông tư 07/2021, Điều 2 and Phụ lục III: score A is the total of Phiếu B1; its item table was not retrieved,
 * so items are scored only when a table is configured as data.
 */
describe('step 4: score A and income', () => {
  const table = {
    id: 'B1-TEST',
    standardId: 'ND07-2021',
    area: 'rural' as const,
    basePoints: 100,
    items: { q1: { yes: 20, no: 0 } },
    citation: 'Bảng điểm thử nghiệm',
    status: 'unverified' as const,
  };
  const withTable: StandardCatalog = { ...NATIONAL_CATALOG, itemTables: [table] };
  it.each<[string, StandardCatalog, Parameters<typeof incomeEvidence>[2], unknown]>([
    ['score A alone', NATIONAL_CATALOG, { area: 'rural', scoreA: 130 }, { scoreA: 130, evidenceUsed: ['scoreA'] }],
    [
      'both',
      NATIONAL_CATALOG,
      { area: 'rural', scoreA: 130, incomePerCapita: 1 },
      { scoreA: 130, income: 1, evidenceUsed: ['scoreA', 'income'] },
    ],
    ['neither', NATIONAL_CATALOG, { area: 'rural' }, { error: { code: 'no_evidence' } }],
    [
      'B1 items without a table',
      NATIONAL_CATALOG,
      { area: 'rural', b1Items: { answers: { q1: 'yes' } } },
      { error: { code: 'no_item_table' } },
    ],
    [
      'B1 items with a table, entered A differs',
      withTable,
      { area: 'rural', scoreA: 100, b1Items: { answers: { q1: 'yes' } } },
      { scoreA: 120, evidenceUsed: ['b1Items'], flags: ['score_a_mismatch'] },
    ],
  ])('%s', (_why, catalog, input, expected) => {
    expect(incomeEvidence(catalog, ND07, input)).toMatchObject(expected as object);
  });

  it('score A is set aside without score rules when income is known, refused otherwise', () => {
    expect(incomeEvidence(NATIONAL_CATALOG, ND351, { area: 'rural', scoreA: 100, incomePerCapita: 1 })).toMatchObject({
      scoreA: null,
      reasons: [{ rule: 'score_a_ignored', status: 'unverified' }],
    });
    expect(incomeEvidence(NATIONAL_CATALOG, ND351, { area: 'rural', scoreA: 100 })).toMatchObject({
      error: { code: 'no_score_rules' },
    });
  });
});

/**
 * Nghị định 07/2021, Điều 3: income line 1,500,000 (rural) / 2,000,000 (urban) VND per person per month;
 * Thông tư 07/2021, Điều 2: score A ≤ 140 (rural) / 175 (urban) corresponds to it, score A is the primary evidence.
 */
describe('step 5: the income test', () => {
  it.each<[string, 'rural' | 'urban', number | null, number | null, boolean, string, string[]]>([
    ['A at the rural line', 'rural', 140, null, true, 'scoreA', []],
    ['A over the rural line', 'rural', 141, null, false, 'scoreA', []],
    ['A at the urban line', 'urban', 175, null, true, 'scoreA', []],
    ['income at the rural line', 'rural', null, 1_500_000, true, 'income', []],
    ['income over the urban line', 'urban', null, 2_000_001, false, 'income', []],
    ['A and income disagree: A decides', 'rural', 130, 1_600_000, true, 'scoreA', ['evidence_disagreement']],
  ])('%s', (_why, area, a, income, under, decidedBy, flags) => {
    expect(incomeTest(ND07, area, a, income)).toMatchObject({ underLine: under, decidedBy, flags });
  });
});

/**
 * Nghị định 07/2021, Điều 3 and Thông tư 07/2021, Điều 2: under the line, poor with B ≥ 30 (3 deprivations),
 * near-poor below; over it, average up to 2,250,000 / 3,000,000 — QĐ 24/2021/QĐ-TTg, Điều 2: only for farm,
 * forestry, fishery and salt households.
 */
describe('step 6: the band', () => {
  const facts = (f: Partial<BandFacts>): BandFacts => ({
    area: 'rural',
    underLine: false,
    scoreB: null,
    known: [],
    income: null,
    occupation: 'farm',
    ...f,
  });
  const three = ND07.indicators.slice(0, 3);
  it.each<[string, Partial<BandFacts>, HouseholdClass, string]>([
    ['under the line, B = 30', { underLine: true, scoreB: 30, known: three }, 'poor', 'score_b_poor'],
    [
      'under the line, B = 20',
      { underLine: true, scoreB: 20, known: three.slice(0, 2) },
      'near_poor',
      'score_b_near_poor',
    ],
    ['farm household in the band', { income: 2_250_000 }, 'average', 'average_band'],
    ['over the band', { income: 2_250_001 }, 'not_poor', 'over_average_band'],
    [
      'other occupation in the band',
      { income: 2_000_000, occupation: 'other' },
      'not_poor',
      'average_band_not_applicable',
    ],
    [
      'occupation unknown in the band',
      { income: 2_000_000, occupation: null },
      'not_poor',
      'average_band_occupation_unknown',
    ],
    ['only score A over the line', {}, 'not_poor', 'not_poor'],
  ])('%s', (_why, f, cls, rule) => {
    const out = bandDecision(ND07, facts(f));
    expect(out.class).toBe(cls);
    expect(out.reasons.map((r) => r.rule)).toEqual([rule]);
  });

  it('without score rules, 3 deprivations make a poor household (Nghị định 351/2025)', () => {
    expect(bandDecision(ND351, facts({ underLine: true, known: ND351.indicators.slice(0, 3) })).class).toBe('poor');
    expect(bandDecision(ND351, facts({ underLine: true, known: ND351.indicators.slice(0, 2) })).class).toBe(
      'near_poor',
    );
  });

  it('the occupation is needed in the band: flagged when unknown', () => {
    expect(bandDecision(ND07, facts({ income: 2_000_000, occupation: undefined })).flags).toEqual([
      'occupation_unknown',
    ]);
  });
});

/** Nghị định 30/2025/NĐ-CP, Điều 1: income ≤ 2,250,000 (rural) / 3,000,000 (urban), from 24/02/2025. */
describe('step 7: the low-income worker test', () => {
  it.each<[string, string, HouseholdClass, number | null, boolean | null]>([
    ['at the rural ceiling', '2025-09-01', 'average', 2_250_000, true],
    ['over it', '2025-09-01', 'not_poor', 2_250_001, false],
    ['before 24/02/2025', '2025-02-23', 'average', 2_000_000, null],
    ['a poor household', '2025-09-01', 'poor', 1_000_000, null],
    ['no income', '2025-09-01', 'not_poor', null, null],
  ])('%s', (_why, onDate, cls, income, expected) => {
    expect(lowIncomeWorkerTest(ND07, 'rural', onDate, cls, income).lowIncomeWorker).toBe(expected);
  });
});

describe('step 8: the flags', () => {
  const reason = (status: Reason['status']): Reason => ({ rule: 'x', messageVi: '', citation: '', status });
  it.each<[Reason['status'][], string[]]>([
    [['verified', 'verified'], []],
    [['verified', 'partial'], ['unverified_value']],
    [['verified_secondary'], ['unverified_value']],
  ])('reasons %j → %j', (statuses, flags) => {
    expect(reviewFlags(statuses.map(reason), [])).toEqual(flags);
  });
});
