/**
 * Report periods, deadlines, the approval chain of a period and timeliness (Thông tư 10/2022/
 * TT-BLĐTBXH, Điều 4 khoản 2: a supervision report within 15 working days after the period).
 * Working days come from the shared calendar; the chain is the one the household review uses for
 * the same date (with the district level until 30/06/2025, without it after).
 */
import { isoDate, lastDayOfMonth, type WorkCalendar } from '../calendar';
import { LEVEL_LABEL_VI, routingFor, type ReportLevel } from '../poverty/review';

export type PeriodType = 'monthly' | 'six_monthly' | 'yearly';

export const PERIOD_TYPE_VI: Record<PeriodType, string> = { monthly: 'Tháng', six_monthly: '6 tháng', yearly: 'Năm' };

export interface Period {
  type: PeriodType;
  /** '2025-03', '2025S1', '2025' */
  key: string;
  startsOn: string;
  endsOn: string;
  labelVi: string;
  labelEn: string;
}

const KEY = { monthly: /^(\d{4})-(0[1-9]|1[0-2])$/, six_monthly: /^(\d{4})S([12])$/, yearly: /^(\d{4})$/ };

/** The period of a key, or null when the key does not fit the type. */
export function periodOf(type: PeriodType, key: string): Period | null {
  const m = KEY[type].exec(key);
  if (!m) return null;
  const y = Number(m[1]);
  if (type === 'monthly') {
    const mo = Number(m[2]);
    return {
      type,
      key,
      startsOn: isoDate(y, mo, 1),
      endsOn: lastDayOfMonth(y, mo),
      labelVi: `Tháng ${mo}/${y}`,
      labelEn: `Month ${mo}/${y}`,
    };
  }
  if (type === 'six_monthly') {
    const half = Number(m[2]);
    return half === 1
      ? {
          type,
          key,
          startsOn: isoDate(y, 1, 1),
          endsOn: isoDate(y, 6, 30),
          labelVi: `6 tháng đầu năm ${y}`,
          labelEn: `First half of ${y}`,
        }
      : {
          type,
          key,
          startsOn: isoDate(y, 7, 1),
          endsOn: isoDate(y, 12, 31),
          labelVi: `6 tháng cuối năm ${y}`,
          labelEn: `Second half of ${y}`,
        };
  }
  return {
    type,
    key,
    startsOn: isoDate(y, 1, 1),
    endsOn: isoDate(y, 12, 31),
    labelVi: `Năm ${y}`,
    labelEn: `Year ${y}`,
  };
}

export function periodKeyFormatVi(type: PeriodType): string {
  return type === 'monthly'
    ? 'YYYY-MM (ví dụ 2025-03)'
    : type === 'six_monthly'
      ? 'YYYYS1 hoặc YYYYS2 (ví dụ 2025S1)'
      : 'YYYY (ví dụ 2025)';
}

/** The deadline: `days` working days after the period's last day, on the calendar officials worked. */
export function deadlineOf(period: Period, workingDays: number, calendar: WorkCalendar): string {
  return calendar.addWorkingDays(period.endsOn, workingDays);
}

/** Who approves a report of the period, bottom-up (the first level submits). */
export function chainForPeriod(period: Period): ReportLevel[] {
  return routingFor(period.endsOn)?.chain ?? [];
}

export { LEVEL_LABEL_VI, type ReportLevel };

export type ReportState = 'draft' | 'submitted' | 'approved';

export const STATE_VI: Record<ReportState, string> = {
  draft: 'Đang nhập',
  submitted: 'Đã gửi',
  approved: 'Đã phê duyệt',
};

export interface Approval {
  level: ReportLevel;
  on: string;
  by: string;
}

export interface ReportStatus {
  state: ReportState;
  /** The level whose action is awaited (null when every level approved). */
  nextLevel: ReportLevel | null;
  /** The reporting unit can no longer edit its values. */
  locked: boolean;
}

/** A report's status from its approvals along the period's chain (first approval = submission). */
export function statusOf(chain: ReportLevel[], approvals: Approval[]): ReportStatus {
  const n = approvals.length;
  if (n === 0) return { state: 'draft', nextLevel: chain[0] ?? null, locked: false };
  const next = chain[n] ?? null;
  return { state: next === null ? 'approved' : n === 1 ? 'submitted' : 'approved', nextLevel: next, locked: true };
}

export type ChainError = { ok: false; message: string };

/** The next level approves (and locks the data below it); refused out of order. */
export function approveAt(
  chain: ReportLevel[],
  approvals: Approval[],
  level: ReportLevel,
  on: string,
  by: string,
): { ok: true; approvals: Approval[] } | ChainError {
  const expected = chain[approvals.length];
  if (expected === undefined) return { ok: false, message: 'Báo cáo đã được phê duyệt ở tất cả các cấp.' };
  if (!chain.includes(level))
    return { ok: false, message: `${LEVEL_LABEL_VI[level]} không thuộc tuyến phê duyệt của kỳ báo cáo này.` };
  if (level !== expected)
    return {
      ok: false,
      message: `Báo cáo đang chờ ${LEVEL_LABEL_VI[expected].toLowerCase()} xử lý, không phải ${LEVEL_LABEL_VI[level].toLowerCase()}.`,
    };
  const previous = approvals.at(-1);
  if (previous && on < previous.on) return { ok: false, message: 'Ngày phê duyệt trước ngày của cấp dưới.' };
  return { ok: true, approvals: [...approvals, { level, on, by }] };
}

/**
 * The level whose action is awaited returns the report to the level just below it, with a reason;
 * a returned submission becomes a draft again (editable).
 */
export function returnAt(
  chain: ReportLevel[],
  approvals: Approval[],
  byLevel: ReportLevel,
  reason: string,
): { ok: true; approvals: Approval[] } | ChainError {
  if (reason.trim().length < 3) return { ok: false, message: 'Cần ghi lý do trả lại báo cáo.' };
  const expected = chain[approvals.length];
  if (approvals.length === 0) return { ok: false, message: 'Báo cáo chưa được gửi, không có gì để trả lại.' };
  if (expected !== byLevel)
    return { ok: false, message: `${LEVEL_LABEL_VI[byLevel]} không thể trả lại báo cáo ở bước này.` };
  return { ok: true, approvals: approvals.slice(0, -1) };
}

export type Timeliness = 'on_time' | 'late' | 'missing' | 'not_due';

/** Timeliness of one report: submitted by the deadline, late, or missing after the deadline. */
export function timelinessOf(submittedOn: string | null, deadline: string, today: string): Timeliness {
  if (submittedOn) return submittedOn <= deadline ? 'on_time' : 'late';
  return today > deadline ? 'missing' : 'not_due';
}

export interface Completeness {
  expected: number;
  submitted: number;
  onTime: number;
  approved: number;
  /** Percent of expected units that submitted (null when none expected). */
  reportingRate: number | null;
  reportingRateOnTime: number | null;
}

export function completenessOf(
  expected: number,
  reports: { submittedOn: string | null; fullyApproved: boolean }[],
  deadline: string,
): Completeness {
  const submitted = reports.filter((r) => r.submittedOn).length;
  const onTime = reports.filter((r) => r.submittedOn && r.submittedOn <= deadline).length;
  const approved = reports.filter((r) => r.fullyApproved).length;
  const pct = (n: number) => (expected > 0 ? Math.round((10000 * n) / expected) / 100 : null);
  return { expected, submitted, onTime, approved, reportingRate: pct(submitted), reportingRateOnTime: pct(onTime) };
}

/** Entry is open from the period's start (or the configured opening) to its closing date, inclusive. */
export function entryOpen(opensOn: string, closesOn: string, today: string): { ok: true } | ChainError {
  if (today < opensOn) return { ok: false, message: `Kỳ báo cáo chưa mở (mở từ ngày ${vi(opensOn)}).` };
  if (today > closesOn)
    return { ok: false, message: `Kỳ báo cáo đã đóng ngày ${vi(closesOn)}: không nhập, không gửi được nữa.` };
  return { ok: true };
}

const vi = (iso: string) => iso.split('-').reverse().join('/');
