/**
 * A period's report data as an Excel workbook (one row per expected unit, one column per field, real
 * numbers and dates, so it works under Vietnamese regional settings) and the reader of the same
 * layout: the exported file, filled in, is the import template.
 */
import ExcelJS from 'exceljs';
import type { FormDef } from '../../domain/results/forms';
import type { FigureRow } from './contracts';
import type { ExchangeProblem, ExchangeRow, Place } from '../../domain/results/exchange';
import { completeValues } from '../../domain/results/exchange';
import { cellText, parseAmount } from '../../domain/poverty/workbook';
import { neutraliseFormula } from '../../domain/tabular';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DATA_SHEET = 'Số liệu';
export const INFO_SHEET = 'Thông tin';
const UNIT = 'Mã đơn vị';
const INFO_COLUMNS = [UNIT, 'Đơn vị', 'Kỳ', 'Trạng thái', 'Ngày gửi'];

export interface SheetUnitRow {
  unitCode: string;
  unitName: string;
  state: string;
  submittedOn: string | null;
  values: Record<string, number | null>;
}

const colLetter = (i: number): string =>
  (i > 26 ? colLetter(Math.floor((i - 1) / 26)) : '') + String.fromCharCode(65 + ((i - 1) % 26));
const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();

export async function periodWorkbook(
  form: FormDef,
  period: { periodKey: string; labelVi: string; startsOn: string; endsOn: string; deadline: string },
  rows: SheetUnitRow[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'giamngheo';
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  ws.addRow([...INFO_COLUMNS, ...form.fields.map((f) => f.labelVi)]);
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (const r of rows) {
    const row = ws.addRow([
      r.unitCode,
      neutraliseFormula(r.unitName),
      period.periodKey,
      r.state,
      r.submittedOn ? new Date(`${r.submittedOn}T00:00:00Z`) : null,
      ...form.fields.map((f) => r.values[f.code] ?? null),
    ]);
    row.getCell(1).numFmt = '@';
    row.getCell(5).numFmt = 'dd/mm/yyyy';
    form.fields.forEach((f, i) => (row.getCell(INFO_COLUMNS.length + 1 + i).numFmt = f.integer ? '#,##0' : '#,##0.##'));
  }
  ws.columns.forEach((c, i) => (c.width = [12, 30, 9, 16, 12][i] ?? 16));
  const info = wb.addWorksheet(INFO_SHEET);
  info.addRows([
    ['Biểu', `${form.number}: ${form.nameVi}`],
    ['Mã biểu', form.code],
    ['Căn cứ', form.legalBasis],
    ['Kỳ', period.labelVi],
    ['Mã kỳ', period.periodKey],
    ['Từ ngày', new Date(`${period.startsOn}T00:00:00Z`)],
    ['Đến ngày', new Date(`${period.endsOn}T00:00:00Z`)],
    ['Hạn nộp', new Date(`${period.deadline}T00:00:00Z`)],
    [],
    ['Cách nhập lại', `Sửa hoặc điền các cột chỉ tiêu trên trang "${DATA_SHEET}", giữ nguyên tiêu đề và mã đơn vị.`],
    ['', 'Ô để trống là chưa có số liệu. Báo cáo đã gửi hoặc đã duyệt không sửa được bằng tệp.'],
    ['', 'Cả tệp được nhập hoặc không nhập gì: mọi lỗi được liệt kê theo trang, dòng, cột.'],
    [],
    ['Chỉ tiêu', 'Mã', 'Đơn vị tính'],
    ...form.fields.map((f) => [f.labelVi, f.code, f.unit]),
  ]);
  for (const r of [6, 7, 8]) info.getCell(r, 2).numFmt = 'dd/mm/yyyy';
  info.getColumn(1).width = 34;
  info.getColumn(2).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads the data sheet: every problem by sheet/row/column in one pass, and the rows it could read. */
export async function readPeriodWorkbook(
  data: ArrayBuffer | Buffer,
  form: FormDef,
  periodKey: string,
): Promise<{ rows: ExchangeRow[]; problems: ExchangeProblem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch {
    return { rows: [], problems: [{ message: 'Tệp không phải tệp Excel (.xlsx) đọc được.' }] };
  }
  const ws = wb.getWorksheet(DATA_SHEET);
  if (!ws) return { rows: [], problems: [{ message: `Tệp không có trang "${DATA_SHEET}".` }] };
  const sheet = ws.name;
  const problems: ExchangeProblem[] = [];
  const rows: ExchangeRow[] = [];
  const info = wb.getWorksheet(INFO_SHEET);
  if (info) {
    const code = cellText(info.getCell(2, 2).value);
    if (code && code !== form.code)
      problems.push({
        sheet: INFO_SHEET,
        row: 2,
        column: 'B',
        message: `tệp là số liệu của biểu "${code}", không phải ${form.number}.`,
      });
  }
  const byHeader = new Map<string, string>();
  for (const f of form.fields) {
    byHeader.set(norm(f.labelVi), f.code);
    byHeader.set(norm(f.code), f.code);
  }
  const fieldCol = new Map<string, number>();
  let unitCol = 0;
  let periodCol = 0;
  const header = ws.getRow(1);
  for (let c = 1; c <= header.cellCount; c++) {
    const text = cellText(header.getCell(c).value);
    if (!text) continue;
    const code = byHeader.get(norm(text));
    if (norm(text) === norm(UNIT)) unitCol = c;
    else if (norm(text) === 'kỳ') periodCol = c;
    else if (code) {
      if (fieldCol.has(code)) problems.push({ sheet, row: 1, column: colLetter(c), message: `cột "${text}" bị lặp.` });
      else fieldCol.set(code, c);
    } else if (!INFO_COLUMNS.some((h) => norm(h) === norm(text)))
      problems.push({
        sheet,
        row: 1,
        column: colLetter(c),
        message: `cột "${text}" không phải chỉ tiêu của ${form.number}.`,
      });
  }
  if (!unitCol) problems.push({ sheet, row: 1, message: `thiếu cột "${UNIT}".` });
  for (const f of form.fields)
    if (!fieldCol.has(f.code)) problems.push({ sheet, row: 1, message: `thiếu cột chỉ tiêu "${f.labelVi}".` });
  if (!unitCol) return { rows, problems };
  const codeLength = form.unitLevel === 'commune' ? 5 : 2;
  ws.eachRow((r, rowNo) => {
    if (rowNo === 1) return;
    const at = (c: number): Place => ({ sheet, row: rowNo, column: colLetter(c) });
    const raw = r.getCell(unitCol).value;
    const unitCode = typeof raw === 'number' ? String(raw).padStart(codeLength, '0') : cellText(raw);
    const given = [...fieldCol.values()].some((c) => cellText(r.getCell(c).value) !== '');
    if (!unitCode) {
      if (given) problems.push({ ...at(unitCol), message: 'thiếu mã đơn vị.' });
      return;
    }
    if (periodCol) {
      const key = cellText(r.getCell(periodCol).value);
      if (key && key !== periodKey)
        problems.push({ ...at(periodCol), message: `dòng này là kỳ "${key}", không phải kỳ ${periodKey}.` });
    }
    const values: Record<string, number | null> = {};
    const cells: Record<string, Place> = {};
    const before = problems.length;
    for (const [code, c] of fieldCol) {
      cells[code] = at(c);
      const v = r.getCell(c).value;
      const n = v !== null && typeof v === 'object' && 'result' in v ? v.result : v;
      if (typeof n === 'number') values[code] = n;
      else {
        const text = cellText(n);
        if (text === '') values[code] = null;
        else {
          const parsed = parseAmount(text);
          if (parsed === null) problems.push({ ...at(c), message: `"${text}" không phải số.` });
          else values[code] = parsed;
        }
      }
    }
    rows.push({
      unitCode,
      values: completeValues(form, values),
      at: at(unitCol),
      cells,
      unreadable: problems.length > before,
    });
  });
  return { rows, problems };
}

const INDICATOR_VI: Record<string, string> = {
  poor: 'Tỷ lệ hộ nghèo (%)',
  near_poor: 'Tỷ lệ hộ cận nghèo (%)',
  multidim: 'Tỷ lệ nghèo đa chiều (%)',
};

/** The public figures (nation and regions), one row per year, area and indicator; rates and counts are numbers. */
export async function publicFiguresWorkbook(figures: FigureRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'giamngheo';
  const ws = wb.addWorksheet('Kết quả công bố');
  ws.addRow(['Năm', 'Mã vùng', 'Địa bàn', 'Chỉ tiêu', 'Tỷ lệ (%)', 'Số hộ', 'Nguồn']);
  ws.getRow(1).font = { bold: true };
  for (const f of figures) {
    const row = ws.addRow([
      f.year,
      f.areaCode,
      neutraliseFormula(f.areaName),
      INDICATOR_VI[f.indicator] ?? neutraliseFormula(f.indicator),
      f.ratePct,
      f.households,
      f.source ? neutraliseFormula(f.source) : null,
    ]);
    row.getCell(5).numFmt = '0.00';
    row.getCell(6).numFmt = '#,##0';
  }
  ws.columns.forEach((c, i) => (c.width = [8, 10, 36, 28, 10, 14, 60][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
