/**
 * How a time limit written in a Vietnamese legal text becomes the last day allowed. One place, used by
 * the plan's deadline parser and by the poverty review's due dates.
 */
import { addDays } from './dates';
import type { WorkCalendar } from './working-days';

/**
 * "trước ngày X" → the last day allowed is X − 1.
 *
 * Why: the texts themselves separate an inclusive limit from an exclusive one. When the day itself is
 * allowed they say so — "chậm nhất là ngày X", "đến hết ngày X" (QĐ 24/2021/QĐ-TTg Điều 3: "từ ngày
 * 01 tháng 9 đến hết ngày 14 tháng 12"), "ngày 05 hằng tháng" (Điều 7 khoản 1) — while "trước ngày X"
 * (Điều 7: "trước ngày 15 tháng 11", "trước ngày 20 tháng 12"; Nghị định 27/2022 Điều 6: "trước ngày
 * 01/7/2022") says "before X", i.e. X itself is past the limit. It is also the safe reading: a report
 * filed on X − 1 is on time under either reading. Not moved by Bộ luật Dân sự 2015 Điều 148 khoản 5:
 * a fixed date is not a period counted in days.
 */
export const BEFORE_DATE_RULE = {
  rule: '"trước ngày X": hạn cuối là ngày liền trước X (X − 1)',
  basis:
    'Cách viết của văn bản: "trước ngày X" khác "chậm nhất là ngày X" / "đến hết ngày X" (QĐ 24/2021/QĐ-TTg Điều 3, Điều 7)',
  status: 'partial' as const,
};

export function lastDayBefore(date: string): string {
  return addDays(date, -1);
}

/**
 * "trong thời hạn N ngày kể từ ngày D" (calendar days) → the last day allowed.
 * Bộ luật Dân sự 2015 Điều 147 khoản 2: the first day is not counted (D + N);
 * Điều 148 khoản 5: when the last day is a weekly rest day or a holiday, the limit ends with the next
 * working day — on the calendar officials actually worked.
 */
export const DAYS_LIMIT_RULE = {
  basis: 'Bộ luật Dân sự 2015 (91/2015/QH13), Điều 147 khoản 2 và Điều 148 khoản 5',
  status: 'verified_secondary' as const,
};

export function lastDayOfDaysLimit(from: string, days: number, calendar: WorkCalendar): string {
  let d = addDays(from, days);
  while (!calendar.isWorkingDay(d)) d = addDays(d, 1);
  return d;
}
