/**
 * Poverty rates over ALL resident households of the area (tổng số hộ dân cư), not over the
 * households in the register. The example: "a commune that lists 6 suspected households and
 * finds 2 poor shows 33,33 %. The official rate (e.g. the 2022 national 4,03 %) divides by all
 * resident households of the area". Where the figure is missing the rate is null ("chưa có số hộ dân
 * cư"); summaries give coverage (communes reporting / communes in force) and official (recognised by
 * the commune chair, QĐ 24/2021/QĐ-TTg, Art. 4.4) or provisional results.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors';
import type { Actor } from '../../src/modules/access/actor';
import { writeReviewWorkbook, type TemplateRows } from '../../src/modules/poverty/excel';
import { NATIONAL_CATALOG } from '../../src/domain/poverty/standards';
import { findCommuneOn } from '../../src/modules/poverty/repo';
import { writeResidentTemplate } from '../../src/modules/poverty/resident-file';
import {
  importReviewWorkbook,
  povertySummary,
  recordReviewStep,
  summaryTableRows,
} from '../../src/modules/poverty/service';
import {
  importResidentFile,
  residentHouseholdsOf,
  setResidentHouseholds,
} from '../../src/modules/poverty/service/resident';
import { testDatabase, type TestDatabase } from '../support/db';

let t: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poverty-resident-'));
const CLI = { system: 'kiểm thử' };
let commune: { id: string; provinceId: string };
let communesInForce: number;

// Six surveyed households of Phường Ba Đình (urban), two of them poor (A ≤ 175 and ≥ 3 deprivations, TT 07/2021 Art.
// 2).
const SIX: TemplateRows = {
  households: [
    [
      'BD1',
      'Nguyễn Văn Một',
      null,
      'Kinh',
      'Tổ 1',
      'Thành thị',
      170,
      null,
      '1.1; 2.2; 4.2',
      null,
      null,
      null,
      null,
      'Khác',
      'Có',
    ],
    [
      'BD2',
      'Lò Thị Hai',
      null,
      'Thái',
      'Tổ 2',
      'Thành thị',
      160,
      null,
      '1.1; 3.1; 6.1',
      null,
      null,
      null,
      null,
      'Khác',
      'Không',
    ],
    ['BD3', 'Trần Văn Ba', null, 'Kinh', 'Tổ 3', 'Thành thị', 200, null, '', null, null, null, null],
    ['BD4', 'Phạm Thị Bốn', null, 'Kinh', 'Tổ 3', 'Thành thị', 210, null, '', null, null, null, null],
    ['BD5', 'Hoàng Văn Năm', null, 'Kinh', 'Tổ 4', 'Thành thị', 220, null, '4.1', null, null, null, null],
    ['BD6', 'Vũ Thị Sáu', null, 'Kinh', 'Tổ 4', 'Thành thị', 230, null, '', null, null, null, null],
  ],
  members: ['BD1', 'BD2', 'BD3', 'BD4', 'BD5', 'BD6'].map((c) => [c, `Chủ hộ ${c}`, 'Chủ hộ', null, null, null, null]),
};

async function workbook(name: string, rows: TemplateRows): Promise<string> {
  const file = path.join(dir, name);
  const out = fs.createWriteStream(file);
  await writeReviewWorkbook(out, { communeName: 'Phường Ba Đình', year: 2025, catalog: NATIONAL_CATALOG }, rows);
  await finished(out);
  return file;
}

const officer = (role: 'commune_officer' | 'province_officer', unitId: string): Actor => ({
  userId: 1,
  username: `${role}-test`,
  displayName: 'Cán bộ thử',
  grants: [{ role, unitId, agencyId: null }],
});

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const province = async (status: 'official' | 'all' = 'official') =>
  (await povertySummary(t.db, { year: 2025, level: 'province', boundaries: 'review', by: 'none', status })).rows.find(
    (r) => r.code === '01',
  );

const communeRows = async (status: 'official' | 'all' = 'official') =>
  (
    await povertySummary(t.db, {
      year: 2025,
      level: 'commune',
      boundaries: 'review',
      by: 'none',
      status,
      province: '01',
    })
  ).rows.map((r) => ({
    code: r.code,
    households: r.households,
    poor: r.poor,
    poorRate: r.poorRate,
    nearPoorRate: r.nearPoorRate,
  }));

beforeAll(async () => {
  t = await testDatabase();
  commune = (await findCommuneOn(t.db, '00004', '2025-12-14'))!;
  communesInForce = (
    await t.db.one<{ n: number }>(
      `SELECT count(*)::int n FROM admin_unit WHERE level = 'commune' AND province_id = $1 AND valid_from <= '2025-12-14' AND (valid_to IS NULL OR valid_to > '2025-12-14')`,
      [commune.provinceId],
    )
  ).n;
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('poverty rate over resident households', () => {
  it('6 surveyed, 2 poor, no resident households reported: no rate (not 33,33 %), results provisional until recognised', async () => {
    await importReviewWorkbook(t.db, CLI, {
      communeId: commune.id,
      year: 2025,
      filePath: await workbook('six.xlsx', SIX),
      fileName: 'six.xlsx',
    });
    const all = (await province('all'))!;
    expect(all).toMatchObject({
      registeredHouseholds: 6,
      poor: 2,
      households: null,
      poorRate: null,
      nearPoorRate: null,
      official: false,
      coverage: { reporting: 0, total: communesInForce },
      communesWithResults: 1,
      poorNoLabour: 1,
      labourUnknown: 0,
    });
    expect(summaryTableRows([all])[0]).toMatchObject({
      poorRate: 'chưa có số hộ dân cư',
      coverage: `0/${communesInForce}`,
    });
    // The drill-down of the overview lists the province's communes: the same null rate, on the commune's row.
    expect(await communeRows('all')).toEqual([
      { code: '00004', households: null, poor: 2, poorRate: null, nearPoorRate: null },
    ]);
    // Official figures count only recognised results: none yet.
    expect(await province()).toBeUndefined();
    expect(await communeRows()).toEqual([]);
    const noProvince = await errorOf(
      povertySummary(t.db, { year: 2025, level: 'commune', boundaries: 'review', by: 'none' }),
    );
    expect(noProvince.message).toBe('Tổng hợp theo xã cần mã tỉnh (province): mỗi lần xem các xã của một tỉnh.');
  });

  it('the commune reports 1.500 resident households (Biểu tổng hợp): rate = 2 / 1.500, audited with its history', async () => {
    const mine = officer('commune_officer', commune.id);
    const first = await setResidentHouseholds(t.db, mine, {
      communeId: commune.id,
      year: 2025,
      total: 1400,
      source: 'Biểu tổng hợp của UBND phường, bản nháp',
    });
    expect(first).toMatchObject({ total: 1400, recordedBy: 'commune_officer-test' });
    await setResidentHouseholds(t.db, mine, {
      communeId: commune.id,
      year: 2025,
      total: 1500,
      urban: 1500,
      rural: 0,
      ethnicMinority: 30,
      source: 'Biểu tổng hợp số 01/BC-UBND ngày 15/12/2025',
    });
    const all = (await province('all'))!;
    expect(all).toMatchObject({
      households: 1500,
      registeredHouseholds: 6,
      poor: 2,
      official: false,
      coverage: { reporting: 1, total: communesInForce },
    });
    expect(all.poorRate).toBeCloseTo((2 / 1500) * 100, 12); // 0,1333… %, not 33,33 %
    expect(all.poorPct).toBe(all.poorRate);
    expect(summaryTableRows([all])[0].poorRate).toBe('0.13');
    const [row] = await communeRows('all');
    expect(row.households).toBe(1500);
    expect(row.poorRate).toBeCloseTo((2 / 1500) * 100, 12);
    // History: who, when, old value; one audit row per change, in the same transaction.
    const view = await residentHouseholdsOf(t.db, mine, commune.id, 2025);
    expect(view.current).toMatchObject({ total: 1500, ethnicMinority: 30 });
    expect(view.history.map((h) => [h.total, h.source, h.recordedBy])).toEqual([
      [1500, 'Biểu tổng hợp số 01/BC-UBND ngày 15/12/2025', 'commune_officer-test'],
      [1400, 'Biểu tổng hợp của UBND phường, bản nháp', 'commune_officer-test'],
    ]);
    expect(view.can.edit).toBe(true);
    const audits = await t.db.query<{ before: { total: number } | null; after: { total: number } }>(
      `SELECT before, after FROM audit_log WHERE action = 'poverty.resident_households.set' AND unit_id = $1 ORDER BY id`,
      [commune.id],
    );
    expect(audits.map((a) => [a.before?.total ?? null, a.after.total])).toEqual([
      [null, 1400],
      [1400, 1500],
    ]);
  });

  it('by area and ethnicity: rates only where the commune reported the split', async () => {
    const byArea = await povertySummary(t.db, {
      year: 2025,
      level: 'province',
      boundaries: 'review',
      by: 'area',
      status: 'all',
    });
    const urban = byArea.rows.find((r) => r.code === '01' && r.part === 'urban')!;
    expect(urban).toMatchObject({ households: 1500, poor: 2 });
    expect(byArea.rows.find((r) => r.code === '01' && r.part === 'rural')).toMatchObject({
      households: 0,
      poor: 0,
      poorRate: null,
    });
    const byEthnicity = await povertySummary(t.db, {
      year: 2025,
      level: 'province',
      boundaries: 'review',
      by: 'ethnicity',
      status: 'all',
    });
    const minority = byEthnicity.rows.find((r) => r.code === '01' && r.part === 'minority')!;
    expect(minority).toMatchObject({ households: 30, poor: 1 }); // BD2 (Thái) is poor
    expect(minority.poorRate).toBeCloseTo((1 / 30) * 100, 12);
    expect(byEthnicity.rows.find((r) => r.code === '01' && r.part === 'kinh')).toMatchObject({
      households: 1470,
      poor: 1,
    });
  });

  it('recognition by the commune chair (QĐ 24/2021, Art. 4.4) makes the results official', async () => {
    const mine = officer('commune_officer', commune.id);
    for (const step of ['listing', 'survey', 'village_meeting', 'public_posting', 'recognition'] as const) {
      await recordReviewStep(t.db, mine, commune.id, 2025, { step, on: '2025-11-20' });
    }
    const official = (await province())!;
    expect(official).toMatchObject({
      official: true,
      households: 1500,
      poor: 2,
      coverage: { reporting: 1, total: communesInForce },
    });
    const nation = (await povertySummary(t.db, { year: 2025, level: 'nation', boundaries: 'review', by: 'none' }))
      .rows[0];
    expect(nation.coverage.reporting).toBe(1);
    expect(nation.coverage.total).toBeGreaterThan(3000); // 3.321 communes in force on 14/12/2025
  });

  it('invalid figures are refused with every problem; officers outside the commune are refused', async () => {
    const mine = officer('commune_officer', commune.id);
    const bad = await errorOf(
      setResidentHouseholds(t.db, mine, {
        communeId: commune.id,
        year: 2025,
        total: 100,
        urban: 60,
        rural: 30,
        ethnicMinority: 101,
        source: '',
      }),
    );
    expect(bad.status).toBe(422);
    expect((bad.details as { problems: { path: string }[] }).problems.map((p) => p.path)).toEqual([
      'body.urban',
      'body.ethnicMinority',
      'body.source',
    ]);
    const other = await t.db.one<{ id: string }>(
      `SELECT id FROM admin_unit WHERE level = 'commune' AND province_id = $1 AND id <> $2 AND valid_to IS NULL ORDER BY code LIMIT 1`,
      [commune.provinceId, commune.id],
    );
    expect(
      (
        await errorOf(
          setResidentHouseholds(t.db, officer('commune_officer', other.id), {
            communeId: commune.id,
            year: 2025,
            total: 10,
            source: 'x',
          }),
        )
      ).status,
    ).toBe(403);
    const byProvince = await setResidentHouseholds(t.db, officer('province_officer', commune.provinceId), {
      communeId: other.id,
      year: 2025,
      total: 900,
      source: 'Báo cáo của UBND phường',
    });
    expect(byProvince.total).toBe(900);
  });
});

describe('import of resident households (Excel, CSV): all or nothing, every problem by sheet/row/column', () => {
  it('a CSV with errors writes nothing and lists every bad cell', async () => {
    const file = path.join(dir, 'ho-dan-cu.csv');
    fs.writeFileSync(
      file,
      [
        'Mã xã,Tên xã,Tổng số hộ dân cư,Số hộ thành thị,Số hộ nông thôn,Số hộ dân tộc thiểu số,Nguồn số liệu',
        '00004,Phường Ba Đình,"1.600",,,,Biểu tổng hợp 02',
        '99999,Không có,100,,,,Báo cáo',
        '00008,Phường Ngọc Hà,abc,10,,,',
        '00004,Trùng,10,,,,Báo cáo',
      ].join('\n'),
    );
    const err = await errorOf(importResidentFile(t.db, CLI, { year: 2025, filePath: file, fileName: 'ho-dan-cu.csv' }));
    const cells = (err.details as { problems: { sheet: string; row: number; column: string }[] }).problems.map(
      (p) => `${p.sheet}!${p.column}${p.row}`,
    );
    expect(cells).toEqual(['ho-dan-cu.csv!C4', 'ho-dan-cu.csv!G4', 'ho-dan-cu.csv!A3']);
    expect((await residentHouseholdsOf(t.db, CLI, commune.id, 2025)).current!.total).toBe(1500);
  });

  it('a valid Excel file (from the template) is imported in one transaction, one audit row', async () => {
    const file = path.join(dir, 'ho-dan-cu.xlsx');
    const out = fs.createWriteStream(file);
    await writeResidentTemplate(out, [{ code: '00004', name: 'Phường Ba Đình' }]);
    await finished(out);
    // Fill the template's row as an officer would (columns C..G).
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Số hộ dân cư')!;
    ws.getRow(2).values = ['00004', 'Phường Ba Đình', 1510, 1510, 0, 31, 'Biểu tổng hợp số 02/BC-UBND'];
    ws.addRow(['00008', 'Phường Ngọc Hà', 905, null, null, null, 'Báo cáo của UBND phường']);
    await wb.xlsx.writeFile(file);
    const r = await importResidentFile(t.db, CLI, { year: 2025, filePath: file, fileName: 'ho-dan-cu.xlsx' });
    expect(r).toEqual({ year: 2025, communes: 2 });
    expect((await residentHouseholdsOf(t.db, CLI, commune.id, 2025)).current).toMatchObject({
      total: 1510,
      ethnicMinority: 31,
    });
    const a = await t.db.one<{ n: number }>(
      `SELECT count(*)::int n FROM audit_log WHERE action = 'poverty.resident_households.import'`,
    );
    expect(a.n).toBe(1);
  });
});
