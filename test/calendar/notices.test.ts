import { describe, expect, it } from 'vitest';
import { statutoryCalendar, weekdaysOff } from '../../src/domain/calendar';
import { HOLIDAY_NOTICES, officialCalendar } from '../../src/modules/calendar/official';

const cal = officialCalendar;

/**
 * The days civil servants actually got, 2021–2026 (reference/calendar/vn_holiday_notices_2021_2026.csv).
 * [date, off?, the notice (or the Code) that says so]
 */
describe('the calendar officials worked: published days off and swapped Saturdays', () => {
  it.each([
    // 2021
    ['2021-02-10', true, 'CV 9895/VPCP-KGVX; TB 4875/TB-LĐTBXH: Tết 10/2–16/2/2021'],
    ['2021-02-16', true, 'CV 9895/VPCP-KGVX: Tết 10/2–16/2/2021'],
    ['2021-02-17', false, 'CV 9895/VPCP-KGVX: back to work 17/2/2021'],
    ['2021-09-03', true, 'CV 9895/VPCP-KGVX: Quốc khánh 2/9–5/9/2021'],
    ['2021-04-21', true, 'BLLĐ 2019 Điều 112(1)(e): Giỗ Tổ 21/4/2021'],
    // 2022
    ['2022-09-01', true, 'CV 245/VPCP-KGVX (11/01/2022): 1/9 and 2/9/2022 off'],
    ['2022-09-02', true, 'CV 245/VPCP-KGVX: 1/9 and 2/9/2022 off'],
    ['2022-09-05', false, 'CV 245/VPCP-KGVX: block 1/9–4/9/2022'],
    ['2022-01-31', true, 'CV 245/VPCP-KGVX; TB 119/TB-LĐTBXH: Tết 29/1–6/2/2022'],
    ['2022-02-04', true, 'CV 245/VPCP-KGVX: Tết until 6/2/2022'],
    ['2022-02-07', false, 'CV 245/VPCP-KGVX: back to work 7/2/2022'],
    ['2022-01-03', true, 'BLLĐ 2019 Điều 111(3): 1/1/2022 Saturday, nghỉ bù 3/1'],
    ['2022-04-11', true, 'BLLĐ 2019 Điều 111(3): Giỗ Tổ Sunday 10/4/2022, nghỉ bù 11/4'],
    ['2022-05-03', true, 'BLLĐ 2019 Điều 111(3): 30/4–3/5/2022'],
    // 2023
    ['2023-01-20', true, 'CV 8056/VPCP-KGVX; TB 5034/TB-LĐTBXH: Tết 20/1–26/1/2023'],
    ['2023-01-26', true, 'TB 5034/TB-LĐTBXH: Tết 20/1–26/1/2023'],
    ['2023-01-27', false, 'TB 5034/TB-LĐTBXH: back to work 27/1/2023'],
    ['2023-01-02', true, 'BLLĐ 2019 Điều 111(3): 1/1/2023 Sunday, nghỉ bù 2/1'],
    ['2023-05-02', true, 'BLLĐ 2019 Điều 111(3): Giỗ Tổ 29/4 and 30/4 on the weekend, 29/4–3/5/2023'],
    ['2023-05-03', true, 'BLLĐ 2019 Điều 111(3): 29/4–3/5/2023'],
    ['2023-05-04', false, 'back to work 4/5/2023'],
    ['2023-09-01', true, 'CV 8056/VPCP-KGVX: Quốc khánh 1/9–4/9/2023'],
    ['2023-09-04', true, 'CV 8056/VPCP-KGVX: Quốc khánh 1/9–4/9/2023'],
    ['2023-09-05', false, "CV 8056/VPCP-KGVX: the Code's default (2/9 + 3/9, nghỉ bù 4–5/9) would keep 5/9 off"],
    // 2024
    ['2024-02-08', true, 'CV 8662/VPCP-KGVX; TB 5015/TB-LĐTBXH: Tết 8/2–14/2/2024'],
    ['2024-02-14', true, 'TB 5015/TB-LĐTBXH: Tết 8/2–14/2/2024'],
    ['2024-02-15', false, 'TB 5015/TB-LĐTBXH: back to work 15/2/2024'],
    ['2024-04-18', true, 'BLLĐ 2019 Điều 112(1)(e): Giỗ Tổ 18/4/2024'],
    ['2024-04-29', true, 'CV 2450/VPCP-KGVX; TB 1570/TB-BLĐTBXH: 27/4–1/5/2024'],
    ['2024-05-04', false, 'TB 1570/TB-BLĐTBXH: Saturday 4/5/2024 worked instead of 29/4'],
    ['2024-09-02', true, 'TB 5015/TB-LĐTBXH: Quốc khánh 31/8–3/9/2024'],
    ['2024-09-03', true, 'TB 5015/TB-LĐTBXH: Quốc khánh 31/8–3/9/2024'],
    // 2025
    ['2025-01-27', true, 'CV 8726/VPCP-KGVX; TB 6150/TB-BLĐTBXH: Tết 25/1–2/2/2025'],
    ['2025-01-31', true, 'TB 6150/TB-BLĐTBXH: Tết 25/1–2/2/2025'],
    ['2025-02-03', false, 'TB 6150/TB-BLĐTBXH: back to work 3/2/2025'],
    ['2025-04-07', true, 'BLLĐ 2019 Điều 112(1)(e): Giỗ Tổ 7/4/2025'],
    ['2025-05-02', true, 'TB 6150/TB-BLĐTBXH: 30/4–4/5/2025'],
    ['2025-04-26', false, 'TB 6150/TB-BLĐTBXH: Saturday 26/4/2025 worked instead of 2/5'],
    ['2025-09-01', true, 'TB 6150/TB-BLĐTBXH: Quốc khánh 30/8–2/9/2025'],
    // 2026
    ['2026-01-02', true, 'CV 12729/VPCP-KGVX: Tết Dương lịch 1/1–4/1/2026'],
    ['2026-01-10', false, 'CV 12729/VPCP-KGVX: Saturday 10/1/2026 worked instead of 2/1'],
    ['2026-02-16', true, 'CV 9859/VPCP-KGVX; TB 9441/TB-BNV: Tết 14/2–22/2/2026'],
    ['2026-02-20', true, 'TB 9441/TB-BNV: Tết 14/2–22/2/2026'],
    ['2026-02-23', false, 'TB 9441/TB-BNV: back to work 23/2/2026'],
    ['2026-04-27', true, 'BLLĐ 2019 Điều 111(3): Giỗ Tổ Sunday 26/4/2026, nghỉ bù 27/4'],
    ['2026-05-01', true, 'BLLĐ 2019 Điều 112(1)(d)'],
    ['2026-08-31', true, 'TB 9441/TB-BNV: Quốc khánh 29/8–2/9/2026'],
    ['2026-08-22', false, 'TB 9441/TB-BNV: Saturday 22/8/2026 worked instead of 31/8'],
    ['2026-09-03', false, 'TB 9441/TB-BNV: back to work 3/9/2026'],
  ] as const)('%s off: %s (%s)', (date, off, _why) => {
    expect(cal.isWorkingDay(date)).toBe(!off);
  });

  it('01/09/2022: a working day under the Code alone, a day off by notice 245/VPCP-KGVX', () => {
    expect(statutoryCalendar.isWorkingDay('2022-09-01')).toBe(true);
    const day = cal.daysOff(2022).find((d) => d.date === '2022-09-01')!;
    expect(day).toMatchObject({ name: 'Quốc khánh 2/9', placement: 'published', status: 'VERIFIED' });
    expect(day.source).toContain('Công văn 245/VPCP-KGVX');
  });

  it('every weekday off per year (weekends excluded), exactly as published', () => {
    const dates = (y: number) => weekdaysOff(cal, y).map((d) => d.date);
    expect(dates(2022)).toEqual([
      '2022-01-03',
      '2022-01-31',
      '2022-02-01',
      '2022-02-02',
      '2022-02-03',
      '2022-02-04',
      '2022-04-11',
      '2022-05-02',
      '2022-05-03',
      '2022-09-01',
      '2022-09-02',
    ]);
    expect(dates(2024)).toEqual([
      '2024-01-01',
      '2024-02-08',
      '2024-02-09',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-04-18',
      '2024-04-29',
      '2024-04-30',
      '2024-05-01',
      '2024-09-02',
      '2024-09-03',
    ]);
    expect(dates(2025)).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ]);
  });

  it('the 2023 Giỗ Tổ and 30/4 rows share one block (29/4–3/5): each date is counted once', () => {
    const may = cal.daysOff(2023).filter((d) => d.date >= '2023-04-29' && d.date <= '2023-05-03');
    expect(may.map((d) => d.date)).toEqual(['2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03']);
    expect(may[2].name).toBe('Giỗ Tổ Hùng Vương; 30/4 và 1/5');
    expect(weekdaysOff(cal, 2023).map((d) => d.date)).toEqual([
      '2023-01-02',
      '2023-01-20',
      '2023-01-23',
      '2023-01-24',
      '2023-01-25',
      '2023-01-26',
      '2023-05-01',
      '2023-05-02',
      '2023-05-03',
      '2023-09-01',
      '2023-09-04',
    ]);
  });

  it("a New Year block starting in December belongs to the next year's notice (30/12/2023–1/1/2024)", () => {
    expect(cal.isHoliday('2023-12-30')).toBe(true);
    expect(cal.daysOff(2024)[0]).toMatchObject({ date: '2023-12-30', name: 'Tết Dương lịch' });
  });

  it('an UNVERIFIED row stays unverified: 24/11/2026, Ngày Văn hóa Việt Nam', () => {
    const day = cal.daysOff(2026).find((d) => d.date === '2026-11-24')!;
    expect(day).toMatchObject({ code: 'culture_day', status: 'UNVERIFIED' });
    expect(HOLIDAY_NOTICES.filter((n) => n.status === 'UNVERIFIED').map((n) => n.holiday)).toEqual([
      'Ngày Văn hóa Việt Nam (24/11)',
    ]);
  });

  it('a year without a notice keeps the Code, flagged (2027)', () => {
    expect(cal.yearBasis(2026)).toBe('published');
    expect(cal.yearBasis(2027)).toBe('statutory_default');
    expect(cal.daysOff(2027).every((d) => d.placement === 'statutory_default')).toBe(true);
    expect(cal.daysOff(2027)).toEqual(statutoryCalendar.daysOff(2027));
  });

  it('notice numbers, dates and issuers are read by position; a date not found stays null', () => {
    const n2022 = HOLIDAY_NOTICES.find((n) => n.year === 2022 && n.holiday === 'Quốc khánh 2/9')!;
    expect(n2022.documents).toEqual([
      { number: 'Công văn 245/VPCP-KGVX', date: '2022-01-11', issuer: 'Văn phòng Chính phủ (ý kiến Phó Thủ tướng)' },
      { number: 'Thông báo 119/TB-LĐTBXH', date: null, issuer: 'Bộ LĐTBXH' },
    ]);
    expect(HOLIDAY_NOTICES).toHaveLength(31);
    expect(new Set(HOLIDAY_NOTICES.map((n) => n.year))).toEqual(new Set([2021, 2022, 2023, 2024, 2025, 2026]));
  });
});
