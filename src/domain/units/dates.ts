/**
 * Dates of the unit sets. The history snapshots are the effective dates of the decrees that changed
 * the code list (reference/admin/history, VERIFIED [D1]).
 */
export const SNAPSHOTS = [
  '2021-11-01',
  '2022-04-10',
  '2022-07-01',
  '2022-10-01',
  '2023-04-10',
  '2024-02-01',
  '2024-05-01',
  '2024-09-01',
  '2024-11-01',
  '2025-01-01',
  '2025-03-01',
] as const;

/**
 * Lower bound of the data (an explicit assumption, not a fact of the data): the first snapshot is
 * 2021-11-01, and the Program starts in 2021 (NQ 24/2021/QH15). Units of the first snapshot are taken
 * as valid from 2021-01-01; changes between 2021-01-01 and 2021-11-01 are not in the data.
 */
export const DATA_LOWER_BOUND = '2021-01-01';

/** Two-tier local government: 34 provinces, 3,321 communes, no districts (NQ 202/2025/QH15). */
export const REFORM_DATE = '2025-07-01';

/** Đồng Nai becomes a centrally-run city (NQ 30/2026/QH16); 10 of its communes become Phường (237/NQ-UBTVQH16). */
export const DONG_NAI_2026 = '2026-04-30';
export const DONG_NAI_CODE = '75';

export const LEGAL_BASIS = {
  provinces2025: 'NQ 202/2025/QH15',
  communes2025: 'NQ 1654–1687/NQ-UBTVQH15 (16/06/2025)',
  dongNaiCity: 'NQ 30/2026/QH16',
  dongNaiWards: '237/NQ-UBTVQH16',
} as const;

/** Is the ISO date d inside [from, to)? */
export function validOn(d: string, from: string, to: string | null): boolean {
  return from <= d && (to === null || d < to);
}
