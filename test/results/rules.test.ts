import { describe, expect, it } from 'vitest';
import {
  approveAt,
  chainForPeriod,
  checkFormula,
  checkRules,
  checkValues,
  completenessOf,
  deadlineOf,
  ELEMENT_CODES,
  entryOpen,
  evaluateDbkkCommune,
  evaluateFormula,
  exitedBy,
  judge,
  periodOf,
  progressToward,
  returnAt,
  ruleTextEn,
  ruleTextVi,
  statusOf,
  timelinessOf,
  TT10_FORMS,
  type TargetRule,
  type ValidationRule,
} from '../../src/domain/results';
import { AppError } from '../../src/errors';
import { officialCalendar } from '../../src/modules/calendar/official';

describe('indicators as formulas (numerator, denominator, factor)', () => {
  const poorRate = { code: 'poor_rate', numerator: 'poor', denominator: 'households', factor: 100 };
  it.each([
    // Quảng Bình 2022 (3627/QĐ-UBND): 12,855 poor of 257,085 households = 5.00 %
    [{ poor: 12855, households: 257085 }, 5.0003],
    [{ poor: 1, households: null }, null],
    [{ poor: undefined, households: 10 }, null],
  ])('%j → %s', (values, expected) => {
    const r = evaluateFormula(poorRate, values);
    expect(r.ok).toBe(true);
    if (r.ok) expected === null ? expect(r.value).toBeNull() : expect(r.value).toBeCloseTo(expected, 4);
  });
  it('a zero denominator is reported in Vietnamese, never 0 or Infinity', () => {
    const r = evaluateFormula(poorRate, { poor: 0, households: 0 });
    expect(r).toEqual({
      ok: false,
      code: 'division_by_zero',
      message: 'Mẫu số của chỉ tiêu poor_rate bằng 0: không tính được (chia cho 0).',
    });
  });
  it('an unknown element or a constant zero denominator is refused', () => {
    expect(() =>
      checkFormula(
        { code: 'x', numerator: 'poor + nguoi_ngheo', denominator: 'households', factor: 100 },
        ELEMENT_CODES,
      ),
    ).toThrow(AppError);
    try {
      checkFormula(
        { code: 'x', numerator: 'poor + nguoi_ngheo', denominator: 'households', factor: 100 },
        ELEMENT_CODES,
      );
    } catch (e) {
      expect((e as AppError).details).toEqual({
        problems: [
          {
            path: 'Tử số của chỉ tiêu x',
            message: 'Tử số của chỉ tiêu x dùng phần tử dữ liệu chưa có trong danh mục: "nguoi_ngheo".',
          },
        ],
      });
    }
    expect(() => checkFormula({ code: 'x', numerator: 'poor', denominator: '0', factor: 100 }, ELEMENT_CODES)).toThrow(
      /Công thức không hợp lệ/,
    );
    expect(() => checkFormula({ code: 'x', numerator: 'poor *', denominator: null, factor: 1 }, ELEMENT_CODES)).toThrow(
      AppError,
    );
  });
});

describe('targets (NQ 24/2021/QH15, QĐ 90/QĐ-TTg): "duy trì mức giảm tỷ lệ hộ nghèo 1-1,5%/năm"', () => {
  const published: Record<number, number> = { 2022: 4.03, 2023: 2.93, 2024: 1.93 }; // MOLISA review results
  const valueOf = (y: number) => published[y] ?? null;
  const t1 = { kind: 'annual_decrease_pp', min: 1, max: 1.5 } as const;
  it.each([
    [2023, 3.03, true], // 4.03 → 2.93: −1.10
    [2024, 1.93, true], // 2.93 → 1.93: −1.00 exactly (two decimals)
    [2022, null, null], // 2021 on the new standard is not published
    [2025, 0.93, null], // 2025 not yet published
  ])('%i: target %s, on track %s', (year, target, onTrack) => {
    const j = judge(t1, year, valueOf);
    expect(j.target).toBe(target);
    expect(j.onTrack).toBe(onTrack);
  });
  it('ethnic minorities: > 3 points a year; 25.91 % (2021) → 21.02 % (2022) is on track', () => {
    expect(
      judge({ kind: 'annual_decrease_pp', min: 3, max: null }, 2022, (y) => ({ 2021: 25.91, 2022: 21.02 })[y] ?? null),
    ).toEqual({ target: 22.91, onTrack: true, noteVi: null });
  });
  it('30 % of ĐBKK communes by 2025: 9 of 54 in 2024 is not yet judged; 19 of 54 (35.2 %) in 2025 is', () => {
    expect(judge({ kind: 'reach_at_least', min: 30, byYear: 2025 }, 2024, () => (100 * 9) / 54).onTrack).toBeNull();
    expect(judge({ kind: 'reach_at_least', min: 30, byYear: 2025 }, 2025, () => (100 * 19) / 54).onTrack).toBe(true);
    expect(judge({ kind: 'reach_at_least', min: 30, byYear: 2025 }, 2025, () => 20).onTrack).toBe(false);
  });
  it('halving without a known baseline is not judged', () => {
    expect(
      judge({ kind: 'relative_decrease', pct: 50, baseYear: null, byYear: 2025 }, 2025, () => 1).onTrack,
    ).toBeNull();
  });
  it('a rule reads the same in Vietnamese and English', () => {
    const rules: TargetRule[] = [
      { kind: 'annual_decrease_pp', min: 1, max: 1.5 },
      { kind: 'reach_at_least', min: 30, byYear: 2025 },
      { kind: 'relative_decrease', pct: 50, baseYear: null, byYear: 2025 },
      { kind: 'at_most', max: 10, byYear: 2030 },
    ];
    expect(rules.map(ruleTextVi)).toEqual([
      'giảm 1-1,5 điểm phần trăm mỗi năm',
      'đạt ít nhất 30 đến năm 2025',
      'giảm 50% so với đầu kỳ đến năm 2025',
      'không quá 10 đến năm 2030',
    ]);
    expect(rules.map(ruleTextEn)).toEqual([
      'down 1-1.5 percentage points a year',
      'at least 30 by 2025',
      'down 50% from the start of the period by 2025',
      'at most 10 by 2030',
    ]);
  });
});

describe('exits over time (QĐ 576/QĐ-TTg 2024: 9 communes; 19 by end 2025, a running total)', () => {
  const facts = [
    { decidedOn: '2024-06-22', count: 9, cumulative: false },
    { decidedOn: '2025-12-27', count: 19, cumulative: true },
  ];
  it.each([
    [2023, null],
    [2024, 9],
    [2025, 19],
    // no decision of 2026 recorded: the end-2025 total is not shown as 2026's
    [2026, null],
  ])('%i → %s', (y, n) => expect(exitedBy(y, facts)).toBe(n));
  it('progress toward 30 %', () => {
    const p = progressToward(19, 54, 30);
    expect(p.sharePct).toBeCloseTo(35.19, 2);
    expect(p.progressPct).toBeCloseTo(117.28, 2);
  });
});

describe('validation rules (left ⟨operator⟩ right, missing-value strategy)', () => {
  const rules: ValidationRule[] = TT10_FORMS[0].rules;
  it('poor + near-poor above households fails, named in Vietnamese', () => {
    expect(checkRules(rules, { households: 100, poor: 80, near_poor: 30 })).toEqual([
      {
        rule: 'R1',
        left: 110,
        right: 100,
        message:
          'Quy tắc "Số hộ nghèo và cận nghèo không vượt tổng số hộ" không đạt: vế trái = 110 phải không lớn hơn vế phải = 100.',
      },
    ]);
  });
  it('skip_if_any_missing skips; never_skip counts a missing value as 0', () => {
    expect(checkRules(rules, { poor: 80 })).toEqual([expect.objectContaining({ rule: 'R3' })]);
    expect(checkRules(rules, { households: 100, poor: 5, near_poor: 5, poor_no_labour: 2 })).toEqual([]);
  });
  it('values: unknown field, negative, fraction', () => {
    expect(checkValues(TT10_FORMS[0], { households: -1, poor: 1.5, xyz: 1 }).map((p) => p.message)).toEqual([
      'Tổng số hộ dân cư: không được âm.',
      'Số hộ nghèo: phải là số nguyên.',
      'Biểu Biểu số 02 không có chỉ tiêu "xyz".',
    ]);
  });
});

describe('periods, deadlines in working days, chain of the period (TT 10/2022, Điều 4.2: 15 ngày làm việc)', () => {
  it('period keys', () => {
    expect(periodOf('six_monthly', '2025S1')).toMatchObject({
      startsOn: '2025-01-01',
      endsOn: '2025-06-30',
      labelVi: '6 tháng đầu năm 2025',
      labelEn: 'First half of 2025',
    });
    expect(periodOf('monthly', '2025-03')).toMatchObject({ labelVi: 'Tháng 3/2025', labelEn: 'Month 3/2025' });
    expect(periodOf('monthly', '2025-13')).toBeNull();
    expect(periodOf('yearly', '2024')).toMatchObject({ endsOn: '2024-12-31' });
  });
  it('deadline: 15 working days after 30/06/2025 (weekends skipped) is 21/07/2025', () => {
    expect(deadlineOf(periodOf('six_monthly', '2025S1')!, 15, officialCalendar)).toBe('2025-07-21');
  });
  it('chain: with the district level until 30/06/2025, without it after', () => {
    expect(chainForPeriod(periodOf('six_monthly', '2025S1')!)).toEqual(['commune', 'district', 'province', 'central']);
    expect(chainForPeriod(periodOf('six_monthly', '2025S2')!)).toEqual(['commune', 'province', 'central']);
  });
  it('submit, approve in order, return with a reason', () => {
    const chain = ['commune', 'province', 'central'] as const;
    const s1 = approveAt([...chain], [], 'commune', '2026-01-05', 'xa');
    expect(s1.ok).toBe(true);
    if (!s1.ok) return;
    expect(statusOf([...chain], s1.approvals)).toEqual({ state: 'submitted', nextLevel: 'province', locked: true });
    expect(approveAt([...chain], s1.approvals, 'central', '2026-01-06', 'tw')).toEqual({
      ok: false,
      message: 'Báo cáo đang chờ cấp tỉnh xử lý, không phải trung ương.',
    });
    expect(returnAt([...chain], s1.approvals, 'province', '')).toEqual({
      ok: false,
      message: 'Cần ghi lý do trả lại báo cáo.',
    });
    const back = returnAt([...chain], s1.approvals, 'province', 'Sai số hộ');
    expect(back.ok && statusOf([...chain], back.approvals).state).toBe('draft');
  });
  it('entry window, timeliness, completeness', () => {
    expect(entryOpen('2026-01-01', '2026-01-21', '2026-01-22')).toEqual({
      ok: false,
      message: 'Kỳ báo cáo đã đóng ngày 21/01/2026: không nhập, không gửi được nữa.',
    });
    expect(timelinessOf('2026-01-21', '2026-01-21', '2026-02-01')).toBe('on_time');
    expect(timelinessOf(null, '2026-01-21', '2026-02-01')).toBe('missing');
    expect(
      completenessOf(
        4,
        [
          { submittedOn: '2026-01-02', fullyApproved: true },
          { submittedOn: '2026-01-30', fullyApproved: false },
        ],
        '2026-01-21',
      ),
    ).toEqual({
      expected: 4,
      submitted: 2,
      onTime: 1,
      approved: 1,
      reportingRate: 50,
      reportingRateOnTime: 25,
    });
  });
});

describe('ĐBKK coastal commune criteria (QĐ 36/2021/QĐ-TTg, Điều 4)', () => {
  const lacking = { a: true, b: true, c: true, dd: false, d: false, e: null, g: null, h: null, i: null };
  it.each([
    [{ coastal: true, saltIntrusionMonths: 0, poorNearPoorPct: 15, lacking, newRuralStandard: false }, true],
    [{ coastal: true, saltIntrusionMonths: 0, poorNearPoorPct: 14.9, lacking, newRuralStandard: false }, false],
    // salt intrusion ≥ 3 months, ≥ 12 %
    [{ coastal: false, saltIntrusionMonths: 3, poorNearPoorPct: 12, lacking, newRuralStandard: false }, true],
    // new-rural communes are out of scope
    [{ coastal: true, saltIntrusionMonths: 0, poorNearPoorPct: 20, lacking, newRuralStandard: true }, false],
    [{ coastal: true, saltIntrusionMonths: null, poorNearPoorPct: null, lacking, newRuralStandard: false }, null],
  ])('%j → %s', (facts, eligible) => expect(evaluateDbkkCommune(facts).eligible).toBe(eligible));
});

describe('legal sources (reference/legal/results.csv)', () => {
  it('every row has the columns and one status vocabulary; every target cites a listed source', async () => {
    const fs = await import('node:fs');
    const { parseCsv } = await import('../../src/domain/units/csv');
    const { PROGRAM_TARGETS } = await import('../../src/domain/results');
    const rows = parseCsv(fs.readFileSync('reference/legal/results.csv', 'utf8'));
    expect(Object.keys(rows[0])).toEqual([
      'id',
      'title',
      'number',
      'date',
      'issuer',
      'where_read',
      'supports',
      'status',
    ]);
    for (const r of rows) expect(['verified', 'verified_secondary', 'partial', 'unverified']).toContain(r.status);
    for (const t of PROGRAM_TARGETS) expect(rows.map((r) => r.id)).toContain(t.sourceId);
  });
});
