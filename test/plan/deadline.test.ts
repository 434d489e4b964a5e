import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../../src/modules/calendar/official';
import { AppError } from '../../src/errors';
import {
  dueDate,
  formatDeadlineVi,
  occurrences,
  parseDeadline,
  tryParseDeadline,
} from '../../src/domain/plan/deadline';

describe('parse deadlines the way Vietnamese documents write them', () => {
  it.each([
    // [text, kind, due, canonical wording]
    ['quý IV/2021', 'period', '2021-12-31', 'Quý IV/2021'], // seed text: MOLISA's 4 decisions (implementation-plan.md §1.1)
    ['Quý 4 năm 2021', 'period', '2021-12-31', 'Quý IV/2021'],
    ['trong quý I/2022', 'period', '2022-03-31', 'Quý I/2022'],
    ['trước ngày 01/7/2022', 'date', '2022-06-30', 'Trước ngày 01/07/2022'], // Decree 27/2022 Art. 6: provincial plans
    ['trước ngày 1/12/2022', 'date', '2022-11-30', 'Trước ngày 01/12/2022'], // TT 10/2022: baseline evaluation
    ['chậm nhất ngày 15/11/2022', 'date', '2022-11-15', '15/11/2022'],
    ['ngày 01 tháng 7 năm 2022', 'date', '2022-07-01', '01/07/2022'],
    ['31/12/2022', 'date', '2022-12-31', '31/12/2022'],
    ['2022-12-31', 'date', '2022-12-31', '31/12/2022'],
    ['tháng 12/2022', 'period', '2022-12-31', 'Tháng 12/2022'],
    ['tháng 2 năm 2024', 'period', '2024-02-29', 'Tháng 2/2024'],
    ['năm 2023', 'period', '2023-12-31', 'Năm 2023'],
    ['6 tháng đầu năm 2023', 'period', '2023-06-30', '6 tháng đầu năm 2023'],
    ['6 tháng cuối năm 2023', 'period', '2023-12-31', '6 tháng cuối năm 2023'],
    ['giai đoạn 2021-2025', 'period', '2025-12-31', 'Giai đoạn 2021-2025'],
    ['quy iv/2021', 'period', '2021-12-31', 'Quý IV/2021'], // typed without diacritics
  ])('"%s" → %s due %s', (text, kind, due, canonical) => {
    const d = parseDeadline(text);
    expect(d.kind).toBe(kind);
    expect(dueDate(d)).toBe(due);
    expect(formatDeadlineVi(d)).toBe(canonical);
  });

  it.each([
    ['hằng năm', 'year', ['2022-12-31', '2023-12-31']],
    ['hàng năm', 'year', ['2022-12-31', '2023-12-31']],
    ['hằng năm, trước ngày 01/12', 'year', ['2022-11-30', '2023-11-30']], // TT 10/2022 annual report
    ['định kỳ 6 tháng', 'half_year', ['2022-06-30', '2022-12-31', '2023-06-30', '2023-12-31']],
    ['6 tháng', 'half_year', ['2022-06-30', '2022-12-31', '2023-06-30', '2023-12-31']],
    [
      'hằng quý',
      'quarter',
      ['2022-03-31', '2022-06-30', '2022-09-30', '2022-12-31', '2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31'],
    ],
  ])('recurring "%s" (%s) → occurrences in 2022–2023', (text, every, expected) => {
    const d = parseDeadline(text);
    expect(d).toMatchObject({ kind: 'recurring', every });
    expect(occurrences(d, '2022-01-01', '2023-12-31')).toEqual(expected);
  });

  it('"ngày 5 hằng tháng" (QĐ 24/2021 monthly review report) recurs on the 5th', () => {
    const d = parseDeadline('ngày 5 hằng tháng');
    expect(occurrences(d, '2022-02-01', '2022-04-30')).toEqual(['2022-02-05', '2022-03-05', '2022-04-05']);
  });

  it('a recurring deadline resolves to the next occurrence on or after the as-of date', () => {
    expect(dueDate(parseDeadline('định kỳ 6 tháng'), { asOf: '2022-07-01' })).toBe('2022-12-31');
    expect(dueDate(parseDeadline('hằng năm'))).toBeNull();
  });

  it('"trong vòng 15 ngày làm việc" (TT 10/2022 Art. 4.2) counts working days from its anchor', () => {
    const d = parseDeadline('trong vòng 15 ngày làm việc kể từ ngày kết thúc kỳ giám sát');
    expect(d).toMatchObject({ kind: 'relative', amount: 15, unit: 'working_day', after: 'ngày kết thúc kỳ giám sát' });
    expect(dueDate(d)).toBeNull();
    // 6-month period ending 30/6/2022 → 21/7/2022 (no holiday in July)
    expect(dueDate(d, { anchor: '2022-06-30', calendar: officialCalendar })).toBe('2022-07-21');
    // year ending 31/12/2022 → 30/1/2023 (New Year, Tết 2023 and compensatory days skipped)
    expect(dueDate(d, { anchor: '2022-12-31', calendar: officialCalendar })).toBe('2023-01-30');
    // calendar days: the 10th day is Sunday 10/7/2022, so the limit runs to Monday 11/7 (BLDS 2015 Điều 148 khoản 5)
    expect(dueDate(parseDeadline('trong vòng 10 ngày'), { anchor: '2022-06-30', calendar: officialCalendar })).toBe(
      '2022-07-11',
    );
    expect(dueDate(parseDeadline('trong vòng 8 ngày'), { anchor: '2022-06-30', calendar: officialCalendar })).toBe(
      '2022-07-08',
    );
  });

  it.each([
    ['', 'Thời hạn không được để trống.'],
    ['sớm nhất có thể', 'Không hiểu thời hạn "sớm nhất có thể"'],
    ['quý V/2021', 'Quý "V" không tồn tại'],
    ['31/02/2022', 'Ngày 31/2/2022 trong thời hạn "31/02/2022" không tồn tại.'],
    ['tháng 13/2022', 'Tháng 13 không tồn tại.'],
    ['giai đoạn 2025-2021', 'có năm kết thúc trước năm bắt đầu'],
    ['trong vòng 0 ngày làm việc', 'phải lớn hơn 0'],
  ])('rejects "%s" with a Vietnamese message', (text, message) => {
    const r = tryParseDeadline(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it('parseDeadline throws a 422 with the problem on the field', () => {
    try {
      parseDeadline('khi nào xong', 'tasks[3].deadline');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(422);
      expect((e as AppError).details).toEqual({
        problems: [{ path: 'tasks[3].deadline', message: expect.stringContaining('quý IV/2021') }],
      });
    }
  });
});
