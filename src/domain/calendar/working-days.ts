/**
 * Working days (ngày làm việc) for deadlines such as "trong vòng 15 ngày làm việc" (TT 10/2022, Art. 4.2):
 * Monday–Friday (the civil-service working week; configurable) minus the days off, plus the Saturdays
 * worked instead. The days off are the published ones where a year has notices, otherwise the Code's
 * holidays with a default placement and compensatory days. The calendar every deadline uses is
 * `officialCalendar` (src/modules/calendar/official.ts), built from the notices shipped in reference/.
 */

import { addDays, dayOfWeek, isoDate, yearOf } from './dates';
import { COMPENSATORY_RULE, HOLIDAY_RULES, type FactStatus, type HolidayCode, type HolidayRule } from './holidays';
import { lunarToSolar } from './lunar';
import { noticeBasis, type HolidayNotice } from './notices';

export interface CalendarConfig {
  rules: HolidayRule[];
  /** published days off; a year that has any replaces the rules' default placement for that whole year */
  notices: HolidayNotice[];
  /** days of the week that are not worked (0 = Sunday, 6 = Saturday) */
  weekendDays: number[];
  /** give the next working day off when a holiday falls on a weekend day (see COMPENSATORY_RULE) */
  compensateWeekendHolidays: boolean;
}

/** The Code alone: no notices. Only for comparisons and tests; deadlines use the official calendar. */
export const STATUTORY_CALENDAR_CONFIG: CalendarConfig = {
  rules: HOLIDAY_RULES,
  notices: [],
  weekendDays: [0, 6],
  compensateWeekendHolidays: true,
};

/**
 * Where a year's days off come from: `published` (that year's notices, or the Code's days confirmed
 * for that year by the ministry), or `statutory_default` (no notice recorded: the Code with our default
 * placement of Tết and of the day next to 2/9, flagged on screens).
 */
export type YearBasis = 'published' | 'statutory_default';

export interface DayOff {
  date: string;
  code: HolidayCode;
  name: string;
  /** nghỉ bù computed by Điều 111 khoản 3 (published blocks already include theirs) */
  compensatory: boolean;
  legalBasis: string;
  /** the notice numbers, or the rule when nothing was published */
  source: string;
  placement: YearBasis;
  status: FactStatus;
}

export interface WorkCalendar {
  config: CalendarConfig;
  daysOff(year: number): DayOff[];
  yearBasis(year: number): YearBasis;
  isHoliday(date: string): boolean;
  isWorkingDay(date: string): boolean;
  /** The n-th working day after `date` (before it when n < 0); `date` itself is not counted; n = 0 → date. */
  addWorkingDays(date: string, n: number): string;
  /** Working days d with from < d ≤ to (negative when to < from). */
  workingDaysBetween(from: string, to: string): number;
}

function ruleFor(rules: HolidayRule[], code: HolidayCode, anchorDate: string): HolidayRule | undefined {
  return rules.find((r) => r.code === code && r.validFrom <= anchorDate && (!r.validTo || anchorDate <= r.validTo));
}

function anchorOf(rule: Pick<HolidayRule, 'anchor'>, year: number): string {
  const { calendar, month, day } = rule.anchor;
  return calendar === 'solar' ? isoDate(year, month, day) : lunarToSolar({ day, month, year, leap: false })!;
}

const STATUTORY_SOURCE = 'Bộ luật Lao động, chưa có thông báo của năm: cách bố trí mặc định';

export function createWorkCalendar(config: CalendarConfig): WorkCalendar {
  const weekend = new Set(config.weekendDays);
  const byYear = new Map<number, { list: DayOff[]; off: Set<string>; worked: Set<string> }>();
  const publishedYears = new Set(config.notices.map((n) => n.year));

  /** A year's published blocks, one entry per date: the 2023 Giỗ Tổ and 30/4 rows share 29/4–3/5. */
  function fromNotices(year: number) {
    const byDate = new Map<string, DayOff>();
    const worked = new Set<string>();
    for (const n of config.notices.filter((x) => x.year === year)) {
      const rule = config.rules.find(
        (r) => r.code === n.codes[0] && r.validFrom <= n.offFrom && (!r.validTo || n.offFrom <= r.validTo),
      );
      const source = noticeBasis(n);
      for (let d = n.offFrom; d <= n.offTo; d = addDays(d, 1)) {
        const seen = byDate.get(d);
        if (seen) {
          if (!seen.name.includes(n.holiday)) seen.name += `; ${n.holiday}`;
          if (!seen.source.includes(source)) seen.source += `; ${source}`;
          if (n.status === 'UNVERIFIED') seen.status = 'UNVERIFIED';
          continue;
        }
        byDate.set(d, {
          date: d,
          code: n.codes[0],
          name: n.holiday,
          compensatory: false,
          legalBasis: rule?.legalBasis ?? n.notice,
          source,
          placement: 'published',
          status: n.status,
        });
      }
      for (const d of n.workInsteadOn) worked.add(d);
    }
    const list = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
    return { list, off: new Set(byDate.keys()), worked };
  }

  function fromRules(year: number) {
    const statutory: DayOff[] = [];
    const codes = [...new Set(config.rules.map((r) => r.code))];
    for (const code of codes) {
      // The anchor is the same for every version of a rule; take it from any, then pick the version in force.
      const anchor = anchorOf(
        config.rules.find((r) => r.code === code)!,
        year,
      );
      const rule = ruleFor(config.rules, code, anchor);
      if (!rule) continue;
      for (const off of rule.defaultOffsets) {
        statutory.push({
          date: addDays(anchor, off),
          code,
          name: rule.name,
          compensatory: false,
          legalBasis: rule.legalBasis,
          source: STATUTORY_SOURCE,
          placement: 'statutory_default',
          status: rule.status,
        });
      }
    }
    const off = new Set(statutory.map((d) => d.date));
    const list = [...statutory];
    if (config.compensateWeekendHolidays) {
      for (const d of [...statutory].sort((a, b) => a.date.localeCompare(b.date))) {
        if (!weekend.has(dayOfWeek(d.date))) continue;
        let c = addDays(d.date, 1);
        while (weekend.has(dayOfWeek(c)) || off.has(c)) c = addDays(c, 1);
        off.add(c);
        list.push({
          date: c,
          code: d.code,
          name: d.name,
          compensatory: true,
          legalBasis: COMPENSATORY_RULE.legalBasis,
          source: STATUTORY_SOURCE,
          placement: 'statutory_default',
          status: COMPENSATORY_RULE.status,
        });
      }
    }
    list.sort((a, b) => a.date.localeCompare(b.date));
    return { list, off, worked: new Set<string>() };
  }

  function compute(year: number) {
    let entry = byYear.get(year);
    if (!entry) byYear.set(year, (entry = publishedYears.has(year) ? fromNotices(year) : fromRules(year)));
    return entry;
  }

  // A holiday year's block can start in the previous December (New Year 2023, 2024) and its
  // compensations can spill into January: look at the neighbouring years too.
  const years = (date: string) => [compute(yearOf(date)), compute(yearOf(date) + 1), compute(yearOf(date) - 1)];
  const isHoliday = (date: string) => years(date).some((y) => y.off.has(date));

  function isWorkingDay(date: string): boolean {
    const ys = years(date);
    if (ys.some((y) => y.worked.has(date))) return true;
    if (weekend.has(dayOfWeek(date))) return false;
    return !ys.some((y) => y.off.has(date));
  }

  function addWorkingDays(date: string, n: number): string {
    let d = date;
    let left = Math.abs(n);
    const step = n < 0 ? -1 : 1;
    while (left > 0) {
      d = addDays(d, step);
      if (isWorkingDay(d)) left--;
    }
    return d;
  }

  function workingDaysBetween(from: string, to: string): number {
    if (to < from) return -workingDaysBetween(to, from);
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
    return count;
  }

  return {
    config,
    daysOff: (year) => compute(year).list,
    yearBasis: (year) => (publishedYears.has(year) ? 'published' : 'statutory_default'),
    isHoliday,
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
  };
}

/** The Code alone (no notices): for comparisons and tests only. */
export const statutoryCalendar = createWorkCalendar(STATUTORY_CALENDAR_CONFIG);

/**
 * Every weekday off for civil servants in a calendar year (weekends excluded), from the notices where
 * there are some: the `calendar days-off` contract. A December date of the next year's New Year block is included.
 */
export function weekdaysOff(calendar: WorkCalendar, year: number): DayOff[] {
  const weekend = new Set(calendar.config.weekendDays);
  const seen = new Set<string>();
  return [...calendar.daysOff(year - 1), ...calendar.daysOff(year), ...calendar.daysOff(year + 1)]
    .filter((d) => yearOf(d.date) === year && !weekend.has(dayOfWeek(d.date)) && !calendar.isWorkingDay(d.date))
    .filter((d) => !seen.has(d.date) && seen.add(d.date))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** A year's days off with their basis, the rules in force and that year's notices (for screens and the API). */
export function calendarOfYear(year: number, calendar: WorkCalendar) {
  const from = isoDate(year, 1, 1);
  const to = isoDate(year, 12, 31);
  let workingDays = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) workingDays++;
  return {
    year,
    workingDays,
    basis: calendar.yearBasis(year),
    daysOff: calendar.daysOff(year),
    /** Saturdays worked instead of a weekday off */
    workingSaturdays: [
      ...new Set(calendar.config.notices.filter((n) => n.year === year).flatMap((n) => n.workInsteadOn)),
    ].sort(),
    notices: calendar.config.notices.filter((n) => n.year === year),
    rules: calendar.config.rules.filter((r) => r.validFrom <= to && (!r.validTo || r.validTo >= from)),
    compensatory: { enabled: calendar.config.compensateWeekendHolidays, ...COMPENSATORY_RULE },
  };
}
