import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cellText,
  isEthnicMinority,
  parseAmount,
  parseDateVi,
  parseHouseholdRow,
  rowCells,
  HOUSEHOLD_COLUMNS,
} from '../../src/domain/poverty/workbook';
import type { Problem } from '../../src/errors';
import { readReviewWorkbook, writeReviewWorkbook } from '../../src/modules/poverty/excel';
import { NATIONAL_CATALOG } from '../../src/domain/poverty/standards';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poverty-wb-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cell rules', () => {
  it.each([
    ['01/02/2024', '2024-02-01'],
    ['1/2/2024', '2024-02-01'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', null],
    ['2024-02-01', null],
  ])('date %s → %s', (s, iso) => expect(parseDateVi(s)).toBe(iso));

  it.each([
    ['1.500.000', 1_500_000],
    ['1500000', 1_500_000],
    ['140', 140],
    ['140,5', 140.5],
    ['-3', null],
    ['một triệu', null],
  ])('amount %s → %s', (s, n) => expect(parseAmount(s)).toBe(n));

  it('Kinh is not an ethnic minority; every other group is (diacritics and case ignored)', () => {
    expect(isEthnicMinority('Kinh')).toBe(false);
    expect(isEthnicMinority(' KINH ')).toBe(false);
    expect(isEthnicMinority('Tày')).toBe(true);
    expect(isEthnicMinority("H'Mông")).toBe(true);
  });

  it('cell values of exceljs: rich text, formula results, dates', () => {
    expect(cellText({ richText: [{ text: 'Nông ' }, { text: 'thôn' }] })).toBe('Nông thôn');
    expect(cellText({ formula: 'A1', result: 140 })).toBe('140');
    expect(cellText(new Date(Date.UTC(2024, 11, 10)))).toBe('10/12/2024');
  });

  it('a household row accepts "Thành thị", "đô thị" and Vietnamese thousands separators', () => {
    const problems: Problem[] = [];
    const values = [
      undefined,
      'H1',
      'Nguyễn Văn A',
      '',
      'Kinh',
      '',
      'đô thị',
      '',
      '2.100.000',
      '1.1;6.2',
      '',
      'hộ cận nghèo',
      '',
      '',
    ];
    const h = parseHouseholdRow(2, rowCells(HOUSEHOLD_COLUMNS, values), problems);
    expect(problems).toEqual([]);
    expect(h).toMatchObject({
      area: 'urban',
      income: 2_100_000,
      deprived: ['1.1', '6.2'],
      previousClass: 'near_poor',
      scoreA: null,
    });
  });
});

/**
 * exceljs 4.4's streaming reader splits UTF-8 letters at chunk boundaries (exceljs#2084); our reader
 * installs a streaming decoder. Thousands of Vietnamese names must come back byte for byte.
 */
describe('Vietnamese text survives the streaming reader', () => {
  it('5,000 households with diacritics round-trip exactly', async () => {
    const names = Array.from({ length: 5000 }, (_, i) => `Nguyễn Thị Phương Thảo Đặng Ước Ỷ ${i}`);
    const file = path.join(dir, 'vi.xlsx');
    const out = fs.createWriteStream(file);
    await writeReviewWorkbook(
      out,
      { communeName: 'Xã Ẳng Nưa', year: 2024, catalog: NATIONAL_CATALOG },
      {
        households: names.map((n, i) => [
          `H${i}`,
          n,
          null,
          'Thái',
          'Bản Nà Ngần',
          'Nông thôn',
          120,
          null,
          '1.1',
          null,
          null,
          null,
          null,
        ]),
        members: names.map((n, i) => [`H${i}`, n, 'Chủ hộ', null, 'Nữ', null, 'Thái']),
      },
    );
    await finished(out);
    const parsed = await readReviewWorkbook(file);
    expect(parsed.problems).toEqual([]);
    expect(parsed.households.map((h) => h.headName)).toEqual(names);
    expect(parsed.members.every((m) => m.sex === 'Nữ')).toBe(true);
    expect(parsed.households.every((h) => h.village === 'Bản Nà Ngần' && h.area === 'rural')).toBe(true);
  });

  it('a small workbook read 60 times always yields both named sheets (unzipper early-end fix)', async () => {
    const file = path.join(dir, 'small.xlsx');
    const out = fs.createWriteStream(file);
    await writeReviewWorkbook(
      out,
      { communeName: 'Xã thử', year: 2024, catalog: NATIONAL_CATALOG },
      {
        households: [['H1', 'Lê Văn Tám', null, 'Kinh', null, 'Nông thôn', 100, null, '', null, null, null, null]],
        members: [['H1', 'Lê Văn Tám', 'Chủ hộ', null, null, null, null]],
      },
    );
    await finished(out);
    for (let i = 0; i < 60; i++) {
      const parsed = await readReviewWorkbook(file);
      expect(parsed.problems).toEqual([]);
      expect(parsed.households).toHaveLength(1);
    }
  });

  it('a file that is not a workbook is one readable problem, not a crash', async () => {
    const file = path.join(dir, 'not.xlsx');
    fs.writeFileSync(file, 'không phải excel');
    const parsed = await readReviewWorkbook(file);
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems[0].message).toMatch(/Excel|Thiếu trang/);
  });
});

describe('columns added later: occupation (N) and no labour capacity (O)', () => {
  it('are read when present and unknown (null, never a default) when a workbook made before them lacks them', async () => {
    // A workbook of the first template: 13 columns, headers A..M only.
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const old = wb.addWorksheet('Hộ gia đình');
    old.addRow(HOUSEHOLD_COLUMNS.filter((c) => !c.addedLater).map((c) => c.header));
    old.addRow(['H1', 'Nguyễn Văn A', null, 'Kinh', null, 'Nông thôn', 120, null, '1.1', null, null, null, null]);
    const members = wb.addWorksheet('Thành viên');
    members.addRow([
      'Mã hộ',
      'Họ và tên',
      'Quan hệ với chủ hộ',
      'Ngày sinh (dd/mm/yyyy)',
      'Giới tính (Nam/Nữ)',
      'Số CCCD',
      'Dân tộc',
    ]);
    members.addRow(['H1', 'Nguyễn Văn A', 'Chủ hộ']);
    const file = path.join(dir, 'old-template.xlsx');
    await wb.xlsx.writeFile(file);
    const parsed = await readReviewWorkbook(file);
    expect(parsed.problems).toEqual([]);
    expect(parsed.households[0]).toMatchObject({ code: 'H1', occupation: null, noLabourCapacity: null });
  });

  it('parses the values and reports a bad one by its column', () => {
    const cells = (n: string, o: string) =>
      rowCells(HOUSEHOLD_COLUMNS, [
        null,
        'H1',
        'A',
        null,
        'Kinh',
        null,
        'Nông thôn',
        120,
        null,
        '',
        null,
        null,
        null,
        null,
        n,
        o,
      ]);
    const problems: Problem[] = [];
    expect(parseHouseholdRow(2, cells('Diêm nghiệp', 'Có'), problems)).toMatchObject({
      occupation: 'salt',
      noLabourCapacity: true,
    });
    expect(parseHouseholdRow(2, cells('lâm nghiệp', 'không'), problems)).toMatchObject({
      occupation: 'forestry',
      noLabourCapacity: false,
    });
    expect(problems).toEqual([]);
    expect(parseHouseholdRow(3, cells('Buôn bán', 'Có lẽ'), problems)).toBeNull();
    expect(problems.map((p) => `${p.column}${p.row}`)).toEqual(['N3', 'O3']);
    expect(problems[0].message).toMatch(/Nông nghiệp.*Lâm nghiệp.*Ngư nghiệp.*Diêm nghiệp.*Khác/);
  });
});
