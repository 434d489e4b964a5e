import ExcelJS from 'exceljs';
import { tryParseDeadline, formatDeadlineVi } from '../../domain/plan/deadline';
import { describeLateness } from '../../domain/plan/lateness';
import { formatDateVi } from '../../domain/text';
import type { PlanStatusRow } from './service';

/** The columns officials use in plan tables (bảng phân công nhiệm vụ). */
export const OFFICIAL_COLUMNS = [
  'STT',
  'Nội dung công việc',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời hạn',
  'Tiến độ',
  'Ghi chú',
] as const;

function deadlineCell(r: PlanStatusRow): string {
  if (!r.deadlineText) return 'Không nêu thời hạn';
  const p = tryParseDeadline(r.deadlineText);
  const text = p.ok ? formatDeadlineVi(p.deadline) : r.deadlineText;
  return r.deadlineVerified ? text : `${text} (chưa xác minh)`;
}

function progressCell(r: PlanStatusRow): string {
  const parts = [r.status === 'no_report' ? r.statusLabel : `${r.statusLabel} (${r.percent}%)`];
  if (r.submittedOn) parts.push(`trình ngày ${formatDateVi(r.submittedOn)}`);
  if (r.completedOn) parts.push(`ngày ${formatDateVi(r.completedOn)}`);
  if (r.instrument) parts.push(`văn bản ${r.instrument}`);
  if (r.assignments > 1) parts.push(`${r.assignments} cơ quan được giao`);
  return parts.join('; ');
}

function noteCell(r: PlanStatusRow, asOf: string): string {
  const parts: string[] = [];
  const lateness = describeLateness(r, formatDateVi(asOf));
  if (lateness) parts.push(lateness);
  if (r.overdueAssignments > 0 && r.assignments > 1) parts.push(`${r.overdueAssignments} cơ quan quá hạn (đã báo cáo)`);
  if (r.pastDueNoReportAssignments > 0 && r.assignments > 1)
    parts.push(`${r.pastDueNoReportAssignments} cơ quan quá hạn, chưa nhận được báo cáo`);
  if (r.basis) parts.push(`Căn cứ: ${r.basis}`);
  if (r.note) parts.push(r.note);
  return parts.join('. ');
}

/**
 * An .xlsx of plan rows in the officials' layout. With `split` (the overdue report), the rows late with a
 * report come first and the rows past due without any report follow under their own heading.
 */
export async function planWorkbook(
  rows: PlanStatusRow[],
  o: { title: string; asOf: string; split?: boolean },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'giamngheo';
  const ws = wb.addWorksheet('Kế hoạch', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const n = OFFICIAL_COLUMNS.length;
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).value = o.title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).value = `Tình hình đến ngày ${formatDateVi(o.asOf)}`;
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(4);
  OFFICIAL_COLUMNS.forEach((c, i) => (header.getCell(i + 1).value = c));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  [6, 60, 28, 28, 18, 30, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const groups: [string | null, PlanStatusRow[]][] = o.split
    ? [
        ['I. Chậm tiến độ (đã có báo cáo)', rows.filter((r) => !r.pastDueNoReport)],
        ['II. Quá hạn, chưa nhận được báo cáo (không tính số ngày chậm)', rows.filter((r) => r.pastDueNoReport)],
      ]
    : [[null, rows]];
  let line = 5;
  for (const [heading, items] of groups) {
    if (heading) {
      ws.mergeCells(line, 1, line, n);
      ws.getCell(line, 1).value = `${heading}: ${items.length}`;
      ws.getCell(line, 1).font = { bold: true };
      line++;
    }
    for (const r of items) {
      const row = ws.getRow(line++);
      row.values = [
        r.position,
        r.title,
        r.leadAgencyName,
        r.coordinators ?? '',
        deadlineCell(r),
        progressCell(r),
        noteCell(r, o.asOf),
      ];
      row.alignment = { vertical: 'top', wrapText: true };
    }
  }
  for (let r = 4; r < line; r++) {
    for (let c = 1; c <= n; c++) {
      ws.getCell(r, c).border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
