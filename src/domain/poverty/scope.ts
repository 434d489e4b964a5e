/**
 * Where an officer's work starts: the review year in progress, and each commune's status in a
 * sentence, both pure.
 */
import { communeStatusLabel } from '../labels';
import { DEADLINE_RULES, type ReportLevel, type ReviewStep } from './review';

/**
 * The review year an officer works on today (YYYY-MM-DD in Vietnam): the periodic review of a year
 * opens on 01/09 of that year (DEADLINE_RULES.periodicOpens, QĐ 24/2021/QĐ-TTg); before that date the
 * latest review is last year's, whose results are in force and still reported on.
 */
export function currentReviewYear(today: string, rules = DEADLINE_RULES): number {
  const year = Number(today.slice(0, 4));
  const opens = `${year}-${String(rules.periodicOpens.month).padStart(2, '0')}-${String(rules.periodicOpens.day).padStart(2, '0')}`;
  return today >= opens ? year : year - 1;
}

export interface CommuneStatusInput {
  hasImport: boolean;
  nextStep: ReviewStep | null;
  nextApprover: ReportLevel | null;
  locked: boolean;
  lastApproved: ReportLevel | null;
}

/** A commune's review status in Vietnamese, as the province's list shows it (the words: domain/labels.ts). */
export const communeStatusVi = (s: CommuneStatusInput): string => communeStatusLabel(s, 'vi');

/** "An Bình" twice in a list → "An Bình (Tỉnh Đồng Tháp)": the province names a repeated commune name. */
export function labelsWithProvince<T extends { fullName: string; provinceName: string }>(
  rows: T[],
): (T & { label: string })[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.fullName, (count.get(r.fullName) ?? 0) + 1);
  return rows.map((r) => ({
    ...r,
    label: (count.get(r.fullName) ?? 0) > 1 ? `${r.fullName} (${r.provinceName})` : r.fullName,
  }));
}
