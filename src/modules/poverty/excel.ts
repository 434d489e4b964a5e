/** Excel in and out for the commune review workbook, with exceljs streaming (flat memory). */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FixedWorkbookReader } from './exceljs-fixes';
import type { Problem } from '../../errors';
import { applicationForYear, findStandard } from '../../domain/poverty/standards';
import type { StandardCatalog } from '../../domain/poverty/types';
import {
  crossCheck,
  FIRST_DATA_ROW,
  HOUSEHOLD_COLUMNS,
  isEmptyRow,
  MEMBER_COLUMNS,
  parseHouseholdRow,
  parseMemberRow,
  rowCells,
  SHEET_GUIDE,
  SHEET_HOUSEHOLDS,
  SHEET_MEMBERS,
  type ColumnSpec,
  type ParsedHousehold,
  type ParsedMember,
  householdRefOf,
  sortWorkbookProblems,
  type RejectedHousehold,
} from '../../domain/poverty/workbook';

/** At most this many problems are reported (the import fails anyway). */
export const MAX_PROBLEMS = 1000;
/** Longest text of a cell: Excel's own limit. */
export const MAX_CELL_CHARS = 32_767;

export interface ParsedWorkbook {
  households: ParsedHousehold[];
  members: ParsedMember[];
  /** Household rows with cell problems: their indicator codes are still checked (one pass). */
  rejectedHouseholds: RejectedHousehold[];
  problems: Problem[];
}

/** Streams a workbook (a file path or a readable stream) and checks every cell. */
export async function readReviewWorkbook(
  source: string | NodeJS.ReadableStream,
  onProgress?: (rowsRead: number) => void,
): Promise<ParsedWorkbook> {
  const households: ParsedHousehold[] = [];
  const members: ParsedMember[] = [];
  const problems: Problem[] = [];
  const rejectedHouseholds: RejectedHousehold[] = [];
  const memberRefs: Pick<ParsedMember, 'row' | 'householdCode'>[] = [];
  const seen = new Set<string>();
  let rowsRead = 0;
  const reader = new (FixedWorkbookReader as typeof ExcelJS.stream.xlsx.WorkbookReader)(source as never, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      const kind = name === SHEET_HOUSEHOLDS ? 'households' : name === SHEET_MEMBERS ? 'members' : null;
      if (kind) seen.add(name);
      for await (const row of sheet) {
        if (!kind || problems.length >= MAX_PROBLEMS) continue;
        const r = row as ExcelJS.Row;
        const values = r.values as unknown[];
        if (tooLongCell(name, r.number, values, problems)) continue;
        if (r.number < FIRST_DATA_ROW) {
          checkHeaders(name, kind === 'households' ? HOUSEHOLD_COLUMNS : MEMBER_COLUMNS, values, problems);
          continue;
        }
        const cells = rowCells(kind === 'households' ? HOUSEHOLD_COLUMNS : MEMBER_COLUMNS, values);
        if (isEmptyRow(cells)) continue;
        if (kind === 'households') {
          const h = parseHouseholdRow(r.number, cells, problems);
          if (h) households.push(h);
          else rejectedHouseholds.push(householdRefOf(r.number, cells));
        } else {
          const m = parseMemberRow(r.number, cells, problems);
          if (m) members.push(m);
          else memberRefs.push({ row: r.number, householdCode: cells.householdCode });
        }
        if (++rowsRead % 5000 === 0) onProgress?.(rowsRead);
      }
    }
  } catch (err) {
    problems.push({ message: `Không đọc được tệp Excel (.xlsx): ${err instanceof Error ? err.message : String(err)}` });
    return { households: [], members: [], rejectedHouseholds: [], problems };
  }
  for (const s of [SHEET_HOUSEHOLDS, SHEET_MEMBERS]) {
    if (!seen.has(s)) problems.push({ sheet: s, message: `Thiếu trang "${s}" (hãy dùng mẫu tải về từ hệ thống).` });
  }
  onProgress?.(rowsRead);
  // Checks across rows run on every row that names a household, so all problems come in one pass.
  // (Not when a sheet is missing or rows were skipped past the problem limit: that would be noise.)
  const byRow = <T extends { row: number }>(a: T, b: T) => a.row - b.row;
  if (seen.size === 2 && problems.length < MAX_PROBLEMS) {
    crossCheck([...households, ...rejectedHouseholds].sort(byRow), [...members, ...memberRefs].sort(byRow), problems);
  }
  return { households, members, rejectedHouseholds, problems: sortWorkbookProblems(problems).slice(0, MAX_PROBLEMS) };
}

function tooLongCell(sheet: string, row: number, values: unknown[], problems: Problem[]): boolean {
  const i = values.findIndex((v) => typeof v === 'string' && v.length > MAX_CELL_CHARS);
  if (i < 0) return false;
  problems.push({
    sheet,
    row,
    column: columnLetter(i),
    message: `Ô dài quá ${MAX_CELL_CHARS.toLocaleString('vi-VN')} ký tự.`,
  });
  return true;
}

function columnLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function checkHeaders(sheet: string, columns: ColumnSpec[], values: unknown[], problems: Problem[]) {
  columns.forEach((c, i) => {
    const got = String(values[i + 1] ?? '').trim();
    // A workbook made before a column was added has no header there: its values are unknown.
    if (got === '' && c.addedLater) return;
    if (got !== c.header)
      problems.push({
        sheet,
        row: 1,
        column: c.letter,
        message: `Tiêu đề cột phải là "${c.header}" (đang là "${got}").`,
      });
  });
}

/** Rows of the template prepared with formats and drop-down lists (a commune's households fit). */
export const TEMPLATE_ROWS = 5000;

/** Excel number formats: '@' is Text. */
function columnStyle(c: ColumnSpec): Partial<ExcelJS.Style> {
  const numFmt =
    c.kind === 'date'
      ? 'dd/mm/yyyy'
      : c.kind === 'id' || c.kind === 'code' || c.kind === 'choice' || c.kind === 'text'
        ? '@'
        : undefined;
  return { ...(numFmt ? { numFmt } : {}), protection: { locked: false } };
}

function choiceValidation(c: ColumnSpec): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: !c.required,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Giá trị không hợp lệ',
    error: `Chọn một giá trị trong danh sách: ${c.choices!.join('; ')}.`,
    formulae: [`"${c.choices!.join(',')}"`],
  };
}

const DATE_VALIDATION: ExcelJS.DataValidation = {
  type: 'date',
  operator: 'between',
  allowBlank: true,
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Ngày không hợp lệ',
  error: 'Nhập ngày dạng dd/mm/yyyy.',
  formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2199, 11, 31))],
};

export type CellInput = string | number | Date | null;

export interface TemplateRows {
  households?: CellInput[][];
  members?: CellInput[][];
  /**
   * Columns after the workbook's own on the households sheet (exports: this year's class); the importer ignores them.
   */
  householdExtras?: { header: string; width: number }[];
}

/**
 * A table as an Excel sheet for the export buttons: numbers stay numbers (integers "#,##0", others
 * "0.00"), dates are date cells shown dd/mm/yyyy; Excel then shows them with the user's regional
 * marks. Text is a text cell, never a formula.
 */
export async function writeTableWorkbook(
  out: Writable,
  sheetName: string,
  rows: Record<string, unknown>[],
  columns = rows.length ? Object.keys(rows[0]) : [],
) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  wb.creator = 'giamngheo';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c, key: c, width: Math.min(40, Math.max(10, c.length + 2)) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const r of rows) {
    const row = ws.addRow(
      columns.map((c) => {
        const v = r[c];
        return v === undefined ? null : typeof v === 'boolean' ? (v ? 'Có' : 'Không') : (v as ExcelJS.CellValue);
      }),
    );
    row.eachCell((cell) => {
      if (typeof cell.value === 'number') cell.numFmt = Number.isInteger(cell.value) ? '#,##0' : '0.00';
      else if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/**
 * Writes the review workbook: the two data sheets with Vietnamese headers and a guide listing
 * the indicators of the standard of the year. Optional rows fill the data sheets (exports, tests).
 */
export async function writeReviewWorkbook(
  out: Writable,
  info: { communeName: string; year: number; catalog: StandardCatalog },
  rows: TemplateRows = {},
) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  wb.creator = 'giamngheo';
  const sheet = async (
    name: string,
    columns: ColumnSpec[],
    data: CellInput[][] = [],
    extras: { header: string; width: number }[] = [],
  ) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    // Column styles reach the empty cells the officer fills: Text keeps leading zeros of IDs and
    // codes, Date makes Excel store a date; they stay unlocked under the sheet protection.
    ws.columns = [
      ...columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: columnStyle(c) })),
      ...extras.map((x, i) => ({ header: x.header, key: `extra${i}`, width: x.width })),
    ];
    const header = ws.getRow(1);
    header.eachCell(
      (cell) =>
        (cell.style = {
          font: { bold: true },
          alignment: { wrapText: true, vertical: 'top' },
          protection: { locked: true },
        }),
    );
    header.commit();
    // The streaming writer has the list of validations, its typings do not.
    const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
      .dataValidations;
    for (const c of columns) {
      const range = `${c.letter}${FIRST_DATA_ROW}:${c.letter}${TEMPLATE_ROWS}`;
      if (c.choices) validations.add(range, choiceValidation(c));
      else if (c.kind === 'date') validations.add(range, DATE_VALIDATION);
    }
    // Protects the headers (the importer reads columns by header); rows can be added, sorted, filtered.
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: true,
      deleteRows: true,
      sort: true,
      autoFilter: true,
    });
    for (const r of data) ws.addRow(r).commit();
    ws.commit();
  };
  await sheet(SHEET_HOUSEHOLDS, HOUSEHOLD_COLUMNS, rows.households, rows.householdExtras);
  await sheet(SHEET_MEMBERS, MEMBER_COLUMNS, rows.members);
  // The catalog the caller read from the database: a standard added there as data shows in the guide.
  const app = applicationForYear(info.catalog, info.year);
  const standard = app && findStandard(info.catalog, app.standardId);
  const guide = wb.addWorksheet(SHEET_GUIDE);
  guide.columns = [{ width: 10 }, { width: 40 }, { width: 90 }];
  const lines: (string | number)[][] = [
    [`Sổ kết quả rà soát hộ nghèo, hộ cận nghèo năm ${info.year}: ${info.communeName}`],
    [`Chuẩn áp dụng: ${standard ? `${standard.nameVi} (${standard.citation})` : 'chưa có chuẩn nghèo cho năm này'}`],
    // A province's own standard (classified next to the national one) is listed so the officer knows it exists.
    ...info.catalog.standards
      .filter((s) => s.local)
      .map((s) => [`Chuẩn của địa phương (phân loại kèm chuẩn quốc gia): ${s.nameVi} (${s.citation})`]),
    ['Mỗi hộ một dòng ở trang "Hộ gia đình"; mỗi thành viên một dòng ở trang "Thành viên" (cùng Mã hộ).'],
    ['Nhập điểm A (Phiếu B1) hoặc thu nhập bình quân đầu người; chỉ số thiếu hụt ghi theo mã, ví dụ: 1.1; 4.2; 6.1.'],
    ['Phân loại hộ do hệ thống tính theo chuẩn nghèo; không cần nhập.'],
    [
      'Nghề nghiệp của hộ: hộ có mức sống trung bình chỉ xác định cho hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp (QĐ 24/2021/QĐ-TTg, Điều 2); để trống nếu chưa rõ.',
    ],
    ['Không có khả năng lao động: ghi "Có" hoặc "Không"; để trống nếu chưa rõ (không mặc định).'],
    ['Số CCCD gồm 12 chữ số (CMND cũ: 9 chữ số); cột đã định dạng văn bản để giữ số 0 ở đầu. Ngày ghi dd/mm/yyyy.'],
    [],
    ['Cột', 'Giá trị được chọn (danh sách thả xuống trong cột)'],
    ...[
      [SHEET_HOUSEHOLDS, HOUSEHOLD_COLUMNS],
      [SHEET_MEMBERS, MEMBER_COLUMNS],
    ].flatMap(([sheetName, columns]) =>
      (columns as ColumnSpec[])
        .filter((c) => c.choices)
        .map((c) => [`${sheetName} ${c.letter}`, c.header, c.choices!.join('; ')]),
    ),
    [],
    ['Mã', 'Chỉ số', 'Hộ thiếu hụt khi (trạng thái xác minh)'],
    ...(standard?.indicators ?? []).map((i) => [
      i.code,
      `${i.dimensionVi}: ${i.nameVi}`,
      `${i.thresholdVi} (${i.status})`,
    ]),
  ];
  for (const l of lines) guide.addRow(l).commit();
  guide.commit();
  await wb.commit();
}
