/**
 * The program's numeric targets as data, each with its legal source and status, and how a value
 * is judged against a target ("on track"). Province targets entered by users use the same rules.
 */
import { SOURCES, type LegalStatus } from './sources';

export type TargetRule =
  /** The value falls by at least `min` (up to `max`) percentage points each year. */
  | { kind: 'annual_decrease_pp'; min: number; max: number | null }
  /** The value reaches at least `min` by the end of `byYear`. */
  | { kind: 'reach_at_least'; min: number; byYear: number }
  /** The value falls by `pct` % against the value of `baseYear` (null: baseline not known) by `byYear`. */
  | { kind: 'relative_decrease'; pct: number; baseYear: number | null; byYear: number }
  /** The value stays at or below `max` by `byYear`. */
  | { kind: 'at_most'; max: number; byYear: number };

export interface TargetDef {
  code: string;
  indicator: string;
  labelVi: string;
  fromYear: number;
  toYear: number;
  rule: TargetRule;
  /** Legal citation (article when known) and the source id in reference/legal/results.csv. */
  citation: string;
  sourceId: string;
  status: LegalStatus;
  note?: string;
}

/** Targets of Resolution 24/2021/QH15 and Decision 90/QĐ-TTg for 2021-2025 (program-2021-2025.md §1). */
export const PROGRAM_TARGETS: TargetDef[] = [
  {
    code: 'T1',
    indicator: 'poor_rate',
    labelVi: 'Tỷ lệ hộ nghèo đa chiều giảm 1-1,5%/năm',
    fromYear: 2022,
    toYear: 2025,
    rule: { kind: 'annual_decrease_pp', min: 1, max: 1.5 },
    citation: `${SOURCES.NQ24}, Điều 1; ${SOURCES.QD90}, Điều 1 mục II`,
    sourceId: 'NQ24-2021',
    status: 'verified_secondary',
  },
  {
    code: 'T2',
    indicator: 'poor_rate_ethnic_minority',
    labelVi: 'Tỷ lệ hộ nghèo dân tộc thiểu số giảm trên 3%/năm',
    fromYear: 2022,
    toYear: 2025,
    rule: { kind: 'annual_decrease_pp', min: 3, max: null },
    citation: `${SOURCES.NQ24}, Điều 1; ${SOURCES.QD90}, Điều 1 mục II`,
    sourceId: 'NQ24-2021',
    status: 'verified_secondary',
  },
  {
    code: 'T3a',
    indicator: 'poor_districts_exited_share',
    labelVi: '30% huyện nghèo thoát khỏi tình trạng nghèo',
    fromYear: 2022,
    toYear: 2025,
    rule: { kind: 'reach_at_least', min: 30, byYear: 2025 },
    citation: `${SOURCES.NQ24}, Điều 1; ${SOURCES.QD90}, Điều 1 mục II`,
    sourceId: 'NQ24-2021',
    status: 'verified_secondary',
  },
  {
    code: 'T3b',
    indicator: 'dbkk_communes_exited_share',
    labelVi: '30% xã ĐBKK vùng bãi ngang, ven biển và hải đảo thoát khỏi tình trạng ĐBKK',
    fromYear: 2022,
    toYear: 2025,
    rule: { kind: 'reach_at_least', min: 30, byYear: 2025 },
    citation: `${SOURCES.NQ24}, Điều 1; ${SOURCES.QD90}, Điều 1 mục II`,
    sourceId: 'NQ24-2021',
    status: 'verified_secondary',
  },
  {
    code: 'T4',
    indicator: 'poor_rate_poor_districts',
    labelVi: 'Tỷ lệ hộ nghèo tại các huyện nghèo giảm 4-5%/năm',
    fromYear: 2022,
    toYear: 2025,
    rule: { kind: 'annual_decrease_pp', min: 4, max: 5 },
    citation: `${SOURCES.QD90}, Điều 1 mục II`,
    sourceId: 'QD90-2022',
    status: 'partial',
    note: 'Có trong Quyết định 90; với Nghị quyết 24 chỉ thấy ở bản dự thảo.',
  },
  {
    code: 'T5',
    indicator: 'poor_near_poor_households',
    labelVi: 'Giảm 1/2 số hộ nghèo và hộ cận nghèo so với đầu kỳ',
    fromYear: 2022,
    toYear: 2025,
    rule: { kind: 'relative_decrease', pct: 50, baseYear: null, byYear: 2025 },
    citation: `${SOURCES.QD90}, Điều 1 mục II`,
    sourceId: 'QD90-2022',
    status: 'verified_secondary',
    note: 'Số hộ đầu kỳ (cuối năm 2021, chuẩn nghèo mới) chưa có trong nguồn: chưa đánh giá được.',
  },
];

/** The other targets of Decision 90 that have no indicator here yet (shown, not evaluated). */
export const OTHER_TARGETS: { code: string; labelVi: string; citation: string; status: LegalStatus }[] = [
  {
    code: 'T6',
    labelVi: 'Mỗi hộ nghèo, hộ cận nghèo có ít nhất 01 thành viên trong độ tuổi lao động có việc làm bền vững',
    citation: SOURCES.QD90,
    status: 'verified_secondary',
  },
  {
    code: 'T7',
    labelVi: '90% trẻ em hộ nghèo, hộ cận nghèo đi học đúng độ tuổi',
    citation: SOURCES.QD90,
    status: 'verified_secondary',
  },
  {
    code: 'T8',
    labelVi: 'Trên 1.000 mô hình, dự án giảm nghèo được xây dựng và nhân rộng',
    citation: SOURCES.QD90,
    status: 'verified_secondary',
  },
  {
    code: 'T9',
    labelVi: '60% lao động vùng nghèo, vùng khó khăn qua đào tạo (dự thảo; có trong Quyết định 90 hay không chưa rõ)',
    citation: SOURCES.NQ24,
    status: 'partial',
  },
];

export interface Judgement {
  /** The value the target asks for this year (null when it cannot be set: no previous value, no baseline). */
  target: number | null;
  onTrack: boolean | null;
  noteVi: string | null;
}

/** Published rates have two decimals: compare at that precision so 2.93 − 1.93 counts as 1.00. */
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Judges the value of `year` against a target. `valueOf(y)` gives the indicator's value of year y
 * (null when unknown). Unknown values give onTrack null, never a guess.
 */
export function judge(rule: TargetRule, year: number, valueOf: (y: number) => number | null): Judgement {
  const value = valueOf(year);
  switch (rule.kind) {
    case 'annual_decrease_pp': {
      const prev = valueOf(year - 1);
      if (prev === null) return { target: null, onTrack: null, noteVi: `Chưa có số liệu năm ${year - 1} để so sánh.` };
      const target = round2(prev - rule.min);
      if (value === null) return { target, onTrack: null, noteVi: `Chưa có số liệu năm ${year}.` };
      return { target, onTrack: round2(value) <= target, noteVi: null };
    }
    case 'reach_at_least': {
      if (value === null) return { target: rule.min, onTrack: null, noteVi: `Chưa có số liệu năm ${year}.` };
      if (year < rule.byYear) {
        return {
          target: rule.min,
          onTrack: value >= rule.min ? true : null,
          noteVi:
            value >= rule.min ? null : `Mục tiêu tính đến năm ${rule.byYear}; đã đạt ${fmt(value)}/${fmt(rule.min)}.`,
        };
      }
      return { target: rule.min, onTrack: value >= rule.min, noteVi: null };
    }
    case 'relative_decrease': {
      const base = rule.baseYear === null ? null : valueOf(rule.baseYear);
      if (base === null) return { target: null, onTrack: null, noteVi: 'Chưa có số liệu đầu kỳ: chưa đánh giá được.' };
      const target = base * (1 - rule.pct / 100);
      if (value === null) return { target, onTrack: null, noteVi: `Chưa có số liệu năm ${year}.` };
      if (year < rule.byYear)
        return {
          target,
          onTrack: value <= target ? true : null,
          noteVi: value <= target ? null : `Mục tiêu tính đến năm ${rule.byYear}.`,
        };
      return { target, onTrack: value <= target, noteVi: null };
    }
    case 'at_most': {
      if (value === null) return { target: rule.max, onTrack: null, noteVi: `Chưa có số liệu năm ${year}.` };
      if (year < rule.byYear && value > rule.max)
        return { target: rule.max, onTrack: null, noteVi: `Mục tiêu tính đến năm ${rule.byYear}.` };
      return { target: rule.max, onTrack: value <= rule.max, noteVi: null };
    }
  }
}

const fmt = (x: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
const fmtEn = (x: number) => x.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** The rule in English, for the English screens (the same rule as ruleTextVi). */
export function ruleTextEn(rule: TargetRule): string {
  switch (rule.kind) {
    case 'annual_decrease_pp':
      return `down ${rule.max === null ? `more than ${fmtEn(rule.min)}` : `${fmtEn(rule.min)}-${fmtEn(rule.max)}`} percentage points a year`;
    case 'reach_at_least':
      return `at least ${fmtEn(rule.min)} by ${rule.byYear}`;
    case 'relative_decrease':
      return `down ${fmtEn(rule.pct)}% from ${rule.baseYear ?? 'the start of the period'} by ${rule.byYear}`;
    case 'at_most':
      return `at most ${fmtEn(rule.max)} by ${rule.byYear}`;
  }
}

export function ruleTextVi(rule: TargetRule): string {
  switch (rule.kind) {
    case 'annual_decrease_pp':
      return `giảm ${rule.max === null ? `trên ${fmt(rule.min)}` : `${fmt(rule.min)}-${fmt(rule.max)}`} điểm phần trăm mỗi năm`;
    case 'reach_at_least':
      return `đạt ít nhất ${fmt(rule.min)} đến năm ${rule.byYear}`;
    case 'relative_decrease':
      return `giảm ${fmt(rule.pct)}% so với ${rule.baseYear ?? 'đầu kỳ'} đến năm ${rule.byYear}`;
    case 'at_most':
      return `không quá ${fmt(rule.max)} đến năm ${rule.byYear}`;
  }
}
