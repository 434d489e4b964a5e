/**
 * The review template as an official meets it: downloaded, filled in Excel (which stores typed
 * dates as date cells and typed ID numbers as numbers), saved, imported; and opened in LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  columnText,
  HOUSEHOLD_COLUMNS,
  idFromNumber,
  MEMBER_COLUMNS,
  PREVIOUS_CLASS_CHOICES,
  SHEET_GUIDE,
  SHEET_HOUSEHOLDS,
  SHEET_MEMBERS,
} from '../../src/domain/poverty/workbook';
import { readReviewWorkbook, writeReviewWorkbook, type TemplateRows } from '../../src/modules/poverty/excel';
import { NATIONAL_CATALOG } from '../../src/domain/poverty/standards';
import { parseWorkbookIsolated, withImportDir } from '../../src/modules/poverty/import-isolation';
import { indicatorProblems } from '../../src/modules/poverty/service';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poverty-filled-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function template(name: string, rows: TemplateRows = {}): Promise<string> {
  const file = path.join(dir, name);
  const out = fs.createWriteStream(file);
  await writeReviewWorkbook(out, { communeName: 'Xã thử', year: 2025, catalog: NATIONAL_CATALOG }, rows);
  await finished(out);
  return file;
}

/** Opens the template and types values as Excel stores them, then saves it (as the officer would). */
async function fillAsExcel(
  name: string,
  households: ExcelJS.CellValue[][],
  members: ExcelJS.CellValue[][],
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await template(`${name}.template.xlsx`));
  const put = (sheet: string, rows: ExcelJS.CellValue[][]) => {
    const ws = wb.getWorksheet(sheet)!;
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        const cell = ws.getCell(i + 2, j + 1);
        cell.value = v;
        // Excel turns a typed date into a date cell with a date format.
        if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      }),
    );
  };
  put(SHEET_HOUSEHOLDS, households);
  put(SHEET_MEMBERS, members);
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/** exceljs keeps a sheet's validations; its typings do not list them. */
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { find(address: string): ExcelJS.DataValidation | undefined } }).dataValidations;

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('the template survives Excel', () => {
  it('has Text and Date formats, drop-down lists for every coded column, protected headers and the allowed values in the guide', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await template('plain.xlsx'));
    const hh = wb.getWorksheet(SHEET_HOUSEHOLDS)!;
    expect(hh.getCell('A2').numFmt).toBe('@'); // household code
    expect(hh.getCell('C2').numFmt).toBe('@'); // citizen ID
    expect(hh.getCell('M2').numFmt).toBe('dd/mm/yyyy');
    expect(hh.getCell('C2').protection?.locked).toBe(false);
    expect(hh.getCell('C1').protection?.locked).not.toBe(false);
    expect((hh as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    for (const c of HOUSEHOLD_COLUMNS.filter((x) => x.choices)) {
      const dv = validations(hh).find(`${c.letter}2`);
      expect(dv?.type, c.header).toBe('list');
      expect(dv?.formulae[0]).toBe(`"${c.choices!.join(',')}"`);
    }
    expect(validations(hh).find('K3')?.formulae[0]).toBe('"Hộ nghèo,Hộ cận nghèo,Hộ có mức sống trung bình,Không"');
    const mem = wb.getWorksheet(SHEET_MEMBERS)!;
    expect(mem.getCell('F2').numFmt).toBe('@');
    expect(mem.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(validations(mem).find('E2')?.formulae[0]).toBe('"Nam,Nữ"');
    expect(MEMBER_COLUMNS.filter((c) => c.choices).map((c) => c.letter)).toEqual(['E']);
    const guide: string[] = [];
    wb.getWorksheet(SHEET_GUIDE)!.eachRow((r) => guide.push((r.values as unknown[]).slice(1).join(' | ')));
    const line = guide.find((l) => l.includes('Phân loại năm trước'))!;
    expect(line).toContain(PREVIOUS_CLASS_CHOICES.join('; '));
    expect(guide.some((l) => l.includes('Nông nghiệp; Lâm nghiệp; Ngư nghiệp; Diêm nghiệp; Khác'))).toBe(true);
  });

  it('imports what Excel produces: date cells, numeric IDs and codes, padded text — in the security worker', async () => {
    const file = await fillAsExcel(
      'excel',
      [
        // code as a number, ID typed as a number (Excel dropped the leading zeros), decision date a date cell
        [
          1,
          '  Nguyễn Văn A ',
          12345678901,
          'Kinh',
          'Thôn 1',
          'Nông thôn',
          120,
          null,
          '1.1; 4.2',
          null,
          'Hộ nghèo',
          '12/QĐ-UBND',
          day(2025, 12, 20),
          'Nông nghiệp',
          'Không',
        ],
        [
          'H02',
          'Lò Thị B',
          '034123456789',
          'Thái',
          null,
          'Nông thôn',
          200,
          null,
          null,
          null,
          null,
          null,
          null,
          'Khác',
          null,
        ],
      ],
      [
        [1, 'Nguyễn Văn A', 'Chủ hộ', day(1980, 3, 15), 'Nam', 12345678901, 'Kinh'],
        [1, 'Trần Thị C', 'Vợ', day(1982, 11, 2), 'Nữ', 1234567890, 'Kinh'],
        ['H02', 'Lò Thị B', 'Chủ hộ', '05/06/1990', 'Nữ', 12345678, 'Thái'],
      ],
    );
    const parsed = await withImportDir((d) => parseWorkbookIsolated(file, d));
    expect(parsed.problems).toEqual([]);
    expect(parsed.households.map((h) => [h.code, h.headName, h.headIdNumber, h.decisionDate, h.previousClass])).toEqual(
      [
        ['1', 'Nguyễn Văn A', '012345678901', '2025-12-20', 'poor'],
        ['H02', 'Lò Thị B', '034123456789', null, null],
      ],
    );
    expect(parsed.members.map((m) => [m.householdCode, m.birthDate, m.idNumber])).toEqual([
      ['1', '1980-03-15', '012345678901'],
      ['1', '1982-11-02', '001234567890'],
      ['H02', '1990-06-05', '012345678'],
    ]);
  });

  it('a date cell read without its format (a serial number) is still a date; messages never show serials', () => {
    const m = HOUSEHOLD_COLUMNS.find((c) => c.key === 'decisionDate')!;
    expect(columnText(m, 45658)).toBe('01/01/2025');
    expect(columnText(m, 46001)).toBe('10/12/2025');
    expect(columnText(m, 46000.75)).toBe('09/12/2025');
    expect(columnText(m, day(2025, 12, 9))).toBe('09/12/2025');
    const id = HOUSEHOLD_COLUMNS.find((c) => c.key === 'headIdNumber')!;
    expect(columnText(id, 1234567890)).toBe('001234567890');
    expect(idFromNumber(123456789012)).toBe('123456789012');
    expect(idFromNumber(123456789)).toBe('123456789');
    expect(idFromNumber(12345)).toBe('12345');
    expect(columnText(HOUSEHOLD_COLUMNS[0], 7)).toBe('7');
  });

  it('reports every problem of a file in one pass: cell errors, duplicate codes, unknown indicators, members without a household', async () => {
    const file = await fillAsExcel(
      'errors',
      [
        ['H01', 'A', null, 'Kinh', null, 'Miền núi', 120, null, '9.9', null, null, null, '31/02/2025'],
        ['H01', 'B', null, 'Kinh', null, 'Nông thôn', 120, null, '1.1; 7.7'],
        ['H03', 'C', '12AB', 'Kinh', null, 'Nông thôn', 120],
      ],
      [
        ['H01', 'A', 'Chủ hộ'],
        ['H09', 'X', 'Chủ hộ'],
        ['H03', 'C', 'Chủ hộ', '15/13/1990'],
      ],
    );
    const parsed = await readReviewWorkbook(file);
    const all = [...parsed.problems, ...indicatorProblems(parsed.rejectedHouseholds, 2025)];
    const where = all.map((p) => `${p.sheet}!${p.column}${p.row}`).sort();
    expect(where).toEqual(
      [
        `${SHEET_HOUSEHOLDS}!A3`, // duplicate of row 2
        `${SHEET_HOUSEHOLDS}!C4`, // ID
        `${SHEET_HOUSEHOLDS}!F2`, // area
        `${SHEET_HOUSEHOLDS}!I2`, // unknown indicator on a row with other errors
        `${SHEET_HOUSEHOLDS}!M2`, // date
        `${SHEET_MEMBERS}!A3`, // member of no household
        `${SHEET_MEMBERS}!D4`, // birth date
      ].sort(),
    );
    expect(all.find((p) => p.column === 'M')!.message).toBe('Ngày "31/02/2025" không hợp lệ (dd/mm/yyyy).');
    expect(all.find((p) => p.column === 'I')!.message).toContain('9.9');
    // Row 3's unknown indicator (7.7) is reported by the classification of the valid rows.
    expect(parsed.households.map((h) => h.row)).toEqual([3]);
  });
});

function soffice(): string | null {
  for (const bin of ['soffice', 'libreoffice']) {
    try {
      execFileSync('which', [bin], { stdio: 'pipe' });
      return bin;
    } catch {
      /* not installed */
    }
  }
  return null;
}

describe('the template in LibreOffice', () => {
  const bin = soffice();
  // LibreOffice is a system package (apt-get install libreoffice-calc-nogui), not an npm dependency;
  // .ci/run installs it, so in CI a missing LibreOffice fails here instead of skipping.
  it.skipIf(!bin && !process.env.CI)(
    'converted headless to CSV keeps the leading zeros of ID numbers and household codes',
    async () => {
      const file = await template('lo.xlsx', {
        households: [['001', 'Nguyễn Văn A', '001234567890', 'Kinh', null, 'Nông thôn', 120]],
      });
      const profile = fs.mkdtempSync(path.join(dir, 'lo-profile-'));
      execFileSync(
        bin!,
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          dir,
          file,
        ],
        { stdio: 'pipe', timeout: 180_000 },
      );
      const csv = fs.readFileSync(path.join(dir, 'lo.csv'), 'utf8');
      expect(csv.split(/\r?\n/)[1]).toMatch(/^001,Nguyễn Văn A,001234567890,Kinh,,Nông thôn,120\b/);
    },
    200_000,
  );
});
