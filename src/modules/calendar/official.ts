/**
 * The calendar civil servants actually worked: the statutory rules overridden by the yearly notices
 * shipped in reference/calendar/. Every working-day computation (plan deadlines, review due dates)
 * uses `officialCalendar`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkCalendar, HOLIDAY_RULES, holidayNoticesFromRows, type HolidayNotice } from '../../domain/calendar';
import { parseCsv } from '../../domain/units/csv';

export const NOTICES_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../reference/calendar/vn_holiday_notices_2021_2026.csv',
);

export const HOLIDAY_NOTICES: HolidayNotice[] = holidayNoticesFromRows(parseCsv(fs.readFileSync(NOTICES_FILE, 'utf8')));

export const officialCalendar = createWorkCalendar({
  rules: HOLIDAY_RULES,
  notices: HOLIDAY_NOTICES,
  weekendDays: [0, 6],
  compensateWeekendHolidays: true,
});
