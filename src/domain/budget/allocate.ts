/**
 * The points method of allocation (see rulebook.ts): a province's points are the sum over the
 * rulebook's criteria; its amount is pool × points / Σ points, rounded to the stated unit by
 * largest remainder so that the amounts add up exactly to the pool. Points are kept to
 * 6 decimal places (micro-points) so the division is exact.
 */
import type { Problem } from '../../errors';
import { CRITERIA_BY_CODE } from './criteria';
import { largestRemainder } from './rounding';
import type { Band, Criterion, Rulebook, Validated } from './rulebook';

/** Rounding units: the decisions give amounts in million VND. */
export const UNITS = { dong: 1n, thousand: 1_000n, million: 1_000_000n, billion: 1_000_000_000n } as const;
export type MoneyUnit = keyof typeof UNITS;
export const UNIT_LABEL_VI: Record<MoneyUnit, string> = {
  dong: 'đồng',
  thousand: 'nghìn đồng',
  million: 'triệu đồng',
  billion: 'tỷ đồng',
};

const MICRO = 1_000_000;

export interface ProvinceInputs {
  province: string;
  values: Record<string, number>;
}

/** One criterion's share of a province's points; its text is made only when asked (termText). */
export interface ExplanationTerm {
  criterion: string;
  value: number;
  points: number;
  perUnit?: number;
  band?: Band;
}

export interface AllocationLine {
  province: string;
  points: number;
  amount: number;
  terms: ExplanationTerm[];
}

export interface Allocation {
  total: number;
  unit: MoneyUnit;
  pointsTotal: number;
  /** Money per point before rounding, in đồng. */
  moneyPerPoint: number;
  lines: AllocationLine[];
}

const viNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 }); // one instance: creating it costs ~0.1 ms
const fmt = (n: number) => viNumber.format(n);
const bandText = (b: Band) => `[${fmt(b.min)}, ${b.max === null ? '∞' : fmt(b.max)})`;

function scoreMicro(
  c: Criterion,
  value: number,
): { micro: number; term: Omit<ExplanationTerm, 'points'> } | { error: string } {
  if (c.perUnit === null)
    return {
      error: `tiêu chí "${c.code}" chưa có hệ số (chưa xác minh): nhập hệ số vào bộ quy tắc trước khi phân bổ.`,
    };
  if (c.perUnit !== undefined)
    return { micro: Math.round(value * c.perUnit * MICRO), term: { criterion: c.code, value, perUnit: c.perUnit } };
  const band = c.bands!.find((b) => b.min <= value && (b.max === null || value < b.max));
  if (!band) return { error: `giá trị ${fmt(value)} của tiêu chí "${c.code}" không thuộc khoảng nào của bảng điểm.` };
  return { micro: Math.round(band.points * MICRO), term: { criterion: c.code, value, band } };
}

/** "Số huyện nghèo: 3 huyện × 15 điểm" or "Tỷ lệ người dân tộc thiểu số: 42 % thuộc khoảng [30, ∞): 10 điểm". */
export function termText(t: ExplanationTerm): string {
  const def = CRITERIA_BY_CODE.get(t.criterion);
  const label = def?.labelVi ?? t.criterion;
  const unit = def?.unitVi ?? '';
  if (t.band) return `${label}: ${fmt(t.value)} ${unit} thuộc khoảng ${bandText(t.band)}: ${fmt(t.band.points)} điểm`;
  return `${label}: ${fmt(t.value)} ${unit} × ${fmt(t.perUnit ?? 0)} điểm`;
}

/** Parses an amount written in đồng and checks it divides into whole units. */
export function parsePool(text: string, unit: MoneyUnit): Validated<bigint> {
  const t = text.trim().replace(/_/g, '');
  if (!/^\d+(\.0+)?$/.test(t)) {
    return { ok: false, problems: [{ path: 'pool', message: `tổng vốn "${text}" phải là số đồng nguyên không âm.` }] };
  }
  const pool = BigInt(t.split('.')[0]);
  if (pool % UNITS[unit] !== 0n) {
    return {
      ok: false,
      problems: [
        { path: 'pool', message: `tổng vốn ${text} đồng không chia được thành số nguyên ${UNIT_LABEL_VI[unit]}.` },
      ],
    };
  }
  if (pool > BigInt(Number.MAX_SAFE_INTEGER))
    return { ok: false, problems: [{ path: 'pool', message: 'tổng vốn quá lớn.' }] };
  return { ok: true, value: pool };
}

/** Points of every province, with the explanation of each term; every bad value is reported. */
export function scoreProvinces(
  rulebook: Rulebook,
  inputs: ProvinceInputs[],
): Validated<{ province: string; micro: number; terms: ExplanationTerm[] }[]> {
  const problems: Problem[] = [];
  const out = [];
  const seen = new Set<string>();
  for (const p of inputs) {
    if (seen.has(p.province)) problems.push({ path: p.province, message: `tỉnh "${p.province}" có hai dòng dữ liệu.` });
    seen.add(p.province);
    let micro = 0;
    const terms: ExplanationTerm[] = [];
    for (const c of rulebook.criteria) {
      const value = p.values[c.code];
      if (value === undefined || value === null || Number.isNaN(value)) {
        problems.push({
          path: p.province,
          column: c.code,
          message: `tỉnh "${p.province}" thiếu giá trị tiêu chí "${c.code}".`,
        });
        continue;
      }
      if (value < 0) {
        problems.push({
          path: p.province,
          column: c.code,
          message: `giá trị tiêu chí "${c.code}" của tỉnh "${p.province}" không được âm (${value}).`,
        });
        continue;
      }
      const s = scoreMicro(c, value);
      if ('error' in s) {
        problems.push({ path: p.province, column: c.code, message: `tỉnh "${p.province}": ${s.error}` });
        continue;
      }
      micro += s.micro;
      terms.push({ ...s.term, points: s.micro / MICRO });
    }
    out.push({ province: p.province, micro, terms });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: out };
}

/** Divides `pool` (đồng, a whole number of `unit`s) among the provinces. */
export function allocate(
  rulebook: Rulebook,
  inputs: ProvinceInputs[],
  pool: bigint,
  unit: MoneyUnit,
): Validated<Allocation> {
  if (inputs.length === 0)
    return { ok: false, problems: [{ path: 'inputs', message: 'không có dòng dữ liệu tỉnh nào.' }] };
  if (pool % UNITS[unit] !== 0n)
    return {
      ok: false,
      problems: [{ path: 'pool', message: `tổng vốn không chia được thành số nguyên ${UNIT_LABEL_VI[unit]}.` }],
    };
  const scored = scoreProvinces(rulebook, inputs);
  if (!scored.ok) return scored;
  const microTotal = scored.value.reduce((a, p) => a + p.micro, 0);
  if (microTotal <= 0)
    return {
      ok: false,
      problems: [{ path: 'inputs', message: 'tổng số điểm của các tỉnh bằng 0: không phân bổ được.' }],
    };
  const units = largestRemainder(
    pool / UNITS[unit],
    scored.value.map((p) => BigInt(p.micro)),
  );
  return {
    ok: true,
    value: {
      total: Number(pool),
      unit,
      pointsTotal: microTotal / MICRO,
      moneyPerPoint: (Number(pool) / microTotal) * MICRO,
      lines: scored.value.map((p, i) => ({
        province: p.province,
        points: p.micro / MICRO,
        amount: Number(units[i] * UNITS[unit]),
        terms: p.terms,
      })),
    },
  };
}

/** "X: Số huyện nghèo: 3 huyện × 15 điểm = 45; …; cộng 57 điểm → 1.234 triệu đồng". */
export function explainLine(line: AllocationLine, unit: MoneyUnit, name = line.province): string {
  const terms = line.terms.map((t) => `${termText(t)} = ${fmt(t.points)}`).join('; ');
  return `${name}: ${terms}; cộng ${fmt(line.points)} điểm → ${fmt(line.amount / Number(UNITS[unit]))} ${UNIT_LABEL_VI[unit]}`;
}
