/**
 * Excel files of the budget area: the allocation table as officials publish it, and the two imports
 * (criteria data per province; monthly disbursement reports). Readers check every cell and return
 * every problem by sheet/row/column; nothing is written by them.
 */
import ExcelJS from 'exceljs';
import { CRITERIA, CRITERIA_BY_CODE, SOURCES, SOURCE_LABEL_VI, type FundingSource } from '../../domain/budget';
import { formatDateVi } from '../../domain/text';
import type { Problem } from '../../errors';
import type { RunLine, RunSummary } from './contracts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CRITERIA_SHEET = 'Tiêu chí';
export const REPORT_SHEET = 'Giải ngân';
const REPORT_COLUMNS = ['Mã tỉnh', 'Dự án', 'Tiểu dự án', 'Nguồn vốn', 'Tháng', 'Số giải ngân (triệu đồng)'];

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
};
const cellNumber = (v: ExcelJS.CellValue): number | null => {
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && v && 'result' in v && typeof v.result === 'number') return v.result;
  const t = cellText(v).replace(/\./g, '').replace(',', '.');
  return t !== '' && /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};
const colLetter = (i: number) => String.fromCharCode(64 + i);

/** The allocation table: STT, province, points, amount in million VND, total row; numbers are real numbers. */
export async function allocationWorkbook(run: RunSummary, lines: RunLine[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'giamngheo';
  const ws = wb.addWorksheet('Phân bổ', {
    pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = `PHƯƠNG ÁN PHÂN BỔ VỐN: ${run.name.toUpperCase()}`;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A1').alignment = { horizontal: 'center', wrapText: true };
  ws.mergeCells('A2:D2');
  ws.getCell('A2').value =
    `Căn cứ: ${run.legalBasis}; bộ quy tắc "${run.rulebookName}" phiên bản ${run.rulebookVersion}; lập ngày ${formatDateVi(run.createdAt)}`;
  ws.getCell('A2').alignment = { horizontal: 'center', wrapText: true };
  ws.getCell('D3').value = 'Đơn vị: triệu đồng';
  ws.getCell('D3').font = { italic: true };
  const header = ws.getRow(4);
  header.values = ['STT', 'Tỉnh, thành phố', 'Số điểm', 'Số vốn phân bổ'];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  lines.forEach((l, i) => {
    const row = ws.addRow([i + 1, l.provinceName, l.points, l.amount / 1_000_000]);
    row.getCell(3).numFmt = '#,##0.###';
    row.getCell(4).numFmt = '#,##0';
  });
  const total = ws.addRow([
    '',
    'Tổng cộng',
    lines.reduce((s, l) => s + l.points, 0),
    lines.reduce((s, l) => s + l.amount, 0) / 1_000_000,
  ]);
  total.font = { bold: true };
  total.getCell(3).numFmt = '#,##0.###';
  total.getCell(4).numFmt = '#,##0';
  ws.columns.forEach((c, i) => (c.width = [6, 34, 14, 20][i]));
  for (let r = 4; r <= ws.rowCount; r++)
    for (let c = 1; c <= 4; c++)
      ws.getCell(r, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An empty criteria workbook: header "Mã tỉnh", "Tên tỉnh", then "label (code)" per criterion. */
export async function criteriaTemplate(codes: string[] = CRITERIA.map((c) => c.code)): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(CRITERIA_SHEET);
  ws.addRow(['Mã tỉnh', 'Tên tỉnh', ...codes.map((c) => `${CRITERIA_BY_CODE.get(c)?.labelVi ?? c} (${c})`)]);
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface CriteriaSheetRow {
  row: number;
  provinceCode: string;
  values: Record<string, number>;
}

/** Reads the criteria workbook; the criterion code of a column is in parentheses or the whole header. */
export async function readCriteriaWorkbook(
  data: ArrayBuffer | Buffer,
): Promise<{ rows: CriteriaSheetRow[]; problems: Problem[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  const ws = wb.getWorksheet(CRITERIA_SHEET) ?? wb.worksheets[0];
  const problems: Problem[] = [];
  const rows: CriteriaSheetRow[] = [];
  if (!ws) return { rows, problems: [{ message: 'Tệp không có trang tính nào.' }] };
  const sheet = ws.name;
  const headers: { col: number; code: string }[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    if (col <= 2) return;
    const text = cellText(cell.value);
    const code = text.match(/\(([a-z0-9_]+)\)\s*$/)?.[1] ?? text;
    if (!CRITERIA_BY_CODE.has(code))
      problems.push({
        sheet,
        row: 1,
        column: colLetter(col),
        message: `"${text}" không phải tiêu chí trong danh mục.`,
      });
    else headers.push({ col, code });
  });
  if (cellText(ws.getCell(1, 1).value) !== 'Mã tỉnh')
    problems.push({ sheet, row: 1, column: 'A', message: 'cột A phải có tiêu đề "Mã tỉnh".' });
  ws.eachRow((r, rowNo) => {
    if (rowNo === 1) return;
    const provinceCode = cellText(r.getCell(1).value).padStart(2, '0');
    if (!/^\d{2}$/.test(provinceCode))
      problems.push({
        sheet,
        row: rowNo,
        column: 'A',
        message: `mã tỉnh "${cellText(r.getCell(1).value)}" phải có 2 chữ số.`,
      });
    const values: Record<string, number> = {};
    for (const h of headers) {
      const raw = r.getCell(h.col).value;
      const n = cellNumber(raw);
      if (cellText(raw) === '')
        problems.push({ sheet, row: rowNo, column: colLetter(h.col), message: `thiếu giá trị "${h.code}".` });
      else if (n === null)
        problems.push({ sheet, row: rowNo, column: colLetter(h.col), message: `"${cellText(raw)}" không phải số.` });
      else if (n < 0)
        problems.push({ sheet, row: rowNo, column: colLetter(h.col), message: `giá trị không được âm (${n}).` });
      else values[h.code] = n;
    }
    rows.push({ row: rowNo, provinceCode, values });
  });
  if (rows.length === 0) problems.push({ sheet, message: 'tệp không có dòng dữ liệu tỉnh nào.' });
  return { rows, problems };
}

export interface ReportSheetRow {
  row: number;
  provinceCode: string;
  project: string;
  subProject: string;
  source: FundingSource;
  month: number;
  amount: number;
}

/** A disbursement report template. */
export async function reportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(REPORT_SHEET);
  ws.addRow(REPORT_COLUMNS);
  ws.getRow(1).font = { bold: true };
  const notes = wb.addWorksheet('Hướng dẫn');
  notes.addRow(['Nguồn vốn: ghi mã hoặc tên']);
  for (const s of SOURCES) notes.addRow([s, SOURCE_LABEL_VI[s]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads a monthly disbursement report (amounts in million VND, returned in đồng). */
export async function readReportWorkbook(
  data: ArrayBuffer | Buffer,
): Promise<{ rows: ReportSheetRow[]; problems: Problem[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  const ws = wb.getWorksheet(REPORT_SHEET) ?? wb.worksheets[0];
  const problems: Problem[] = [];
  const rows: ReportSheetRow[] = [];
  if (!ws) return { rows, problems: [{ message: 'Tệp không có trang tính nào.' }] };
  const sheet = ws.name;
  REPORT_COLUMNS.forEach((h, i) => {
    if (cellText(ws.getCell(1, i + 1).value) !== h)
      problems.push({ sheet, row: 1, column: colLetter(i + 1), message: `tiêu đề cột phải là "${h}".` });
  });
  const sourceOf = (t: string) => SOURCES.find((s) => s === t || SOURCE_LABEL_VI[s] === t);
  ws.eachRow((r, rowNo) => {
    if (rowNo === 1) return;
    const p = (column: string, message: string) => problems.push({ sheet, row: rowNo, column, message });
    const provinceCode = cellText(r.getCell(1).value).padStart(2, '0');
    if (!/^\d{2}$/.test(provinceCode)) p('A', 'mã tỉnh phải có 2 chữ số.');
    const project = cellText(r.getCell(2).value);
    if (!project) p('B', 'thiếu dự án.');
    const sourceText = cellText(r.getCell(4).value);
    const source = sourceOf(sourceText);
    if (!source) p('D', `nguồn vốn "${sourceText}" không hợp lệ.`);
    const month = cellNumber(r.getCell(5).value);
    if (month === null || !Number.isInteger(month) || month < 1 || month > 12) p('E', 'tháng phải từ 1 đến 12.');
    const amount = cellNumber(r.getCell(6).value);
    if (amount === null || amount <= 0) p('F', 'số giải ngân phải là số lớn hơn 0.');
    else if (!Number.isInteger(amount * 1_000_000))
      p('F', 'số giải ngân tính bằng triệu đồng, tối đa 6 chữ số thập phân.');
    if (source && month !== null && amount !== null) {
      rows.push({
        row: rowNo,
        provinceCode,
        project,
        subProject: cellText(r.getCell(3).value),
        source,
        month,
        amount: Math.round(amount * 1_000_000),
      });
    }
  });
  if (rows.length === 0 && problems.length === 0) problems.push({ sheet, message: 'tệp không có dòng báo cáo nào.' });
  return { rows, problems };
}
