/**
 * The commune review workbook (sổ kết quả rà soát): layout and cell rules, pure.
 * Sheet "Hộ gia đình": one row per household; sheet "Thành viên": one row per member.
 * Headers on row 1, data from row 2. Every problem names its sheet, row and column.
 */
import type { Problem } from '../../errors';
import { foldVietnamese } from '../text';
import type { AreaType, HouseholdClass, Occupation } from './types';

export const SHEET_HOUSEHOLDS = 'Hộ gia đình';
export const SHEET_MEMBERS = 'Thành viên';
export const SHEET_GUIDE = 'Hướng dẫn';
export const FIRST_DATA_ROW = 2;

/**
 * Error code (422) of a review workbook without any household: the import only goes ahead when re-sent with
 * `confirmEmpty=true`, the user having confirmed that the commune has no household to list.
 */
export const EMPTY_WORKBOOK = 'empty_workbook';

/**
 * What a column holds, which decides its cell format in the template and how a cell typed in Excel
 * is read back: `id` is a citizen ID number (text of digits: Excel would drop the leading zeros of
 * a number), `code` a household code kept as text (a number cell is read as its digits), `date` a
 * date cell or dd/mm/yyyy, `choice` one of `choices` (a drop-down list in the template).
 */
export type ColumnKind = 'text' | 'code' | 'id' | 'date' | 'number' | 'choice';

export interface ColumnSpec {
  letter: string;
  key: string;
  header: string;
  required: boolean;
  width: number;
  kind: ColumnKind;
  /** Allowed values of a `choice` column, as written in the template's drop-down list and guide. */
  choices?: readonly string[];
  /** Added after the first template: a workbook made before may lack it (then the value is unknown). */
  addedLater?: boolean;
}

interface ColumnOptions {
  kind?: ColumnKind;
  choices?: readonly string[];
  addedLater?: boolean;
}

const col = (
  letter: string,
  key: string,
  header: string,
  required: boolean,
  width = 16,
  o: ColumnOptions = {},
): ColumnSpec => ({
  letter,
  key,
  header,
  required,
  width,
  kind: o.kind ?? (o.choices ? 'choice' : 'text'),
  ...(o.choices ? { choices: o.choices } : {}),
  ...(o.addedLater ? { addedLater: true } : {}),
});

/** Allowed values of the coded columns (the first spelling of each is the one the template offers). */
export const AREA_CHOICES = ['Nông thôn', 'Thành thị'] as const;
export const PREVIOUS_CLASS_CHOICES = ['Hộ nghèo', 'Hộ cận nghèo', 'Hộ có mức sống trung bình', 'Không'] as const;
export const OCCUPATION_CHOICES = ['Nông nghiệp', 'Lâm nghiệp', 'Ngư nghiệp', 'Diêm nghiệp', 'Khác'] as const;
export const YES_NO_CHOICES = ['Có', 'Không'] as const;
export const SEX_CHOICES = ['Nam', 'Nữ'] as const;

export const HOUSEHOLD_COLUMNS: ColumnSpec[] = [
  col('A', 'code', 'Mã hộ', true, 12, { kind: 'code' }),
  col('B', 'headName', 'Họ tên chủ hộ', true, 26),
  col('C', 'headIdNumber', 'Số CCCD chủ hộ', false, 16, { kind: 'id' }),
  col('D', 'headEthnicity', 'Dân tộc chủ hộ', true, 12),
  col('E', 'village', 'Thôn, tổ dân phố', false, 18),
  col('F', 'area', 'Khu vực (Nông thôn/Thành thị)', true, 14, { choices: AREA_CHOICES }),
  col('G', 'scoreA', 'Điểm A (Phiếu B1)', false, 10, { kind: 'number' }),
  col('H', 'income', 'Thu nhập bình quân (đồng/người/tháng)', false, 16, { kind: 'number' }),
  col('I', 'deprived', 'Chỉ số thiếu hụt (mã, cách nhau bởi dấu ;)', false, 24),
  col('J', 'scoreB', 'Điểm B (Phiếu B2)', false, 10, { kind: 'number' }),
  col('K', 'previousClass', 'Phân loại năm trước', false, 18, { choices: PREVIOUS_CLASS_CHOICES }),
  col('L', 'decisionNo', 'Số quyết định công nhận', false, 16),
  col('M', 'decisionDate', 'Ngày quyết định (dd/mm/yyyy)', false, 14, { kind: 'date' }),
  col('N', 'occupation', 'Nghề nghiệp của hộ (Nông nghiệp/Lâm nghiệp/Ngư nghiệp/Diêm nghiệp/Khác)', false, 22, {
    choices: OCCUPATION_CHOICES,
    addedLater: true,
  }),
  col('O', 'noLabourCapacity', 'Không có khả năng lao động (Có/Không)', false, 14, {
    choices: YES_NO_CHOICES,
    addedLater: true,
  }),
];

export const MEMBER_COLUMNS: ColumnSpec[] = [
  col('A', 'householdCode', 'Mã hộ', true, 12, { kind: 'code' }),
  col('B', 'fullName', 'Họ và tên', true, 26),
  col('C', 'relation', 'Quan hệ với chủ hộ', true, 14),
  col('D', 'birthDate', 'Ngày sinh (dd/mm/yyyy)', false, 14, { kind: 'date' }),
  col('E', 'sex', 'Giới tính (Nam/Nữ)', false, 10, { choices: SEX_CHOICES }),
  col('F', 'idNumber', 'Số CCCD', false, 16, { kind: 'id' }),
  col('G', 'ethnicity', 'Dân tộc', false, 12),
];

export interface ParsedHousehold {
  row: number;
  code: string;
  headName: string;
  headIdNumber: string | null;
  headEthnicity: string;
  ethnicMinority: boolean;
  village: string | null;
  area: AreaType;
  scoreA: number | null;
  income: number | null;
  deprived: string[];
  scoreB: number | null;
  previousClass: HouseholdClass | null;
  decisionNo: string | null;
  decisionDate: string | null;
  /** null: not reported (empty cell, or a workbook made before the column existed). */
  occupation: Occupation | null;
  /** Hộ không có khả năng lao động; null: not reported. */
  noLabourCapacity: boolean | null;
}

export interface ParsedMember {
  row: number;
  householdCode: string;
  fullName: string;
  relation: string;
  birthDate: string | null;
  sex: string | null;
  idNumber: string | null;
  ethnicity: string | null;
}

/** A cell as exceljs gives it (string, number, Date, rich text, formula result, …) → trimmed text. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const d = v.toISOString().slice(0, 10).split('-');
    return `${d[2]}/${d[1]}/${d[0]}`;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (Array.isArray(o.richText))
      return o.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    return '';
  }
  return String(v).normalize('NFC').trim();
}

/** Excel's day 0 of the 1900 date system (serial 25569 is 01/01/1970; the 1900 leap-year bug is before it). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** An Excel date serial (a date cell read without its format) → dd/mm/yyyy; fractions are the time of day. */
export function excelSerialToVi(serial: number): string {
  return cellText(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS));
}

/**
 * Citizen ID numbers are 12 digits (CCCD, the first three the province code 001–096) or 9 (old CMND,
 * the first two the province code 01–…); typed into a cell Excel keeps as a number they lose their
 * leading zeros. A number of 10–11 digits can only be a CCCD, one of 8 digits only a CMND: the
 * zeros are put back. Other lengths stay as they are and are reported.
 */
export function idFromNumber(n: number): string {
  const digits = String(n);
  if (/^\d{10,11}$/.test(digits)) return digits.padStart(12, '0');
  if (/^\d{8}$/.test(digits)) return digits.padStart(9, '0');
  return digits;
}

/** A cell's value read the way its column expects (see ColumnKind), as trimmed text. */
export function columnText(column: ColumnSpec, v: unknown): string {
  const value =
    v !== null && typeof v === 'object' && !(v instanceof Date) && 'result' in v
      ? (v as { result: unknown }).result
      : v;
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Only plausible serials (01/03/1900–31/12/2199): anything else is shown as typed.
    if (column.kind === 'date' && value >= 61 && value < 109_575) return excelSerialToVi(value);
    if (column.kind === 'id' && Number.isSafeInteger(value) && value >= 0) return idFromNumber(value);
  }
  return cellText(value);
}

/** dd/mm/yyyy (or an Excel date cell) → YYYY-MM-DD, or null if not a real date. */
export function parseDateVi(s: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Numbers written with Vietnamese thousands separators ("1.500.000") or plain. */
export function parseAmount(s: string): number | null {
  const t = s.replace(/\s/g, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(t)) return Number(t.replace(/\./g, ''));
  if (/^\d+([.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  return null;
}

const AREA_BY_TEXT: Record<string, AreaType> = {
  'nong thon': 'rural',
  'thanh thi': 'urban',
  'do thi': 'urban',
  rural: 'rural',
  urban: 'urban',
};
const CLASS_BY_TEXT: Record<string, HouseholdClass> = {
  'ho ngheo': 'poor',
  ngheo: 'poor',
  'ho can ngheo': 'near_poor',
  'can ngheo': 'near_poor',
  'ho co muc song trung binh': 'average',
  'muc song trung binh': 'average',
  khong: 'not_poor',
  'khong ngheo': 'not_poor',
};
export const AREA_TEXT_VI: Record<AreaType, string> = { rural: 'Nông thôn', urban: 'Thành thị' };
const OCCUPATION_BY_TEXT: Record<string, Occupation> = {
  'nong nghiep': 'farm',
  'lam nghiep': 'forestry',
  'ngu nghiep': 'fishery',
  'diem nghiep': 'salt',
  khac: 'other',
};
const YES_NO: Record<string, boolean> = { co: true, khong: false, x: true };

/** All ethnic groups other than Kinh are ethnic minorities (dân tộc thiểu số). */
export function isEthnicMinority(ethnicity: string): boolean {
  return foldVietnamese(ethnicity) !== 'kinh';
}

type Cells = Record<string, string>;

/** Reads the cells of a row by column letter into a record keyed by the column key. */
export function rowCells(columns: ColumnSpec[], values: unknown[]): Cells {
  const out: Cells = {};
  columns.forEach((c, i) => (out[c.key] = columnText(c, values[i + 1])));
  return out;
}

export function isEmptyRow(cells: Cells): boolean {
  return Object.values(cells).every((v) => v === '');
}

function checkRequired(sheet: string, row: number, columns: ColumnSpec[], cells: Cells, problems: Problem[]) {
  for (const c of columns) {
    if (c.required && cells[c.key] === '')
      problems.push({ sheet, row, column: c.letter, message: `Chưa nhập "${c.header}".` });
  }
}

const colOf = (columns: ColumnSpec[], key: string) => columns.find((c) => c.key === key)!.letter;

const ID_NUMBER = /^(\d{9}|\d{12})$/;

export function parseHouseholdRow(row: number, cells: Cells, problems: Problem[]): ParsedHousehold | null {
  const sheet = SHEET_HOUSEHOLDS;
  const before = problems.length;
  const at = (key: string, message: string) =>
    problems.push({ sheet, row, column: colOf(HOUSEHOLD_COLUMNS, key), message });
  checkRequired(sheet, row, HOUSEHOLD_COLUMNS, cells, problems);
  const area = AREA_BY_TEXT[foldVietnamese(cells.area)];
  if (cells.area && !area) at('area', `Khu vực "${cells.area}" không hợp lệ: ghi "Nông thôn" hoặc "Thành thị".`);
  if (cells.headIdNumber && !ID_NUMBER.test(cells.headIdNumber))
    at('headIdNumber', 'Số CCCD phải gồm 12 chữ số (hoặc 9 chữ số với CMND cũ).');
  const scoreA = cells.scoreA ? parseAmount(cells.scoreA) : null;
  if (cells.scoreA && scoreA === null) at('scoreA', `Điểm A "${cells.scoreA}" phải là số không âm.`);
  const income = cells.income ? parseAmount(cells.income) : null;
  if (cells.income && income === null) at('income', `Thu nhập "${cells.income}" phải là số đồng không âm.`);
  if (!cells.scoreA && !cells.income) at('scoreA', 'Cần nhập điểm A hoặc thu nhập bình quân đầu người.');
  const scoreB = cells.scoreB ? parseAmount(cells.scoreB) : null;
  if (cells.scoreB && scoreB === null) at('scoreB', `Điểm B "${cells.scoreB}" phải là số không âm.`);
  const deprived = splitDeprived(cells.deprived);
  const previousClass = cells.previousClass ? CLASS_BY_TEXT[foldVietnamese(cells.previousClass)] : null;
  if (cells.previousClass && !previousClass) {
    at(
      'previousClass',
      `Phân loại năm trước "${cells.previousClass}" không hợp lệ: ghi "Hộ nghèo", "Hộ cận nghèo", "Hộ có mức sống trung bình" hoặc "Không".`,
    );
  }
  const decisionDate = cells.decisionDate ? parseDateVi(cells.decisionDate) : null;
  if (cells.decisionDate && !decisionDate)
    at('decisionDate', `Ngày "${cells.decisionDate}" không hợp lệ (dd/mm/yyyy).`);
  const occupation = cells.occupation ? OCCUPATION_BY_TEXT[foldVietnamese(cells.occupation)] : null;
  if (cells.occupation && !occupation) {
    at(
      'occupation',
      `Nghề nghiệp "${cells.occupation}" không hợp lệ: ghi "Nông nghiệp", "Lâm nghiệp", "Ngư nghiệp", "Diêm nghiệp" hoặc "Khác".`,
    );
  }
  const noLabour = cells.noLabourCapacity ? YES_NO[foldVietnamese(cells.noLabourCapacity)] : null;
  if (cells.noLabourCapacity && noLabour === undefined)
    at('noLabourCapacity', `"${cells.noLabourCapacity}" không hợp lệ: ghi "Có" hoặc "Không" (để trống nếu chưa rõ).`);
  if (problems.length > before) return null;
  return {
    row,
    code: cells.code,
    headName: cells.headName,
    headIdNumber: cells.headIdNumber || null,
    headEthnicity: cells.headEthnicity,
    ethnicMinority: isEthnicMinority(cells.headEthnicity),
    village: cells.village || null,
    area: area!,
    scoreA,
    income,
    deprived,
    scoreB,
    previousClass: previousClass ?? null,
    decisionNo: cells.decisionNo || null,
    decisionDate,
    occupation: occupation ?? null,
    noLabourCapacity: noLabour ?? null,
  };
}

export function parseMemberRow(row: number, cells: Cells, problems: Problem[]): ParsedMember | null {
  const sheet = SHEET_MEMBERS;
  const before = problems.length;
  const at = (key: string, message: string) =>
    problems.push({ sheet, row, column: colOf(MEMBER_COLUMNS, key), message });
  checkRequired(sheet, row, MEMBER_COLUMNS, cells, problems);
  const birthDate = cells.birthDate ? parseDateVi(cells.birthDate) : null;
  if (cells.birthDate && !birthDate) at('birthDate', `Ngày sinh "${cells.birthDate}" không hợp lệ (dd/mm/yyyy).`);
  const sex = cells.sex ? ({ nam: 'Nam', nu: 'Nữ' } as Record<string, string>)[foldVietnamese(cells.sex)] : null;
  if (cells.sex && !sex) at('sex', `Giới tính "${cells.sex}" không hợp lệ: ghi "Nam" hoặc "Nữ".`);
  if (cells.idNumber && !ID_NUMBER.test(cells.idNumber))
    at('idNumber', 'Số CCCD phải gồm 12 chữ số (hoặc 9 chữ số với CMND cũ).');
  if (problems.length > before) return null;
  return {
    row,
    householdCode: cells.householdCode,
    fullName: cells.fullName,
    relation: cells.relation,
    birthDate,
    sex: sex ?? null,
    idNumber: cells.idNumber || null,
    ethnicity: cells.ethnicity || null,
  };
}

/** A household row with a cell problem: what the checks across rows and indicator codes still need. */
export interface RejectedHousehold {
  row: number;
  code: string;
  deprived: string[];
}

/** The household code and indicator codes of a row, read even when other cells of the row are wrong. */
export function householdRefOf(row: number, cells: Cells): RejectedHousehold {
  return { row, code: cells.code, deprived: splitDeprived(cells.deprived) };
}

export const splitDeprived = (text: string): string[] => (text ? text.split(/[;,\s]+/).filter(Boolean) : []);

/**
 * Checks across rows: unique household codes, members of known households, each household has
 * members. Run on every row that names a household (also rows with other cell problems), so a file
 * gets all its problems in one pass.
 */
export function crossCheck(
  households: Pick<ParsedHousehold, 'row' | 'code'>[],
  members: Pick<ParsedMember, 'row' | 'householdCode'>[],
  problems: Problem[],
): void {
  const firstRow = new Map<string, number>();
  for (const h of households) {
    if (h.code === '') continue;
    const seen = firstRow.get(h.code);
    if (seen !== undefined)
      problems.push({
        sheet: SHEET_HOUSEHOLDS,
        row: h.row,
        column: 'A',
        message: `Mã hộ "${h.code}" trùng với dòng ${seen}.`,
      });
    else firstRow.set(h.code, h.row);
  }
  const withMembers = new Set<string>();
  for (const m of members) {
    if (m.householdCode === '') continue;
    if (!firstRow.has(m.householdCode)) {
      problems.push({
        sheet: SHEET_MEMBERS,
        row: m.row,
        column: 'A',
        message: `Mã hộ "${m.householdCode}" không có trong trang "${SHEET_HOUSEHOLDS}".`,
      });
    }
    withMembers.add(m.householdCode);
  }
  for (const h of households) {
    if (h.code !== '' && firstRow.get(h.code) === h.row && !withMembers.has(h.code))
      problems.push({
        sheet: SHEET_HOUSEHOLDS,
        row: h.row,
        column: 'A',
        message: `Hộ "${h.code}" không có thành viên nào trong trang "${SHEET_MEMBERS}".`,
      });
  }
}

const SHEET_ORDER = [SHEET_HOUSEHOLDS, SHEET_MEMBERS];

/** By sheet, row and column, as the officer goes through the file. */
export function sortWorkbookProblems(problems: Problem[]): Problem[] {
  const sheet = (p: Problem) => (p.sheet ? SHEET_ORDER.indexOf(p.sheet) : -1);
  return [...problems].sort(
    (a, b) => sheet(a) - sheet(b) || (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''),
  );
}
