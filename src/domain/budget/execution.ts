/**
 * Budget execution vocabulary and rates. The phases and sources are working definitions
 * (no legal text on execution was retrieved; to confirm with the finance team).
 * Totals are computed from transactions, never stored over.
 */
export const PHASES = [
  'estimate',
  'assigned',
  'adjusted',
  'committed',
  'disbursed',
  'carried_over',
  'cancelled',
] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABEL_VI: Record<Phase, string> = {
  estimate: 'Dự toán',
  assigned: 'Giao',
  adjusted: 'Điều chỉnh',
  committed: 'Cam kết chi',
  disbursed: 'Giải ngân',
  carried_over: 'Chuyển nguồn',
  cancelled: 'Hủy dự toán',
};

export const SOURCES = ['central_investment', 'central_recurrent', 'local', 'other'] as const;
export type FundingSource = (typeof SOURCES)[number];
export const SOURCE_LABEL_VI: Record<FundingSource, string> = {
  central_investment: 'NSTW - vốn đầu tư phát triển',
  central_recurrent: 'NSTW - vốn sự nghiệp',
  local: 'Ngân sách địa phương',
  other: 'Nguồn huy động hợp pháp khác',
};

/** What may be spent in a year: assigned plus adjustments (adjustments are signed). */
export function available(assigned: number, adjusted: number): number {
  return assigned + adjusted;
}

/** Disbursed / (assigned + adjusted); null when nothing was assigned. */
export function executionRate(assigned: number, adjusted: number, disbursed: number): number | null {
  const base = available(assigned, adjusted);
  return base > 0 ? disbursed / base : null;
}

/**
 * A line disburses too slowly when its rate lags the share of the year elapsed by more than
 * `tolerance` (a working rule, configurable; no legal threshold was retrieved). The year's
 * deadline is 31 December; carried-over funds are not counted here.
 */
export function isSlow(rate: number | null, asOf: string, year: number, tolerance = 0.2): boolean {
  if (rate === null) return false;
  const y = Number(asOf.slice(0, 4));
  if (y < year) return false;
  const elapsed = y > year ? 1 : Math.min(1, Number(asOf.slice(5, 7)) / 12);
  return rate < elapsed - tolerance;
}
