/**
 * A table of an export button as a file officials open in Excel: .xlsx with real numbers and date
 * cells (the poverty module's table writer), or CSV for Excel under Vietnamese regional settings
 * (';' between fields, decimal comma, dd/mm/yyyy, BOM). Text that would run as a formula is neutralised.
 */
import { PassThrough } from 'node:stream';
import type { Context } from 'hono';
import { CSV_VI, neutraliseFormula, toCsv, type TabularRow } from '../domain/tabular';
import { writeTableWorkbook } from '../modules/poverty/excel';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day written YYYY-MM-DD becomes a date (a date cell; dd/mm/yyyy in CSV); other text gets the same
 * neutralisation as CSV: a cell an official types into later must not become a formula.
 */
const cellsOf = (rows: TabularRow[]) =>
  rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        typeof v !== 'string' ? v : ISO_DATE.test(v) ? new Date(`${v}T00:00:00Z`) : neutraliseFormula(v),
      ]),
    ),
  );

export async function tableXlsx(sheetName: string, rows: TabularRow[], columns?: string[]): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (d: Buffer) => chunks.push(d));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await writeTableWorkbook(out, sheetName, cellsOf(rows), columns);
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

export async function sendXlsx(c: Context, fileName: string, sheetName: string, rows: TabularRow[]) {
  const bytes = await tableXlsx(sheetName, rows);
  c.header('Content-Type', XLSX_TYPE);
  c.header('Content-Disposition', attachment(fileName));
  return c.body(bytes as Uint8Array<ArrayBuffer>);
}

export function sendCsvVi(c: Context, fileName: string, rows: TabularRow[]) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', attachment(fileName));
  return c.body(toCsv(cellsOf(rows), undefined, CSV_VI));
}
