/**
 * Resident households of a commune (tổng số hộ dân cư) in a review year: the denominator of the
 * poverty rates. The official rate (e.g. the national 4,03 % of 2022 in the review results the
 * ministry published) divides the poor households by ALL resident households of the area; the
 * review workbook only holds the households that were surveyed, so a rate over the register would
 * be far too high (6 surveyed, 2 poor → 33,33 %). Reported data: the commune's report (Biểu tổng
 * hợp) is its source; a split by area or ethnicity is only used where the commune reported it.
 */
import type { Problem } from '../../errors';
import type { AreaType } from './types';

export interface ResidentHouseholds {
  total: number;
  /** Thành thị (from 2027: khu vực đô thị) / nông thôn; both null when the split is not reported. */
  urban: number | null;
  rural: number | null;
  /** Hộ dân tộc thiểu số; null when not reported. */
  ethnicMinority: number | null;
  /** Where the figure comes from, e.g. "Biểu tổng hợp số 01 của UBND xã, ngày 15/12/2025"; null = not given. */
  source: string | null;
}

/** Shown wherever a rate cannot be computed because the commune has not reported the figure. */
export const NO_RESIDENT_HOUSEHOLDS_VI = 'chưa có số hộ dân cư';

export const RESIDENT_FIELD_VI: Record<keyof ResidentHouseholds, string> = {
  total: 'Tổng số hộ dân cư',
  urban: 'Số hộ thành thị',
  rural: 'Số hộ nông thôn',
  ethnicMinority: 'Số hộ dân tộc thiểu số',
  source: 'Nguồn số liệu',
};

/**
 * Checks a reported figure; every problem names its field (or, in a file, its column through
 * `where`). Splits must add up: urban + rural = total; minority ≤ total.
 */
export function checkResidentHouseholds(
  r: {
    total: number | null;
    urban: number | null;
    rural: number | null;
    ethnicMinority: number | null;
    source: string | null;
  },
  { requireSource }: { requireSource: boolean },
  where: (field: keyof ResidentHouseholds) => Omit<Problem, 'message'> = (field) => ({ path: field }),
): Problem[] {
  const problems: Problem[] = [];
  const at = (field: keyof ResidentHouseholds, message: string) => problems.push({ ...where(field), message });
  const count = (field: 'total' | 'urban' | 'rural' | 'ethnicMinority', v: number | null, required: boolean) => {
    if (v === null) {
      if (required) at(field, `Chưa nhập "${RESIDENT_FIELD_VI[field]}".`);
      return false;
    }
    if (!Number.isInteger(v) || v < 0) {
      at(field, `"${RESIDENT_FIELD_VI[field]}" phải là số nguyên không âm.`);
      return false;
    }
    return true;
  };
  const totalOk = count('total', r.total, true);
  if (totalOk && r.total === 0) at('total', 'Tổng số hộ dân cư phải lớn hơn 0.');
  const urbanOk = count('urban', r.urban, false);
  const ruralOk = count('rural', r.rural, false);
  const minorityOk = count('ethnicMinority', r.ethnicMinority, false);
  if ((r.urban === null) !== (r.rural === null)) {
    at(
      r.urban === null ? 'urban' : 'rural',
      'Chia theo khu vực: cần nhập cả số hộ thành thị và số hộ nông thôn (hoặc để trống cả hai).',
    );
  } else if (totalOk && urbanOk && ruralOk && r.urban! + r.rural! !== r.total) {
    at('urban', `Số hộ thành thị (${r.urban}) + nông thôn (${r.rural}) phải bằng tổng số hộ dân cư (${r.total}).`);
  }
  if (totalOk && minorityOk && r.ethnicMinority! > r.total!)
    at('ethnicMinority', `Số hộ dân tộc thiểu số (${r.ethnicMinority}) lớn hơn tổng số hộ dân cư (${r.total}).`);
  if (requireSource && !r.source?.trim())
    at('source', 'Cần ghi nguồn số liệu (ví dụ: báo cáo, Biểu tổng hợp của UBND xã).');
  return problems;
}

/**
 * Name of the urban area in a year: "thành thị" under Decree 07/2021; "khu vực đô thị" for the
 * 2027-2030 standard (Nghị định 351/2025/NĐ-CP, as reported by S30/S31: verified_secondary).
 */
export function areaLabelVi(area: AreaType, year: number): string {
  if (area === 'rural') return 'Nông thôn';
  return year >= 2027 ? 'Khu vực đô thị' : 'Thành thị';
}

// ---------------------------------------------------------------- the resident-households file

/** Sheet of the Excel file (a CSV file has the same columns, header on line 1). */
export const RESIDENT_SHEET = 'Số hộ dân cư';

export interface ResidentColumn {
  letter: string;
  key: 'communeCode' | 'communeName' | 'total' | 'urban' | 'rural' | 'ethnicMinority' | 'source';
  header: string;
}

export const RESIDENT_COLUMNS: ResidentColumn[] = [
  { letter: 'A', key: 'communeCode', header: 'Mã xã' },
  { letter: 'B', key: 'communeName', header: 'Tên xã' },
  { letter: 'C', key: 'total', header: 'Tổng số hộ dân cư' },
  { letter: 'D', key: 'urban', header: 'Số hộ thành thị' },
  { letter: 'E', key: 'rural', header: 'Số hộ nông thôn' },
  { letter: 'F', key: 'ethnicMinority', header: 'Số hộ dân tộc thiểu số' },
  { letter: 'G', key: 'source', header: 'Nguồn số liệu' },
];

export interface ParsedResidentRow extends ResidentHouseholds {
  row: number;
  communeCode: string;
}

const letterOf = (key: ResidentColumn['key']) => RESIDENT_COLUMNS.find((c) => c.key === key)!.letter;

/** Whole numbers as communes write them: "1.234", "1 234" or "1234". */
function parseCount(s: string): number | null | 'bad' {
  const t = s.replace(/[\s.]/g, '');
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : 'bad';
}

export function checkResidentHeaders(sheet: string, headers: string[]): Problem[] {
  return RESIDENT_COLUMNS.flatMap((c, i) =>
    (headers[i] ?? '').trim() === c.header
      ? []
      : [
          {
            sheet,
            row: 1,
            column: c.letter,
            message: `Tiêu đề cột phải là "${c.header}" (đang là "${(headers[i] ?? '').trim()}").`,
          },
        ],
  );
}

/** One data row (cells in column order); problems by sheet, row and column. */
export function parseResidentRow(
  sheet: string,
  row: number,
  cells: string[],
  problems: Problem[],
): ParsedResidentRow | null {
  const before = problems.length;
  const cell = (key: ResidentColumn['key']) => (cells[RESIDENT_COLUMNS.findIndex((c) => c.key === key)] ?? '').trim();
  const code = cell('communeCode');
  if (!code) problems.push({ sheet, row, column: 'A', message: 'Chưa nhập "Mã xã".' });
  else if (!/^\d{5}$/.test(code))
    problems.push({ sheet, row, column: 'A', message: `Mã xã "${code}" phải gồm 5 chữ số.` });
  const counts: Record<'total' | 'urban' | 'rural' | 'ethnicMinority', number | null> = {
    total: null,
    urban: null,
    rural: null,
    ethnicMinority: null,
  };
  for (const key of ['total', 'urban', 'rural', 'ethnicMinority'] as const) {
    const v = parseCount(cell(key));
    if (v === 'bad')
      problems.push({ sheet, row, column: letterOf(key), message: `"${cell(key)}" không phải số nguyên không âm.` });
    else counts[key] = v;
  }
  const where = (field: keyof ResidentHouseholds) => ({ sheet, row, column: letterOf(field) });
  if (problems.length === before)
    problems.push(...checkResidentHouseholds({ ...counts, source: cell('source') }, { requireSource: true }, where));
  else if (!cell('source'))
    problems.push({
      ...where('source'),
      message: 'Cần ghi nguồn số liệu (ví dụ: báo cáo, Biểu tổng hợp của UBND xã).',
    });
  if (problems.length > before) return null;
  return {
    row,
    communeCode: code,
    total: counts.total!,
    urban: counts.urban,
    rural: counts.rural,
    ethnicMinority: counts.ethnicMinority,
    source: cell('source'),
  };
}

/** The same commune twice in one file is an error (which line would win is not obvious). */
export function crossCheckResident(sheet: string, rows: ParsedResidentRow[], problems: Problem[]): void {
  const first = new Map<string, number>();
  for (const r of rows) {
    const seen = first.get(r.communeCode);
    if (seen !== undefined)
      problems.push({ sheet, row: r.row, column: 'A', message: `Mã xã "${r.communeCode}" trùng với dòng ${seen}.` });
    else first.set(r.communeCode, r.row);
  }
}
