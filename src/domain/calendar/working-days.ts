/**
 * Working days (ngày làm việc) for deadlines such as "trong vòng 15 ngày làm việc" (TT 10/2022, Art. 4.2):
 * Monday–Friday (the civil-service working week; configurable) minus public holidays and compensatory
 * days off, plus announced make-up working days.
 */

import { addDays, dayOfWeek, isoDate, yearOf } from './dates';
import { COMPENSATORY_RULE, HOLIDAY_OVERRIDES, HOLIDAY_RULES, type HolidayCode, type HolidayOverride, type HolidayRule } from './holidays';
import { lunarToSolar } from './lunar';

export interface CalendarConfig {
  rules: HolidayRule[];
  overrides: HolidayOverride[];
  /** days of the week that are not worked (0 = Sunday, 6 = Saturday) */
  weekendDays: number[];
  /** give the next working day off when a holiday falls on a weekend day (see COMPENSATORY_RULE) */
  compensateWeekendHolidays: boolean;
}

export const DEFAULT_CALENDAR_CONFIG: CalendarConfig = {
  rules: HOLIDAY_RULES,
  overrides: HOLIDAY_OVERRIDES,
  weekendDays: [0, 6],
  compensateWeekendHolidays: true,
};

export interface DayOff {
  date: string;
  code: HolidayCode;
  name: string;
  /** nghỉ bù */
  compensatory: boolean;
  legalBasis: string;
  /** where the placement comes from: 'rule' (statute + default placement) or the override's source */
  source: string;
}

export interface WorkCalendar {
  config: CalendarConfig;
  daysOff(year: number): DayOff[];
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

export function createWorkCalendar(config: CalendarConfig = DEFAULT_CALENDAR_CONFIG): WorkCalendar {
  const weekend = new Set(config.weekendDays);
  const byYear = new Map<number, { list: DayOff[]; off: Set<string>; worked: Set<string> }>();

  function compute(year: number) {
    const cached = byYear.get(year);
    if (cached) return cached;
    const statutory: DayOff[] = [];
    const fixed: DayOff[] = [];
    const worked = new Set<string>();
    const codes = [...new Set(config.rules.map((r) => r.code))];
    for (const code of codes) {
      const override = config.overrides.find((o) => o.year === year && o.code === code);
      // The anchor is the same for every version of a rule; take it from any, then pick the version in force.
      const anyRule = config.rules.find((r) => r.code === code)!;
      const anchor = anchorOf(anyRule, year);
      const rule = ruleFor(config.rules, code, anchor);
      if (!rule) continue;
      if (override) {
        for (const d of override.daysOff) fixed.push({ date: d, code, name: rule.name, compensatory: false, legalBasis: rule.legalBasis, source: override.source });
        for (const d of override.workingDays ?? []) worked.add(d);
        continue;
      }
      for (const off of rule.defaultOffsets) {
        statutory.push({ date: addDays(anchor, off), code, name: rule.name, compensatory: false, legalBasis: rule.legalBasis, source: 'rule' });
      }
    }
    const off = new Set([...statutory, ...fixed].map((d) => d.date));
    const list = [...statutory, ...fixed];
    if (config.compensateWeekendHolidays) {
      for (const d of [...statutory].sort((a, b) => a.date.localeCompare(b.date))) {
        if (!weekend.has(dayOfWeek(d.date))) continue;
        let c = addDays(d.date, 1);
        while (weekend.has(dayOfWeek(c)) || off.has(c)) c = addDays(c, 1);
        off.add(c);
        list.push({ date: c, code: d.code, name: d.name, compensatory: true, legalBasis: COMPENSATORY_RULE.legalBasis, source: 'rule' });
      }
    }
    list.sort((a, b) => a.date.localeCompare(b.date));
    const entry = { list, off, worked };
    byYear.set(year, entry);
    return entry;
  }

  // A holiday's days (and compensations) can spill into the next solar year: check both years.
  const isHoliday = (date: string) => compute(yearOf(date)).off.has(date) || compute(yearOf(date) - 1).off.has(date);

  function isWorkingDay(date: string): boolean {
    const y = yearOf(date);
    if (compute(y).worked.has(date)) return true;
    if (weekend.has(dayOfWeek(date))) return false;
    return !isHoliday(date);
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
    isHoliday,
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
  };
}

/** The default calendar (statutory rules, recorded overrides, Monday–Friday week). */
export const vietnamCalendar = createWorkCalendar();
export const isWorkingDay = (date: string) => vietnamCalendar.isWorkingDay(date);
export const addWorkingDays = (date: string, n: number) => vietnamCalendar.addWorkingDays(date, n);
export const workingDaysBetween = (from: string, to: string) => vietnamCalendar.workingDaysBetween(from, to);

/** A year's days off with their legal basis, the rules in force and the recorded notices (for screens and the API). */
export function calendarOfYear(year: number, calendar: WorkCalendar = vietnamCalendar) {
  const from = isoDate(year, 1, 1);
  const to = isoDate(year, 12, 31);
  let workingDays = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) workingDays++;
  return {
    year,
    workingDays,
    daysOff: calendar.daysOff(year),
    rules: calendar.config.rules.filter((r) => r.validFrom <= to && (!r.validTo || r.validTo >= from)),
    compensatory: { enabled: calendar.config.compensateWeekendHolidays, ...COMPENSATORY_RULE },
    overrides: calendar.config.overrides.filter((o) => o.year === year),
  };
}
