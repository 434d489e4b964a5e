import { describe, expect, it } from 'vitest';
import {
  allocate,
  largestRemainder,
  parseInputsCsv,
  parsePool,
  validateRulebook,
  explainLine,
  type Rulebook,
} from '../../src/domain/budget';

const EXAMPLE = {
  name: 'Ví dụ',
  legalBasis: 'Quyết định 02/2022/QĐ-TTg',
  criteria: [
    { code: 'poor_households', perUnit: 0.001 },
    { code: 'poor_districts', perUnit: 15 },
    {
      code: 'ethnic_share',
      bands: [
        { min: 0, max: 30, points: 5 },
        { min: 30, max: null, points: 10 },
      ],
    },
  ],
};

function rulebook(raw: unknown = EXAMPLE): Rulebook {
  const r = validateRulebook(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('largest remainder', () => {
  const cases: [string, bigint, bigint[], bigint[]][] = [
    ['exact shares', 100n, [1n, 1n, 2n], [25n, 25n, 50n]],
    ['thirds: the leftover unit goes to the first of equal remainders', 100n, [1n, 1n, 1n], [34n, 33n, 33n]],
    ['Hamilton: 10 seats, 5/3/2 split of 7', 10n, [5n, 3n, 2n], [5n, 3n, 2n]],
    ['remainders .48/.42/.09 on 1000', 1000n, [125n, 64n, 75n], [474n, 242n, 284n]],
    ['a zero weight gets nothing', 7n, [0n, 1n, 1n], [0n, 4n, 3n]],
  ];
  it.each(cases)('%s', (_t, total, weights, expected) => {
    const parts = largestRemainder(total, weights);
    expect(parts).toEqual(expected);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
  });
});

describe('points method (money per point × points, QĐ 48/2016/QĐ-TTg method)', () => {
  const inputs = [
    { province: '02', values: { poor_households: 25000, poor_districts: 6, ethnic_share: 88.3 } },
    { province: '04', values: { poor_households: 9000, poor_districts: 3, ethnic_share: 30 } },
    { province: '10', values: { poor_households: 20000, poor_districts: 3, ethnic_share: 29.99 } },
  ];

  it('sums criteria, bands hold min ≤ value < max, amounts add up exactly to the pool in million VND', () => {
    const r = allocate(rulebook(), inputs, 1_000_000_000n, 'million');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.lines.map((l) => [l.province, l.points, l.amount])).toEqual([
      ['02', 125, 483_000_000], // 25 + 90 + 10; 1000 × 125/259 = 482.63 → 482 + the leftover unit
      ['04', 64, 247_000_000], //  9 + 45 + 10 (30 is in [30, ∞)); 247.10
      ['10', 70, 270_000_000], // 20 + 45 + 5 (29.99 is in [0, 30)); 270.27
    ]);
    expect(r.value.lines.reduce((a, l) => a + l.amount, 0)).toBe(1_000_000_000);
    expect(explainLine(r.value.lines[0], 'million', 'Hà Giang')).toBe(
      'Hà Giang: Số hộ nghèo: 25.000 hộ × 0,001 điểm = 25; Số huyện nghèo: 6 huyện × 15 điểm = 90; Tỷ lệ người dân tộc thiểu số: 88,3 % thuộc khoảng [30, ∞): 10 điểm = 10; cộng 125 điểm → 483 triệu đồng',
    );
  });

  it('the 2026-2030 coefficient table is expressible as data (1 / 50 / 40 / 30 / 25 per unit)', () => {
    const rb = rulebook({
      name: '2026-2030',
      legalBasis: 'Chương trình MTQG 2026-2030 (số quyết định chưa xác minh)',
      criteria: [
        { code: 'ebkk_villages', perUnit: 1 },
        { code: 'region3_communes', perUnit: 50 },
        { code: 'region2_communes', perUnit: 40 },
        { code: 'region1_communes', perUnit: 30 },
        { code: 'other_communes', perUnit: 25 },
      ],
    });
    const r = allocate(
      rb,
      [
        {
          province: 'A',
          values: {
            ebkk_villages: 10,
            region3_communes: 2,
            region2_communes: 1,
            region1_communes: 0,
            other_communes: 4,
          },
        },
        {
          province: 'B',
          values: {
            ebkk_villages: 0,
            region3_communes: 0,
            region2_communes: 0,
            region1_communes: 5,
            other_communes: 0,
          },
        },
      ],
      300n,
      'dong',
    );
    expect(r.ok && r.value.lines.map((l) => [l.points, l.amount])).toEqual([
      [250, 188],
      [150, 112],
    ]);
  });

  const bad: [string, unknown, { province: string; values: Record<string, number> }[], RegExp][] = [
    [
      'unknown criterion',
      { ...EXAMPLE, criteria: [{ code: 'poor_housholds', perUnit: 1 }] },
      inputs,
      /tiêu chí "poor_housholds" không có trong danh mục/,
    ],
    [
      'malformed band (max ≤ min)',
      { ...EXAMPLE, criteria: [{ code: 'ethnic_share', bands: [{ min: 30, max: 10, points: 1 }] }] },
      inputs,
      /max \(10\) phải lớn hơn min \(30\)/,
    ],
    [
      'overlapping bands',
      {
        ...EXAMPLE,
        criteria: [
          {
            code: 'ethnic_share',
            bands: [
              { min: 0, max: 40, points: 1 },
              { min: 30, max: null, points: 2 },
            ],
          },
        ],
      },
      inputs,
      /chồng lên nhau/,
    ],
    [
      'both perUnit and bands',
      { ...EXAMPLE, criteria: [{ code: 'poor_districts', perUnit: 1, bands: [{ min: 0, max: null, points: 1 }] }] },
      inputs,
      /đúng một cách tính điểm/,
    ],
    [
      'negative value',
      EXAMPLE,
      [{ province: '02', values: { poor_households: -1, poor_districts: 1, ethnic_share: 1 } }],
      /không được âm/,
    ],
    [
      'missing value',
      EXAMPLE,
      [{ province: '02', values: { poor_households: 1, ethnic_share: 1 } }],
      /thiếu giá trị tiêu chí "poor_districts"/,
    ],
    [
      'value outside every band',
      { ...EXAMPLE, criteria: [{ code: 'ethnic_share', bands: [{ min: 10, max: null, points: 1 }] }] },
      [{ province: '02', values: { ethnic_share: 5 } }],
      /không thuộc khoảng nào/,
    ],
  ];
  it.each(bad)('refuses: %s', (_t, raw, ins, message) => {
    const v = validateRulebook(raw);
    const problems = v.ok
      ? (() => {
          const r = allocate(v.value, ins, 1000n, 'dong');
          return r.ok ? [] : r.problems;
        })()
      : v.problems;
    expect(problems.map((p) => p.message).join(' | ')).toMatch(message);
  });

  it('a pool that cannot be divided in the unit is refused', () => {
    expect(parsePool('1000500000', 'million')).toMatchObject({ ok: false });
    expect(parsePool('12.5', 'dong')).toMatchObject({ ok: false });
    expect(parsePool('2000000', 'million')).toEqual({ ok: true, value: 2_000_000n });
  });

  it('inputs CSV: header province,<codes>; every bad cell reported at once', () => {
    expect(parseInputsCsv('province,poor_districts\n02,6\n04,\n')).toEqual({
      ok: true,
      value: [
        { province: '02', values: { poor_districts: 6 } },
        { province: '04', values: {} },
      ],
    });
    const bad = parseInputsCsv('province,poor_districts,ethnic_share\n02,sáu,1\n04,1,1,5\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((p) => [p.row, p.column ?? null])).toEqual([
        [2, 'poor_districts'],
        [3, null],
      ]);
    expect(parseInputsCsv('tinh,a\n')).toMatchObject({ ok: false });
  });
});
