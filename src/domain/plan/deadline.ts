/**
 * Deadlines written the way Vietnamese administrative documents write them (thời hạn):
 *   "31/12/2022", "ngày 01 tháng 7 năm 2022", "trước ngày 01/7/2022", "chậm nhất ngày 15/11/2022",
 *   "quý IV/2021", "tháng 12/2022", "6 tháng đầu năm 2023", "năm 2023", "giai đoạn 2021-2025",
 *   "hằng năm", "hằng năm, trước ngày 01/12", "định kỳ 6 tháng", "hằng quý", "hằng tháng",
 *   "trong vòng 15 ngày làm việc (kể từ …)".
 * A period resolves to its last day (implementation-plan.md §2.2: "Quý IV/2021" → 31/12/2021).
 * "trước ngày X" means strictly before X: the last day allowed is X − 1 (`lastDayBefore`, the one rule
 * shared with the poverty review; why, in calendar/time-limits.ts).
 */

import { AppError } from '../../errors';
import { isoDate, lastDayOfMonth } from '../calendar/dates';
import { lastDayBefore, lastDayOfDaysLimit } from '../calendar/time-limits';
import type { WorkCalendar } from '../calendar/working-days';
import { foldVietnamese, formatDateVi, isIsoDate } from '../text';

export type PeriodUnit = 'month' | 'quarter' | 'half_year' | 'year' | 'years';
export type RecurrenceUnit = 'month' | 'quarter' | 'half_year' | 'year';

export type Deadline =
  | { kind: 'date'; text: string; date: string; before: boolean; due: string }
  | { kind: 'period'; text: string; unit: PeriodUnit; start: string; end: string; due: string }
  | {
      kind: 'recurring';
      text: string;
      every: RecurrenceUnit;
      /** a fixed day inside each period: "trước ngày 01/12" (yearly) or "ngày 5 hằng tháng" (monthly) */
      day?: { month?: number; day: number; before: boolean };
    }
  | { kind: 'relative'; text: string; amount: number; unit: 'working_day' | 'calendar_day'; after?: string };

export type ParseDeadlineResult = { ok: true; deadline: Deadline } | { ok: false; message: string };

export const DEADLINE_EXAMPLES = [
  '31/12/2022',
  'trước ngày 01/7/2022',
  'quý IV/2021',
  'tháng 12/2022',
  '6 tháng đầu năm 2023',
  'năm 2023',
  'hằng năm',
  'định kỳ 6 tháng',
  'trong vòng 15 ngày làm việc',
];

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function fail(message: string): ParseDeadlineResult {
  return { ok: false, message };
}

function unknown(text: string): ParseDeadlineResult {
  return fail(
    `Không hiểu thời hạn "${text}". Hãy viết theo một trong các dạng: ${DEADLINE_EXAMPLES.map((e) => `"${e}"`).join(', ')}.`,
  );
}

function dateOf(d: number, m: number, y: number): string | null {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

const BEFORE = '(truoc ngay|truoc)';
const DAY_PREFIX = '(?:(?:truoc|cham nhat|han chot|han cuoi|han|den het|den|trong|vao)(?: la)? )?(?:ngay )?';
const DMY = '(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})';
const DMY_WORDS = '(\\d{1,2}) thang (\\d{1,2}) nam (\\d{4})';
const YEAR = '(?:/|\\s+nam\\s+|\\s+)(\\d{4})';

export function tryParseDeadline(input: string): ParseDeadlineResult {
  const text = input.trim().replace(/\s+/g, ' ');
  if (!text) return fail('Thời hạn không được để trống.');
  const s = foldVietnamese(text).replace(/[,;:]/g, ' ').replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  let m: RegExpMatchArray | null;

  // ISO date, for convenience
  if ((m = s.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    const d = dateOf(+m[3], +m[2], +m[1]);
    if (!d) return fail(`Ngày "${text}" không tồn tại.`);
    return { ok: true, deadline: { kind: 'date', text, date: d, before: false, due: d } };
  }

  // Relative: "trong vòng 15 ngày làm việc [kể từ …]"
  if ((m = s.match(/^(?:trong (?:vong |thoi han )?|sau )?(\d+) ngay( lam viec)?(?: (?:ke tu|sau khi|sau) (.+))?$/))) {
    const amount = Number(m[1]);
    if (amount <= 0) return fail(`Số ngày trong thời hạn "${text}" phải lớn hơn 0.`);
    const after = m[3] ? text.slice(text.length - m[3].length).trim() : undefined;
    return {
      ok: true,
      deadline: { kind: 'relative', text, amount, unit: m[2] ? 'working_day' : 'calendar_day', after },
    };
  }

  // Recurring
  const rec = s.match(
    /^(?:dinh ky )?(hang nam|hang quy|hang thang|hang 6 thang|6 thang(?: mot lan)?|dinh ky 6 thang|nam|quy|thang)(?: (.*))?$/,
  );
  if (rec && (!['nam', 'quy', 'thang'].includes(rec[1]) || s.startsWith('dinh ky'))) {
    const every: RecurrenceUnit = rec[1].includes('6 thang')
      ? 'half_year'
      : rec[1].endsWith('nam')
        ? 'year'
        : rec[1].endsWith('quy')
          ? 'quarter'
          : 'month';
    const rest = (rec[2] ?? '').trim();
    if (!rest) return { ok: true, deadline: { kind: 'recurring', text, every } };
    // "hằng năm, trước ngày 01/12" / "hằng năm trước ngày 1 tháng 12"
    let dm = rest.match(new RegExp(`^${BEFORE} (\\d{1,2})\\s*(?:/|\\s+thang\\s+)(\\d{1,2})$`));
    if (dm && every === 'year') {
      const day = +dm[2],
        month = +dm[3];
      if (!dateOf(day, month, 2000)) return fail(`Ngày ${dm[2]}/${dm[3]} trong thời hạn "${text}" không tồn tại.`);
      return { ok: true, deadline: { kind: 'recurring', text, every, day: { month, day, before: true } } };
    }
    dm = rest.match(/^(truoc )?ngay (\d{1,2})$/);
    if (dm && every === 'month') {
      const day = +dm[2];
      if (day < 1 || day > 31) return fail(`Ngày ${day} trong thời hạn "${text}" không tồn tại.`);
      return { ok: true, deadline: { kind: 'recurring', text, every, day: { day, before: !!dm[1] } } };
    }
    // otherwise fall through: "6 tháng đầu năm 2023" is a period, not a recurrence
  }
  // "ngày 5 hằng tháng", "trước ngày 5 hằng tháng"
  if ((m = s.match(/^(truoc )?ngay (\d{1,2}) hang thang$/))) {
    const day = +m[2];
    if (day < 1 || day > 31) return fail(`Ngày ${day} trong thời hạn "${text}" không tồn tại.`);
    return { ok: true, deadline: { kind: 'recurring', text, every: 'month', day: { day, before: !!m[1] } } };
  }

  // A single day: "[trước ngày|chậm nhất ngày|…] 01/7/2022" or "… 01 tháng 7 năm 2022"
  for (const dayPattern of [DMY, DMY_WORDS]) {
    m = s.match(new RegExp(`^${DAY_PREFIX}${dayPattern}$`));
    if (m) {
      const [dd, mm, yy] = m.slice(-3).map(Number);
      const date = dateOf(dd, mm, yy);
      if (!date) return fail(`Ngày ${dd}/${mm}/${yy} trong thời hạn "${text}" không tồn tại.`);
      const before = /^truoc/.test(s);
      return { ok: true, deadline: { kind: 'date', text, date, before, due: before ? lastDayBefore(date) : date } };
    }
  }

  const period = (unit: PeriodUnit, start: string, end: string): ParseDeadlineResult => ({
    ok: true,
    deadline: { kind: 'period', text, unit, start, end, due: end },
  });
  const PREFIX = '(?:trong |truoc het |cuoi |het |den het |hoan thanh trong )?';

  // Quarter: "quý IV/2021", "quý 4 năm 2021"
  if ((m = s.match(new RegExp(`^${PREFIX}quy ([ivx]+|\\d)${YEAR}$`)))) {
    const q = ROMAN[m[1]];
    if (!q) return fail(`Quý "${m[1].toUpperCase()}" không tồn tại: chỉ có quý I, II, III, IV.`);
    const y = +m[2];
    return period('quarter', isoDate(y, 3 * q - 2, 1), lastDayOfMonth(y, 3 * q));
  }
  // Half year: "6 tháng đầu năm 2023", "6 tháng cuối năm 2023"
  if ((m = s.match(new RegExp(`^${PREFIX}(?:6 thang|nua) (dau|cuoi) nam (\\d{4})$`)))) {
    const y = +m[2];
    return m[1] === 'dau'
      ? period('half_year', isoDate(y, 1, 1), isoDate(y, 6, 30))
      : period('half_year', isoDate(y, 7, 1), isoDate(y, 12, 31));
  }
  // Month: "tháng 12/2022", "tháng 12 năm 2022"
  if ((m = s.match(new RegExp(`^${PREFIX}thang (\\d{1,2})${YEAR}$`)))) {
    const mo = +m[1],
      y = +m[2];
    if (mo < 1 || mo > 12) return fail(`Tháng ${mo} không tồn tại.`);
    return period('month', isoDate(y, mo, 1), lastDayOfMonth(y, mo));
  }
  // Year: "năm 2023"
  if ((m = s.match(new RegExp(`^${PREFIX}nam (\\d{4})$`)))) {
    const y = +m[1];
    return period('year', isoDate(y, 1, 1), isoDate(y, 12, 31));
  }
  // Years: "giai đoạn 2021-2025", "năm 2021-2022"
  if ((m = s.match(new RegExp(`^${PREFIX}(?:giai doan|nam|cac nam) (\\d{4}) ?- ?(\\d{4})$`)))) {
    const a = +m[1],
      b = +m[2];
    if (b < a) return fail(`Giai đoạn "${text}" có năm kết thúc trước năm bắt đầu.`);
    return period('years', isoDate(a, 1, 1), isoDate(b, 12, 31));
  }
  return unknown(text);
}

/** Parse or throw a 422 with a Vietnamese message (field `path`, default "deadline"). */
export function parseDeadline(text: string, path = 'deadline'): Deadline {
  const r = tryParseDeadline(text);
  if (!r.ok) throw new AppError(422, 'invalid', 'Dữ liệu không hợp lệ', { problems: [{ path, message: r.message }] });
  return r.deadline;
}

/**
 * Occurrences of a recurring deadline whose due day falls in [from, to]; for a one-off deadline, its due day if in
 * range.
 */
export function occurrences(d: Deadline, from: string, to: string): string[] {
  if (d.kind === 'date' || d.kind === 'period') return d.due >= from && d.due <= to ? [d.due] : [];
  if (d.kind === 'relative') return [];
  const out: string[] = [];
  const y0 = Number(from.slice(0, 4)) - 1;
  const y1 = Number(to.slice(0, 4)) + 1;
  for (let y = y0; y <= y1; y++) {
    for (const due of dueDatesInYear(d, y)) if (due >= from && due <= to) out.push(due);
  }
  return out.sort();
}

function dueDatesInYear(d: Extract<Deadline, { kind: 'recurring' }>, y: number): string[] {
  if (d.every === 'year') {
    if (!d.day) return [isoDate(y, 12, 31)];
    const date = isoDate(y, d.day.month ?? 12, d.day.day);
    return [d.day.before ? lastDayBefore(date) : date];
  }
  if (d.every === 'half_year') return [isoDate(y, 6, 30), isoDate(y, 12, 31)];
  if (d.every === 'quarter') return [3, 6, 9, 12].map((mo) => lastDayOfMonth(y, mo));
  const out: string[] = [];
  for (let mo = 1; mo <= 12; mo++) {
    if (!d.day) out.push(lastDayOfMonth(y, mo));
    else {
      const last = lastDayOfMonth(y, mo);
      const day = Math.min(d.day.day, Number(last.slice(8)));
      const date = isoDate(y, mo, day);
      out.push(d.day.before ? lastDayBefore(date) : date);
    }
  }
  return out;
}

export interface ResolveOptions {
  /** for a recurring deadline: the next occurrence on or after this day */
  asOf?: string;
  /** for a relative deadline: the day the count starts after (e.g. the end of the monitoring period) */
  anchor?: string;
  calendar?: WorkCalendar;
}

/**
 * The last day allowed. Date and period deadlines have one; a recurring deadline has the next occurrence
 * on or after `asOf`; a relative one needs an `anchor` and the working calendar (a count of calendar days
 * ending on a day off runs to the next working day: `lastDayOfDaysLimit`).
 */
export function dueDate(d: Deadline, opts: ResolveOptions = {}): string | null {
  if (d.kind === 'date' || d.kind === 'period') return d.due;
  if (d.kind === 'recurring') {
    if (!opts.asOf) return null;
    const y = Number(opts.asOf.slice(0, 4));
    return occurrences(d, opts.asOf, `${y + 1}-12-31`)[0] ?? null;
  }
  if (!opts.anchor) return null;
  if (!opts.calendar) throw new Error('A relative deadline needs a WorkCalendar');
  if (d.unit === 'calendar_day') return lastDayOfDaysLimit(opts.anchor, d.amount, opts.calendar);
  return opts.calendar.addWorkingDays(opts.anchor, d.amount);
}

/**
 * The one day stored with a task or a recommendation (its due_on): a date or period has it, a relative
 * deadline counts from `anchor` (the task's start, the visit) on the working calendar, a recurring duty
 * has no single day (lists show its next occurrence through dueDate with `asOf`).
 */
export function storedDueDate(
  d: Deadline | null,
  anchor: string | null | undefined,
  calendar: WorkCalendar,
): string | null {
  if (!d || d.kind === 'recurring') return null;
  return dueDate(d, { anchor: anchor ?? undefined, calendar });
}

const ROMAN_OUT = ['', 'I', 'II', 'III', 'IV'];

/** Canonical Vietnamese wording, for tables and exports. */
export function formatDeadlineVi(d: Deadline): string {
  switch (d.kind) {
    case 'date':
      return d.before ? `Trước ngày ${formatDateVi(d.date)}` : formatDateVi(d.date);
    case 'period': {
      const y = d.start.slice(0, 4);
      const mo = Number(d.start.slice(5, 7));
      if (d.unit === 'quarter') return `Quý ${ROMAN_OUT[(mo + 2) / 3]}/${y}`;
      if (d.unit === 'month') return `Tháng ${mo}/${y}`;
      if (d.unit === 'half_year') return `6 tháng ${mo === 1 ? 'đầu' : 'cuối'} năm ${y}`;
      if (d.unit === 'year') return `Năm ${y}`;
      return `Giai đoạn ${y}-${d.end.slice(0, 4)}`;
    }
    case 'recurring': {
      const base = { year: 'Hằng năm', half_year: 'Định kỳ 6 tháng', quarter: 'Hằng quý', month: 'Hằng tháng' }[
        d.every
      ];
      if (!d.day) return base;
      if (d.every === 'year')
        return `${base}, trước ngày ${String(d.day.day).padStart(2, '0')}/${String(d.day.month).padStart(2, '0')}`;
      return `${d.day.before ? 'Trước ngày' : 'Ngày'} ${d.day.day} hằng tháng`;
    }
    case 'relative':
      return `Trong vòng ${d.amount} ngày${d.unit === 'working_day' ? ' làm việc' : ''}${d.after ? ` kể từ ${d.after}` : ''}`;
  }
}
