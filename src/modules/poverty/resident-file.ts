/**
 * Reads a file of resident households (Excel sheet "Số hộ dân cư", or CSV with the same columns)
 * and checks every cell; nothing is resolved against the database here (see service/resident.ts).
 * The Excel side uses the same streaming reader as the review workbook (excel.ts).
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { checkXlsxFile } from './xlsx-guard';
import { parse } from 'csv-parse/sync';
import type { Problem } from '../../errors';
import {
  checkResidentHeaders,
  crossCheckResident,
  parseResidentRow,
  RESIDENT_COLUMNS,
  RESIDENT_SHEET,
  type ParsedResidentRow,
} from '../../domain/poverty/resident';
import { cellText } from '../../domain/poverty/workbook';
import { FixedWorkbookReader } from './exceljs-fixes';
import { MAX_PROBLEMS } from './excel';

export interface ParsedResidentFile {
  rows: ParsedResidentRow[];
  problems: Problem[];
}

/** `fileName` decides the format (.csv or .xlsx) and names a CSV file's "sheet" in problems. */
export async function readResidentFile(filePath: string, fileName: string): Promise<ParsedResidentFile> {
  return /\.csv$/i.test(fileName) ? readCsv(filePath, fileName) : readXlsx(filePath);
}

function finish(sheet: string, table: string[][], problems: Problem[]): ParsedResidentFile {
  const rows: ParsedResidentRow[] = [];
  problems.push(...checkResidentHeaders(sheet, table[0] ?? []));
  for (let i = 1; i < table.length && problems.length < MAX_PROBLEMS; i++) {
    const cells = table[i];
    if (cells.every((c) => c.trim() === '')) continue;
    const r = parseResidentRow(sheet, i + 1, cells, problems);
    if (r) rows.push(r);
  }
  if (!rows.length && !problems.length) problems.push({ sheet, message: 'Tệp không có dòng số liệu nào.' });
  if (!problems.length) crossCheckResident(sheet, rows, problems);
  return { rows, problems: problems.slice(0, MAX_PROBLEMS) };
}

function readCsv(filePath: string, fileName: string): ParsedResidentFile {
  try {
    const table = parse(fs.readFileSync(filePath, 'utf8'), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return finish(
      fileName,
      table.map((r) => r.map((c) => c.normalize('NFC'))),
      [],
    );
  } catch (err) {
    return {
      rows: [],
      problems: [
        { sheet: fileName, message: `Không đọc được tệp CSV: ${err instanceof Error ? err.message : String(err)}` },
      ],
    };
  }
}

async function readXlsx(filePath: string): Promise<ParsedResidentFile> {
  await checkXlsxFile(filePath); // the same zip checks as the review workbook before anything is inflated
  const table: string[][] = [];
  let found = false;
  const reader = new (FixedWorkbookReader as typeof ExcelJS.stream.xlsx.WorkbookReader)(filePath as never, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      for await (const row of sheet) {
        if (name !== RESIDENT_SHEET || table.length > 100_000) continue;
        found = true;
        const r = row as ExcelJS.Row;
        while (table.length < r.number - 1) table.push([]);
        table.push(RESIDENT_COLUMNS.map((_, i) => cellText((r.values as unknown[])[i + 1])));
      }
    }
  } catch (err) {
    return {
      rows: [],
      problems: [{ message: `Không đọc được tệp Excel (.xlsx): ${err instanceof Error ? err.message : String(err)}` }],
    };
  }
  if (!found)
    return {
      rows: [],
      problems: [
        { sheet: RESIDENT_SHEET, message: `Thiếu trang "${RESIDENT_SHEET}" (hãy dùng mẫu tải về từ hệ thống).` },
      ],
    };
  return finish(
    RESIDENT_SHEET,
    table.map((r) => RESIDENT_COLUMNS.map((_, i) => r[i] ?? '')),
    [],
  );
}

/** A blank file to fill in (one row per commune given, code and name filled). */
export async function writeResidentTemplate(
  out: NodeJS.WritableStream,
  communes: { code: string; name: string }[],
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as never, useSharedStrings: false, useStyles: true });
  const ws = wb.addWorksheet(RESIDENT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = RESIDENT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === 'source' ? 40 : c.key === 'communeName' ? 28 : 16,
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const c of communes) ws.addRow([c.code, c.name]).commit();
  ws.commit();
  await wb.commit();
}
