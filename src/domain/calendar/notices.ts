/**
 * The days off civil servants actually got: each year's notices (the Government Office's letter
 * conveying the Prime Minister's decision, Công văn …/VPCP-KGVX, and the ministry's Thông báo), read
 * from reference/calendar/vn_holiday_notices_2021_2026.csv. For state agencies they override the
 * statutory default placement (Bộ luật Lao động 2019, Điều 112 khoản 3: the Prime Minister sets the
 * Tết days and the day next to 2/9 each year); swapped Saturdays (làm bù) become working days.
 */
import type { FactStatus, HolidayCode } from './holidays';

/** One instrument that set the days (number, date when found, issuer). */
export interface NoticeDocument {
  number: string;
  /** ISO date, null when the date was not found */
  date: string | null;
  issuer: string | null;
}

/** One holiday of one year, as announced (or as the Code gives it when no notice was needed). */
export interface HolidayNotice {
  year: number;
  /** the holiday as the row names it: 'Tết Nguyên đán', '30/4 và 1/5' … */
  holiday: string;
  /** the statutory holidays this row covers ('30/4 và 1/5' covers two) */
  codes: HolidayCode[];
  /** the whole continuous block off, adjacent Saturday/Sunday included (ISO, inclusive) */
  offFrom: string;
  offTo: string;
  /** Saturdays worked instead (hoán đổi ngày làm việc) */
  workInsteadOn: string[];
  /** no notice: the days follow from the Code (Điều 112, 111 khoản 3) */
  statutory: boolean;
  /** the notice column as read, e.g. "Công văn 245/VPCP-KGVX; Thông báo 119/TB-LĐTBXH" */
  notice: string;
  documents: NoticeDocument[];
  status: FactStatus;
  /** the pages the row rests on */
  sources: string[];
}

const CODES: Record<string, HolidayCode[]> = {
  'Tết Dương lịch': ['new_year'],
  'Tết Nguyên đán': ['tet'],
  'Giỗ Tổ Hùng Vương': ['hung_kings'],
  '30/4 và 1/5': ['victory', 'labour'],
  'Quốc khánh 2/9': ['national_day'],
  'Ngày Văn hóa Việt Nam (24/11)': ['culture_day'],
};

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const split = (s: string, sep: RegExp) =>
  s
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * The notices from the rows of the notices file (its header names the fields); a malformed row throws
 * with its line number (the file ships with the code). The CSV is read at the edge: this module is
 * also bundled into the web app, which has no CSV parser.
 */
export function holidayNoticesFromRows(rows: Record<string, string>[]): HolidayNotice[] {
  return rows.map((r, i) => {
    const where = `vn_holiday_notices, dòng ${i + 2}`;
    const codes = CODES[r.holiday];
    if (!codes) throw new Error(`${where}: ngày lễ "${r.holiday}" không xác định`);
    const workInsteadOn = split(r.work_instead_on, /;/);
    for (const d of [r.off_from, r.off_to, ...workInsteadOn])
      if (!ISO.test(d)) throw new Error(`${where}: ngày "${d}" không hợp lệ`);
    if (r.status !== 'VERIFIED' && r.status !== 'UNVERIFIED')
      throw new Error(`${where}: trạng thái "${r.status}" không hợp lệ`);
    const statutory = r.notice.startsWith('none - statutory');
    const numbers = statutory ? [] : split(r.notice, /;/);
    const dates = split(r.notice_date, /;/);
    const issuers = split(r.issuer, /;/);
    return {
      year: Number(r.year),
      holiday: r.holiday,
      codes,
      offFrom: r.off_from,
      offTo: r.off_to,
      workInsteadOn,
      statutory,
      notice: r.notice,
      documents: numbers.map((number, k) => ({
        number,
        date: ISO.test(dates[k] ?? '') ? dates[k] : null,
        issuer: issuers[k] ?? null,
      })),
      status: r.status,
      sources: split(r.source, / ; /),
    };
  });
}

/** What a day off rests on: the notice numbers, or the Code's article when no notice was issued. */
export function noticeBasis(n: HolidayNotice): string {
  if (!n.statutory) return n.documents.map((d) => d.number).join('; ');
  // "none - statutory (BLLĐ 2019 Art. 112(1)(e), 111(3)); Bộ Nội vụ … said …" → the bracketed legal part
  const open = n.notice.indexOf('(');
  let depth = 0;
  let close = open;
  for (let i = open; i >= 0 && i < n.notice.length; i++) {
    if (n.notice[i] === '(') depth++;
    if (n.notice[i] === ')' && --depth === 0) {
      close = i;
      break;
    }
  }
  const articles = (open >= 0 && close > open ? n.notice.slice(open + 1, close) : 'BLLĐ 2019 Art. 112(1)').replace(
    /Art\./g,
    'Điều',
  );
  return `Theo luật, không có thông báo riêng (${articles})`;
}
