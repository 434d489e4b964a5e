/**
 * Legal and published sources of the results area, by id (the rows of reference/legal/results.csv).
 * One status vocabulary for every fact taken from them.
 */
import type { SourceStatus } from '../legal';

export type LegalStatus = SourceStatus;

export const STATUS_LABEL_VI: Record<LegalStatus, string> = {
  verified: 'đã xác minh',
  verified_secondary: 'đã xác minh (nguồn thứ cấp)',
  partial: 'xác minh một phần',
  unverified: 'chưa xác minh',
};

export const SOURCES = {
  NQ24: 'Nghị quyết 24/2021/QH15',
  QD90: 'Quyết định 90/QĐ-TTg',
  QD36: 'Quyết định 36/2021/QĐ-TTg',
  QD353: 'Quyết định 353/QĐ-TTg',
  QD880: 'Quyết định 880/QĐ-TTg',
  QD576: 'Quyết định 576/QĐ-TTg',
  TT10: 'Thông tư 10/2022/TT-BLĐTBXH',
  KQRS: 'Kết quả rà soát hộ nghèo, hộ cận nghèo của Bộ LĐ-TB&XH',
} as const;
