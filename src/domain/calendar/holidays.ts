/**
 * Vietnam's public holidays (ngày nghỉ lễ, tết) as data, each with its legal citation.
 *
 * Source: Bộ luật Lao động 2019 (Law 45/2019/QH14, in force from 01/01/2021), Điều 112 khoản 1;
 * before 2021 Bộ luật Lao động 2012 (10/2012/QH13), Điều 115. Neither text is in the project's domain
 * notes, so every rule carries status UNVERIFIED until checked against the gazette (vbpl.vn).
 *
 * Two holidays are placed each year by the Prime Minister (Điều 112 khoản 3): the 5 days of Tết and the
 * day next to National Day. Without a recorded notice we use `defaultOffsets` (an assumption, labelled as
 * such); a year with recorded notices (`notices.ts`) takes its days off from them instead.
 */

/** `culture_day` (24/11) appears only through a notice row: no amended Điều 112 has been read. */
export type HolidayCode = 'new_year' | 'tet' | 'victory' | 'labour' | 'national_day' | 'hung_kings' | 'culture_day';

export type FactStatus = 'VERIFIED' | 'VERIFIED (secondary)' | 'PARTIAL' | 'UNVERIFIED';

export interface HolidayRule {
  code: HolidayCode;
  /** Vietnamese name shown in the UI */
  name: string;
  /** the anchor day: a solar date, or a lunar date (resolved with the Vietnamese lunar calendar) */
  anchor: { calendar: 'solar' | 'lunar'; month: number; day: number };
  /** statutory number of days off */
  days: number;
  /**
   * Days off relative to the anchor (0 = the anchor itself). Length = `days`. Where the law leaves
   * the placement to the Prime Minister, this is our default and `placementNote` says so.
   */
  defaultOffsets: number[];
  placementNote?: string;
  validFrom: string;
  validTo?: string;
  legalBasis: string;
  status: FactStatus;
  source: string;
}

const BLLD_2019 = 'Bộ luật Lao động 2019 (45/2019/QH14)';
const BLLD_2012 = 'Bộ luật Lao động 2012 (10/2012/QH13)';
const SRC_2019 = 'Luật 45/2019/QH14, Điều 112 — not in the domain notes; check on vbpl.vn';
const SRC_2012 = 'Luật 10/2012/QH13, Điều 115 — not in the domain notes; check on vbpl.vn';

export const HOLIDAY_RULES: HolidayRule[] = [
  {
    code: 'new_year',
    name: 'Tết Dương lịch',
    anchor: { calendar: 'solar', month: 1, day: 1 },
    days: 1,
    defaultOffsets: [0],
    validFrom: '2021-01-01',
    legalBasis: `${BLLD_2019}, Điều 112 khoản 1 điểm a`,
    status: 'UNVERIFIED',
    source: SRC_2019,
  },
  {
    code: 'tet',
    name: 'Tết Âm lịch',
    anchor: { calendar: 'lunar', month: 1, day: 1 },
    days: 5,
    defaultOffsets: [-1, 0, 1, 2, 3],
    placementNote:
      'Thủ tướng quyết định cụ thể hằng năm (Điều 112 khoản 3); mặc định: ngày cuối năm âm lịch và mùng 1–4 (giả định, chưa có thông báo).',
    validFrom: '2021-01-01',
    legalBasis: `${BLLD_2019}, Điều 112 khoản 1 điểm b`,
    status: 'UNVERIFIED',
    source: SRC_2019,
  },
  {
    code: 'victory',
    name: 'Ngày Chiến thắng (30/4)',
    anchor: { calendar: 'solar', month: 4, day: 30 },
    days: 1,
    defaultOffsets: [0],
    validFrom: '2021-01-01',
    legalBasis: `${BLLD_2019}, Điều 112 khoản 1 điểm c`,
    status: 'UNVERIFIED',
    source: SRC_2019,
  },
  {
    code: 'labour',
    name: 'Ngày Quốc tế lao động (1/5)',
    anchor: { calendar: 'solar', month: 5, day: 1 },
    days: 1,
    defaultOffsets: [0],
    validFrom: '2021-01-01',
    legalBasis: `${BLLD_2019}, Điều 112 khoản 1 điểm d`,
    status: 'UNVERIFIED',
    source: SRC_2019,
  },
  {
    code: 'national_day',
    name: 'Quốc khánh (2/9)',
    anchor: { calendar: 'solar', month: 9, day: 2 },
    days: 2,
    defaultOffsets: [0, 1],
    placementNote:
      'Ngày 2/9 và 01 ngày liền kề trước hoặc sau do Thủ tướng quyết định (Điều 112 khoản 3); mặc định: ngày sau (giả định).',
    validFrom: '2021-01-01',
    legalBasis: `${BLLD_2019}, Điều 112 khoản 1 điểm đ`,
    status: 'UNVERIFIED',
    source: SRC_2019,
  },
  {
    code: 'hung_kings',
    name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    anchor: { calendar: 'lunar', month: 3, day: 10 },
    days: 1,
    defaultOffsets: [0],
    validFrom: '2021-01-01',
    legalBasis: `${BLLD_2019}, Điều 112 khoản 1 điểm e`,
    status: 'UNVERIFIED',
    source: SRC_2019,
  },
  // Before 2021 (Labour Code 2012): the same holidays, National Day one day only.
  ...(['new_year', 'tet', 'victory', 'labour', 'national_day', 'hung_kings'] as const).map((code): HolidayRule => {
    const base = {
      new_year: [1, 1, 1],
      tet: [1, 1, 5],
      victory: [4, 30, 1],
      labour: [5, 1, 1],
      national_day: [9, 2, 1],
      hung_kings: [3, 10, 1],
    }[code];
    const lunar = code === 'tet' || code === 'hung_kings';
    return {
      code,
      name: {
        new_year: 'Tết Dương lịch',
        tet: 'Tết Âm lịch',
        victory: 'Ngày Chiến thắng (30/4)',
        labour: 'Ngày Quốc tế lao động (1/5)',
        national_day: 'Quốc khánh (2/9)',
        hung_kings: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      }[code],
      anchor: { calendar: lunar ? 'lunar' : 'solar', month: base[0], day: base[1] },
      days: base[2],
      defaultOffsets: code === 'tet' ? [-1, 0, 1, 2, 3] : [0],
      placementNote: code === 'tet' ? 'Mặc định: ngày cuối năm âm lịch và mùng 1–4 (giả định).' : undefined,
      validFrom: '1900-01-01',
      validTo: '2020-12-31',
      legalBasis: `${BLLD_2012}, Điều 115 khoản 1`,
      status: 'UNVERIFIED',
      source: SRC_2012,
    };
  }),
];

/**
 * Compensatory day off (nghỉ bù): when a holiday falls on the weekly rest day, the next working day is
 * off. BLLĐ 2019 Điều 111 khoản 3 as we read it (the brief refers to Điều 112) — UNVERIFIED, so it is a
 * switch in the calendar configuration.
 */
export const COMPENSATORY_RULE = {
  legalBasis: `${BLLD_2019}, Điều 111 khoản 3`,
  status: 'UNVERIFIED' as FactStatus,
  source: SRC_2019,
};
