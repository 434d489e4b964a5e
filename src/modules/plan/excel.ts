import ExcelJS from 'exceljs';
import { tryParseDeadline, formatDeadlineVi } from '../../domain/plan/deadline';
import { formatDateVi } from '../../domain/text';
import type { PlanStatusRow } from './service';

/** The columns officials use in plan tables (bảng phân công nhiệm vụ). */
export const OFFICIAL_COLUMNS = ['STT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn', 'Tiến độ', 'Ghi chú'] as const;

function deadlineCell(r: PlanStatusRow): string {
  if (!r.deadlineText) return 'Không nêu thời hạn';
  const p = tryParseDeadline(r.deadlineText);
  const text = p.ok ? formatDeadlineVi(p.deadline) : r.deadlineText;
  return r.deadlineVerified ? text : `${text} (chưa xác minh)`;
}

function progressCell(r: PlanStatusRow): string {
  const parts = [`${r.statusLabel} (${r.percent}%)`];
  if (r.completedOn) parts.push(`ngày ${formatDateVi(r.completedOn)}`);
  if (r.instrument) parts.push(`văn bản ${r.instrument}`);
  if (r.assignments > 1) parts.push(`${r.assignments} cơ quan được giao`);
  return parts.join('; ');
}

function noteCell(r: PlanStatusRow, asOf: string): string {
  const parts: string[] = [];
  if (r.daysLate > 0) parts.push(r.status === 'completed' ? `Hoàn thành chậm ${r.daysLate} ngày` : `Quá hạn ${r.daysLate} ngày (tính đến ${formatDateVi(asOf)})`);
  if (r.overdueAssignments > 0 && r.assignments > 1) parts.push(`${r.overdueAssignments} cơ quan quá hạn`);
  if (r.note) parts.push(r.note);
  return parts.join('. ');
}

/** An .xlsx of plan rows in the officials' layout. */
export async function planWorkbook(rows: PlanStatusRow[], o: { title: string; asOf: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'giamngheo';
  const ws = wb.addWorksheet('Kế hoạch', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.mergeCells(1, 1, 1, OFFICIAL_COLUMNS.length);
  ws.getCell(1, 1).value = o.title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, OFFICIAL_COLUMNS.length);
  ws.getCell(2, 1).value = `Tình hình đến ngày ${formatDateVi(o.asOf)}`;
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(4);
  OFFICIAL_COLUMNS.forEach((c, i) => (header.getCell(i + 1).value = c));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  [6, 60, 28, 28, 18, 30, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  rows.forEach((r, i) => {
    const row = ws.getRow(5 + i);
    row.values = [r.position, r.title, r.leadAgencyName, r.coordinators ?? '', deadlineCell(r), progressCell(r), noteCell(r, o.asOf)];
    row.alignment = { vertical: 'top', wrapText: true };
  });
  for (let r = 4; r < 5 + rows.length; r++) {
    for (let c = 1; c <= OFFICIAL_COLUMNS.length; c++) {
      ws.getCell(r, c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
