import { describe, expect, it } from 'vitest';
import {
  HOLIDAY_RULES,
  calendarOfYear,
  createWorkCalendar,
  STATUTORY_CALENDAR_CONFIG,
  lunarToSolar,
  solarToLunar,
  statutoryCalendar,
  tetDate,
  type HolidayNotice,
} from '../../src/domain/calendar';
import { officialCalendar } from '../../src/modules/calendar/official';

// Lunar dates: Hồ Ngọc Đức's algorithm for UTC+7; expected values are the published Vietnamese calendar.
describe('Vietnamese lunar calendar (Hồ Ngọc Đức, UTC+7)', () => {
  it.each([
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
  ])('Tết Nguyên đán %i = %s', (year, date) => {
    expect(tetDate(year)).toBe(date);
  });

  it.each([
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
  ])('Giỗ Tổ Hùng Vương (10/3 âm lịch) %i = %s', (year, date) => {
    expect(lunarToSolar({ day: 10, month: 3, year, leap: false })).toBe(date);
  });

  it('Tết 1985 differs from the Chinese calendar (21/1 in Vietnam, 20/2 in China)', () => {
    expect(tetDate(1985)).toBe('1985-01-21');
  });

  it('knows the leap months: 4 nhuận in 2020, 2 nhuận in 2023', () => {
    expect(solarToLunar('2020-05-23')).toEqual({ day: 1, month: 4, year: 2020, leap: true });
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar({ day: 1, month: 5, year: 2021, leap: true })).toBeNull();
  });

  it('round-trips every day of 2021–2026', () => {
    for (let t = Date.UTC(2021, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(lunarToSolar(solarToLunar(iso))).toBe(iso);
    }
  });

  it('the day before Tết is the last day of the lunar year (29 or 30 tháng Chạp)', () => {
    const eve = solarToLunar('2022-01-31');
    expect(eve.month).toBe(12);
    expect(eve.day).toBe(29);
    expect(eve.year).toBe(2021);
  });
});

// The Code alone (no notices): the fallback of a year without a notice. The days officials actually got
// are asserted in test/calendar/notices.test.ts.
describe('Public holidays — Bộ luật Lao động 2019, Điều 112 khoản 1 (statutory default)', () => {
  const cal = statutoryCalendar;
  const codesOn = (d: string) =>
    cal
      .daysOff(Number(d.slice(0, 4)))
      .filter((x) => x.date === d)
      .map((x) => x.code);

  it('every rule keeps its legal citation and status', () => {
    for (const r of HOLIDAY_RULES) {
      expect(r.legalBasis).toMatch(/Bộ luật Lao động 20(19|12).*Điều 11[25]/);
      expect(r.status).toBe('UNVERIFIED');
      expect(r.defaultOffsets).toHaveLength(r.days);
    }
  });

  it.each([
    ['2022-01-03', 'new_year', 'điểm a: 1/1/2022 fell on Saturday → nghỉ bù Monday 3/1'],
    ['2023-01-02', 'new_year', 'điểm a: 1/1/2023 Sunday → nghỉ bù Monday 2/1'],
    ['2022-04-11', 'hung_kings', 'điểm e: 10/3 âm lịch = Sunday 10/4/2022 → nghỉ bù Monday 11/4'],
    ['2023-05-02', 'hung_kings', 'điểm e + c: Hùng Kings Saturday 29/4, 30/4 Sunday → Tuesday 2/5 and Wednesday 3/5'],
    ['2023-05-03', 'victory', 'điểm c'],
    ['2024-04-30', 'victory', 'điểm c'],
    ['2024-05-01', 'labour', 'điểm d'],
    ['2022-09-02', 'national_day', 'điểm đ'],
  ])('%s is a day off (%s: %s)', (date, code) => {
    expect(cal.isWorkingDay(date)).toBe(false);
    expect(codesOn(date)).toContain(code);
  });

  it('điểm b: Tết gives 5 days off around lunar 1/1 (2025: 28/1 to 1/2, Saturday 1/2 compensated on Monday 3/2)', () => {
    const tet = cal.daysOff(2025).filter((d) => d.code === 'tet');
    expect(tet.filter((d) => !d.compensatory).map((d) => d.date)).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
    ]);
    expect(tet.filter((d) => d.compensatory).map((d) => d.date)).toEqual(['2025-02-03']);
  });

  it('điểm đ: from 2021 National Day has two days; under the 2012 Code (Điều 115) only one', () => {
    expect(cal.daysOff(2021).filter((d) => d.code === 'national_day' && !d.compensatory)).toHaveLength(2);
    expect(cal.daysOff(2019).filter((d) => d.code === 'national_day' && !d.compensatory)).toHaveLength(1);
  });

  it('ordinary weekdays are working days, weekends are not', () => {
    expect(cal.isWorkingDay('2022-06-15')).toBe(true); // Wednesday
    expect(cal.isWorkingDay('2022-06-18')).toBe(false); // Saturday
  });

  it('compensatory days are a switch (Điều 111 khoản 3, UNVERIFIED)', () => {
    const noComp = createWorkCalendar({ ...STATUTORY_CALENDAR_CONFIG, compensateWeekendHolidays: false });
    expect(noComp.isWorkingDay('2023-01-02')).toBe(true);
    expect(statutoryCalendar.isWorkingDay('2023-01-02')).toBe(false);
  });

  it('a year with a notice takes its days from it, the next year keeps the rule; a swapped Saturday is worked', () => {
    // Test data, not a real notice.
    const notice: HolidayNotice = {
      year: 2030,
      holiday: 'Quốc khánh 2/9',
      codes: ['national_day'],
      offFrom: '2030-08-31',
      offTo: '2030-09-03',
      workInsteadOn: ['2030-08-24'],
      statutory: false,
      notice: 'Thông báo thử',
      documents: [{ number: 'Thông báo thử', date: null, issuer: null }],
      status: 'UNVERIFIED',
      sources: [],
    };
    const cal2 = createWorkCalendar({ ...STATUTORY_CALENDAR_CONFIG, notices: [notice] });
    expect(cal2.yearBasis(2030)).toBe('published');
    expect(cal2.isWorkingDay('2030-09-03')).toBe(false);
    expect(cal2.isWorkingDay('2030-08-24')).toBe(true);
    expect(cal2.daysOff(2030).find((d) => d.date === '2030-09-02')).toMatchObject({
      source: 'Thông báo thử',
      placement: 'published',
      status: 'UNVERIFIED',
    });
    // Tết 2030 is not in the (test) notices: a published year has only what was published
    expect(cal2.daysOff(2030).some((d) => d.code === 'tet')).toBe(false);
    expect(cal2.yearBasis(2031)).toBe('statutory_default');
    expect(cal2.daysOff(2031).every((d) => d.placement === 'statutory_default')).toBe(true);
  });
});

describe('Working days on the official calendar (TT 10/2022 Art. 4.2: "trong vòng 15 ngày làm việc")', () => {
  const cal = officialCalendar;
  it.each([
    // [from, n, expected, why]
    ['2022-06-30', 15, '2022-07-21', 'no holiday: three weeks'],
    ['2023-04-28', 1, '2023-05-04', 'Friday before 29/4–3/5'],
    ['2022-08-31', 1, '2022-09-05', 'CV 245/VPCP-KGVX: 1/9/2022 and 2/9/2022 off (the Code alone would count 1/9)'],
    ['2025-01-24', 3, '2025-02-05', 'CV 8726/VPCP-KGVX: Tết 25/1–2/2/2025'],
    ['2024-05-03', 1, '2024-05-04', 'CV 2450/VPCP-KGVX: Saturday 4/5/2024 worked instead of 29/4'],
    ['2022-07-21', -15, '2022-06-30', 'backwards'],
    ['2022-06-15', 0, '2022-06-15', 'zero'],
  ])('addWorkingDays(%s, %i) = %s (%s)', (from, n, expected) => {
    expect(cal.addWorkingDays(from, n)).toBe(expected);
  });

  it('15 working days after 31/12/2022 skip 2/1 and Tết 20–26/1/2023 (CV 8056/VPCP-KGVX)', () => {
    // January 2023 working days: 3–6, 9–13, 16–19 = 13 days; 20/1–26/1 Tết; Friday 27/1 is the 14th,
    // so the 15th working day is Monday 30/1.
    expect(cal.addWorkingDays('2022-12-31', 15)).toBe('2023-01-30');
  });

  it('workingDaysBetween counts days after from up to and including to, and inverts addWorkingDays', () => {
    expect(cal.workingDaysBetween('2022-06-30', '2022-07-21')).toBe(15);
    expect(cal.workingDaysBetween('2022-07-21', '2022-06-30')).toBe(-15);
    for (const [from, n] of [
      ['2023-01-10', 20],
      ['2024-04-25', 7],
      ['2025-01-20', 12],
    ] as const) {
      expect(cal.workingDaysBetween(from, cal.addWorkingDays(from, n))).toBe(n);
    }
  });
});

describe('calendarOfYear', () => {
  it('2023 under the Code alone: 11 statutory days off under Art. 112 plus compensatory days, with the count of working days', () => {
    const c = calendarOfYear(2023, statutoryCalendar);
    expect(c.daysOff.filter((d) => !d.compensatory)).toHaveLength(11); // 1 + 5 + 1 + 1 + 2 + 1
    expect(c.rules.every((r) => r.legalBasis.includes('Điều 112'))).toBe(true);
    // 365 days − 105 weekend days − 11 weekdays off: 2/1 (nghỉ bù 1/1), Tết 23–27/1 (with nghỉ bù),
    // 1–3/5 (30/4 and Hùng Kings on the weekend), 4–5/9 (2/9 + 3/9 default placement on the weekend)
    expect(c.workingDays).toBe(249);
  });
});
