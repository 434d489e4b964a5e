import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors';
import { writeReviewWorkbook, type TemplateRows } from '../../src/modules/poverty/excel';
import { NATIONAL_CATALOG } from '../../src/domain/poverty/standards';
import { cleanStaleImportDirs, parseWorkbookIsolated, withImportDir } from '../../src/modules/poverty/import-isolation';
import { findCommuneOn } from '../../src/modules/poverty/repo';
import { importReviewWorkbook } from '../../src/modules/poverty/service';
import { checkXlsxFile, XLSX_LIMITS } from '../../src/modules/poverty/xlsx-guard';
import { testDatabase, type TestDatabase } from '../support/db';
import { readZip, writeZip } from '../support/zip';

/** Hostile workbooks, generated here: zip bombs, hidden entries, huge cells, headers only, a memory-hungry parse. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gn-hostile-'));
const CLI = { system: 'kiểm thử' };
let t: TestDatabase;
let communeId: string;

const GOOD: TemplateRows = {
  households: [
    [
      'H001',
      'Nguyễn Văn An',
      '001090000001',
      'Kinh',
      'Thôn 1',
      'Nông thôn',
      140,
      null,
      '1.1; 2.2; 4.2',
      30,
      'Hộ nghèo',
      null,
      null,
    ],
  ],
  members: [['H001', 'Nguyễn Văn An', 'Chủ hộ', '01/02/1970', 'Nam', '001090000001', 'Kinh']],
};

async function workbook(name: string, rows: TemplateRows = {}): Promise<string> {
  const file = path.join(dir, name);
  const out = fs.createWriteStream(file);
  await writeReviewWorkbook(out, { communeName: 'Xã thử', year: 2024, catalog: NATIONAL_CATALOG }, rows);
  await finished(out);
  return file;
}

function save(name: string, zip: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, zip);
  return file;
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const importDirs = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`giamngheo-import-${process.pid}-`));

beforeAll(async () => {
  t = await testDatabase();
  communeId = (await findCommuneOn(t.db, '00004', '2024-12-14'))!.id;
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('zip check before parsing', () => {
  it('accepts a workbook written by the system', async () => {
    await expect(checkXlsxFile(await workbook('good.xlsx', GOOD))).resolves.toBeUndefined();
  });

  it('refuses an entry with an abnormal compression ratio (zip bomb)', async () => {
    const base = readZip(fs.readFileSync(await workbook('base.xlsx', GOOD)));
    const bomb = base.map((e) =>
      e.name === 'xl/sharedStrings.xml' || e.name.endsWith('sheet1.xml')
        ? { ...e, data: Buffer.concat([e.data, Buffer.alloc(20 * 1024 * 1024, 0x20)]) }
        : e,
    );
    const err = await refusal(checkXlsxFile(save('bomb.xlsx', writeZip(bomb))));
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/tỉ lệ nén bất thường/);
  });

  it('refuses a workbook whose total inflated size passes the limit, counting real bytes', async () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: Buffer.from(
        'x'.repeat(3 * 1024 * 1024).replace(/x/g, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))),
      ),
    }));
    const err = await refusal(
      checkXlsxFile(save('big.xlsx', writeZip(entries)), { ...XLSX_LIMITS, maxTotalBytes: 10 * 1024 * 1024 }),
    );
    expect(err.message).toMatch(/giải nén ra quá 10 MiB/);
  });

  it('refuses too many entries, too many shared strings, an entry hidden from the central directory, and a non-zip', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<a/>') }));
    expect((await refusal(checkXlsxFile(save('many.xlsx', writeZip(many))))).message).toMatch(/250 thành phần/);
    const strings = {
      name: 'xl/sharedStrings.xml',
      data: Buffer.from(`<sst>${'<si><t>a</t></si>'.repeat(2000)}</sst>`),
    };
    expect(
      (await refusal(checkXlsxFile(save('sst.xlsx', writeZip([strings])), { ...XLSX_LIMITS, maxSharedStrings: 1000 })))
        .message,
    ).toMatch(/chuỗi dùng chung/);
    const hidden = writeZip(
      [{ name: 'a.xml', data: Buffer.from('<a/>') }],
      [{ name: 'xl/worksheets/sheet9.xml', data: Buffer.alloc(1000) }],
    );
    expect((await refusal(checkXlsxFile(save('hidden.xlsx', hidden)))).message).toMatch(/dữ liệu ẩn/);
    expect((await refusal(checkXlsxFile(save('text.xlsx', Buffer.from('không phải zip'))))).message).toMatch(
      /không phải tệp Excel/,
    );
  });
});

describe('import of hostile workbooks', () => {
  it('a worker out of memory is a refusal, and this process lives on', async () => {
    const rows: TemplateRows = {
      households: Array.from({ length: 3000 }, (_, i) => [
        `H${i}`,
        `Người ${i} ${'x'.repeat(200)}`,
        null,
        'Kinh',
        'Thôn 1',
        'Nông thôn',
        140,
        null,
        '',
        null,
        null,
        null,
        null,
      ]),
    };
    const file = await workbook('hungry.xlsx', rows);
    const err = await withImportDir((d) =>
      refusal(parseWorkbookIsolated(file, d, undefined, { memoryMb: 4, timeoutMs: 60_000 })),
    );
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/bộ nhớ/);
    const parsed = await withImportDir((d) => parseWorkbookIsolated(file, d));
    expect(parsed.households).toHaveLength(3000);
  });

  it('a sheet before its relationships (temporary file) leaves no temporary directory, on success or failure', async () => {
    const entries = readZip(fs.readFileSync(await workbook('order.xlsx', GOOD)));
    const sheetsFirst = [
      ...entries.filter((e) => e.name.startsWith('xl/worksheets/')),
      ...entries.filter((e) => !e.name.startsWith('xl/worksheets/')),
    ];
    const file = save('sheets-first.xlsx', writeZip(sheetsFirst));
    const out = await importReviewWorkbook(t.db, CLI, {
      communeId,
      year: 2023,
      filePath: file,
      fileName: 'sheets-first.xlsx',
    });
    expect(out.households).toBe(1);
    expect(importDirs()).toEqual([]);
    const broken = save('broken.xlsx', writeZip(sheetsFirst.filter((e) => e.name !== 'xl/workbook.xml')));
    expect(
      (
        await refusal(
          importReviewWorkbook(t.db, CLI, { communeId, year: 2023, filePath: broken, fileName: 'broken.xlsx' }),
        )
      ).status,
    ).toBe(422);
    expect(importDirs()).toEqual([]);
  });

  it('a cell longer than Excel allows is reported by sheet, row and column', async () => {
    const file = await workbook('long.xlsx', {
      households: [
        ['H001', 'A'.repeat(40_000), null, 'Kinh', null, 'Nông thôn', 140, null, '', null, null, null, null],
      ],
    });
    const err = await refusal(
      importReviewWorkbook(t.db, CLI, { communeId, year: 2024, filePath: file, fileName: 'long.xlsx' }),
    );
    expect((err.details as { problems: unknown[] }).problems).toContainEqual({
      sheet: 'Hộ gia đình',
      row: 2,
      column: 'B',
      message: 'Ô dài quá 32.767 ký tự.',
    });
  });

  it('a headers-only workbook is refused unless the user confirms the commune has no household to list', async () => {
    await importReviewWorkbook(t.db, CLI, {
      communeId,
      year: 2024,
      filePath: await workbook('good2.xlsx', GOOD),
      fileName: 'good2.xlsx',
    });
    const before = await t.db.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM poverty_result WHERE year = 2024 AND commune_id = $1',
      [communeId],
    );
    expect(before.n).toBe(1);
    const empty = await workbook('empty.xlsx');
    const err = await refusal(
      importReviewWorkbook(t.db, CLI, { communeId, year: 2024, filePath: empty, fileName: 'empty.xlsx' }),
    );
    expect(err.status).toBe(422);
    expect(err.code).toBe('empty_workbook'); // the screen offers the confirmation on this code
    expect(err.message).toBe('Tệp không có hộ nào; chưa nhập dữ liệu nào.');
    expect(
      (
        await t.db.one<{ n: number }>(
          'SELECT count(*)::int AS n FROM poverty_result WHERE year = 2024 AND commune_id = $1',
          [communeId],
        )
      ).n,
    ).toBe(1);
    const out = await importReviewWorkbook(t.db, CLI, {
      communeId,
      year: 2024,
      filePath: empty,
      fileName: 'empty.xlsx',
      confirmEmpty: true,
    });
    expect(out.households).toBe(0);
    expect(
      (
        await t.db.one<{ n: number }>(
          'SELECT count(*)::int AS n FROM poverty_result WHERE year = 2024 AND commune_id = $1',
          [communeId],
        )
      ).n,
    ).toBe(0);
  });

  it('directories left by a dead process are removed at start, those of live processes are kept', () => {
    const dead = fs.mkdtempSync(path.join(os.tmpdir(), 'giamngheo-import-999999999-'));
    const live = fs.mkdtempSync(path.join(os.tmpdir(), `giamngheo-import-${process.ppid}-`));
    cleanStaleImportDirs();
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    fs.rmSync(live, { recursive: true });
  });
});
