/**
 * Minimum local counterpart funds (vốn đối ứng từ ngân sách địa phương), as data keyed by the legal
 * version and by the province codes of that version's time.
 *
 * Quyết định 02/2022/QĐ-TTg (18/01/2022), on the local budget's counterpart for the Program, each year:
 * "các địa phương nhận hỗ trợ từ ngân sách trung ương từ 70% trở lên: bố trí tối thiểu 3%";
 * "từ 50% đến dưới 70%: tối thiểu 10%"; "dưới 50% và tỉnh Quảng Ngãi, tỉnh Quảng Nam: tối thiểu 15%"
 * of the central support for the Program. (Wording as quoted by the secondary source recorded in
 * reference/legal/budget.csv; the decision's own text was not retrieved.)
 * The legal definition of the support ratio was not retrieved: it is taken as given by the caller.
 */
import type { SourceStatus } from './rulebook';

export interface CounterpartRule {
  id: string;
  legalBasis: string;
  status: SourceStatus;
  /** Codes are those of the units in force when the rule was written. */
  unitSet: 'pre2025' | 'post2025';
  /** Province code → rate in whole percent. */
  exceptions: Record<string, number>;
  /** Highest minRatio first; a province with ratio ≥ minRatio gets the band's rate (whole percent). */
  bands: { minRatio: number; ratePercent: number }[];
}

export const COUNTERPART_02_2022: CounterpartRule = {
  id: 'QD02-2022',
  legalBasis: 'Quyết định 02/2022/QĐ-TTg',
  status: 'verified_secondary',
  unitSet: 'pre2025',
  exceptions: { '51': 15, '49': 15 }, // Quảng Ngãi, Quảng Nam (codes before 01/07/2025)
  bands: [
    { minRatio: 0.7, ratePercent: 3 }, //  ratio ≥ 70 %
    { minRatio: 0.5, ratePercent: 10 }, // 50 % ≤ ratio < 70 %
    { minRatio: 0, ratePercent: 15 }, //   ratio < 50 %
  ],
};

export const COUNTERPART_RULES: CounterpartRule[] = [COUNTERPART_02_2022];

export interface CounterpartMinimum {
  /** Fraction, e.g. 0.03. */
  minRatio: number;
  /** Same unit as the central support. */
  minAmount: number;
  reasonVi: string;
}

/** The minimum counterpart of a province with `supportRatio` (fraction 0..1) of its budget from the centre. */
export function counterpartMinimum(
  rule: CounterpartRule,
  supportRatio: number,
  centralSupport: number,
  provinceCode?: string,
): CounterpartMinimum {
  if (!(supportRatio >= 0 && supportRatio <= 1))
    throw new RangeError('supportRatio must be a fraction between 0 and 1');
  const exception = provinceCode !== undefined ? rule.exceptions[provinceCode] : undefined;
  const band = rule.bands.find((b) => supportRatio >= b.minRatio)!;
  const percent = exception ?? band.ratePercent;
  const reasonVi =
    exception !== undefined
      ? `${rule.legalBasis}: tỉnh mã ${provinceCode} bố trí tối thiểu ${percent}% (quy định riêng)`
      : `${rule.legalBasis}: nhận hỗ trợ từ ngân sách trung ương ${Math.round(supportRatio * 10000) / 100}% → tối thiểu ${percent}%`;
  return { minRatio: percent / 100, minAmount: (centralSupport * percent) / 100, reasonVi };
}

export type Compliance = 'met' | 'short' | 'unknown';

/** Whether a planned or actual counterpart reaches the minimum; unknown when either is missing. */
export function counterpartCompliance(minimum: number | null, counterpart: number | null): Compliance {
  if (minimum === null || counterpart === null) return 'unknown';
  return counterpart >= minimum ? 'met' : 'short';
}
