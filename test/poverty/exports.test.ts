/** Tables exported for Excel under Vietnamese regional settings (where ',' is the decimal mark). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_VI, toCsv } from '../../src/domain/tabular';
import { writeTableWorkbook } from '../../src/modules/poverty/excel';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poverty-exports-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rows = [
  {
    Mã: '01',
    'Đơn vị': 'Thành phố Hà Nội; nội thành',
    'Hộ nghèo': 1234,
    'Tỷ lệ nghèo (%)': 0.33,
    Ngày: new Date(Date.UTC(2025, 11, 20)),
    'Ghi chú': '=HYPERLINK("x")',
  },
  { Mã: '02', 'Đơn vị': 'Tuyên Quang', 'Hộ nghèo': -5, 'Tỷ lệ nghèo (%)': 12.5, Ngày: null, 'Ghi chú': '-1' },
];

describe('CSV for Vietnamese Excel', () => {
  it('uses ; between fields, a decimal comma, a BOM, quotes a ; inside text, and neutralises formulas', () => {
    const csv = toCsv(rows, undefined, CSV_VI);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFMã;Đơn vị;Hộ nghèo;Tỷ lệ nghèo (%);Ngày;Ghi chú',
      `01;"Thành phố Hà Nội; nội thành";1234;0,33;20/12/2025;"'=HYPERLINK(""x"")"`,
      "02;Tuyên Quang;-5;12,5;;'-1",
      '',
    ]);
  });

  it('the default stays RFC 4180 (the CLI and other exports are unchanged)', () => {
    expect(toCsv([{ a: 0.5, b: 'x,y' }])).toBe('a,b\r\n0.5,"x,y"\r\n');
  });
});

describe('xlsx tables', () => {
  it('numbers are number cells and dates are date cells', async () => {
    const file = path.join(dir, 't.xlsx');
    const out = fs.createWriteStream(file);
    await writeTableWorkbook(out, 'Tổng hợp 2025', rows);
    await finished(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Tổng hợp 2025')!;
    expect(ws.getCell('C2').value).toBe(1234);
    expect(ws.getCell('C2').numFmt).toBe('#,##0');
    expect(ws.getCell('D2').value).toBe(0.33);
    expect(ws.getCell('D2').numFmt).toBe('0.00');
    expect(ws.getCell('E2').value).toEqual(new Date(Date.UTC(2025, 11, 20)));
    expect(ws.getCell('E2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('A2').value).toBe('01');
    // Text is a text cell: never run as a formula.
    expect(ws.getCell('F2').value).toBe('=HYPERLINK("x")');
    expect(ws.getCell('F2').type).toBe(ExcelJS.ValueType.String);
  });
});
