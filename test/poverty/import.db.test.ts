import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors';
import type { Actor } from '../../src/modules/access/actor';
import { writeReviewWorkbook, type TemplateRows } from '../../src/modules/poverty/excel';
import { NATIONAL_CATALOG } from '../../src/domain/poverty/standards';
import {
  approveReview,
  communeHouseholdList,
  exportPoorLists,
  importParsed,
  importReviewWorkbook,
  povertySummary,
  recordReviewStep,
  returnReview,
} from '../../src/modules/poverty/service';
import { findCommuneOn } from '../../src/modules/poverty/repo';
import { testDatabase, type TestDatabase } from '../support/db';

let t: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poverty-import-'));
const CLI = { system: 'kiểm thử' };

async function workbook(name: string, rows: TemplateRows, year = 2024): Promise<string> {
  const file = path.join(dir, name);
  const out = fs.createWriteStream(file);
  await writeReviewWorkbook(out, { communeName: 'Xã thử', year, catalog: NATIONAL_CATALOG }, rows);
  await finished(out);
  return file;
}

// Households: code, head, CCCD, ethnicity, village, area, A, income, deprived, B, previous class, decision no, decision
// date,
// occupation, no labour capacity (the last two: columns N, O added later; older rows without them stay importable)
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
      '12/QĐ-UBND',
      '10/12/2024',
    ],
    [
      'H002',
      'Lò Thị Bình',
      '001090000002',
      'Thái',
      'Thôn 2',
      'Nông thôn',
      120,
      null,
      '3.1',
      null,
      'Hộ nghèo',
      null,
      null,
    ],
    [
      'H003',
      'Trần Văn Cường',
      null,
      'Kinh',
      'Tổ 3',
      'Thành thị',
      null,
      2_500_000,
      '',
      null,
      'Hộ cận nghèo',
      null,
      null,
      'Ngư nghiệp',
      'Không',
    ],
    [
      'H004',
      'Hà Văn Dũng',
      null,
      'Tày',
      'Thôn 1',
      'Nông thôn',
      130,
      null,
      '1.1;1.2;2.1;5.2',
      null,
      'Hộ cận nghèo',
      null,
      null,
      'Khác',
      'Có',
    ],
  ],
  members: [
    ['H001', 'Nguyễn Văn An', 'Chủ hộ', '01/02/1970', 'Nam', '001090000001', 'Kinh'],
    ['H001', 'Nguyễn Thị Hoa', 'Vợ', '03/04/1975', 'Nữ', null, 'Kinh'],
    ['H002', 'Lò Thị Bình', 'Chủ hộ', '05/06/1980', 'Nữ', null, 'Thái'],
    ['H003', 'Trần Văn Cường', 'Chủ hộ', null, 'Nam', null, 'Kinh'],
    ['H004', 'Hà Văn Dũng', 'Chủ hộ', null, 'Nam', null, 'Tày'],
  ],
};

let communeId: string;
let provinceId: string;

beforeAll(async () => {
  t = await testDatabase();
  const c = await findCommuneOn(t.db, '00004', '2024-12-14');
  communeId = c!.id;
  provinceId = c!.provinceId;
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

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

describe('import of a commune review workbook', () => {
  it('reports every bad cell by sheet, row and column in Vietnamese and writes nothing', async () => {
    const bad: TemplateRows = {
      households: [
        ['H001', 'Nguyễn Văn An', '123', 'Kinh', null, 'Miền núi', 140, null, '1.1', null, null, null, '31/02/2024'],
        ['H002', '', null, 'Kinh', null, 'Nông thôn', null, null, '', null, 'Giàu', null, null],
        ['H003', 'Trần Văn Cường', null, 'Kinh', null, 'Nông thôn', 100, null, '1.1; 9.9', null, null, null, null],
        ['H003', 'Trùng mã', null, 'Kinh', null, 'Nông thôn', 100, null, '', null, null, null, null],
      ],
      members: [
        ['H001', 'Nguyễn Văn An', 'Chủ hộ', '1970-01-01', 'Ông', null, 'Kinh'],
        ['H999', 'Không có hộ', 'Chủ hộ', null, null, null, null],
      ],
    };
    const file = await workbook('bad.xlsx', bad);
    const err = await errorOf(
      importReviewWorkbook(t.db, CLI, { communeId, year: 2024, filePath: file, fileName: 'bad.xlsx' }),
    );
    expect(err.status).toBe(422);
    const problems = (err.details as { problems: { sheet: string; row: number; column: string; message: string }[] })
      .problems;
    const at = problems.map((p) => `${p.sheet}!${p.column}${p.row}`);
    expect(at).toEqual(
      expect.arrayContaining([
        'Hộ gia đình!C2',
        'Hộ gia đình!F2',
        'Hộ gia đình!M2',
        'Hộ gia đình!B3',
        'Hộ gia đình!G3',
        'Hộ gia đình!K3',
        'Thành viên!D2',
        'Thành viên!E2',
      ]),
    );
    expect(problems.find((p) => p.column === 'F' && p.row === 2)!.message).toMatch(/Nông thôn.*Thành thị/);
    expect(await t.db.one('SELECT count(*)::int AS n FROM poverty_household')).toEqual({ n: 0 });
  });

  it('cross-row problems and classification errors are reported together', async () => {
    const file = await workbook('bad2.xlsx', {
      households: [
        ['H1', 'A', null, 'Kinh', null, 'Nông thôn', 100, null, '1.1; 9.9', null, null, null, null],
        ['H1', 'B', null, 'Kinh', null, 'Nông thôn', 100, null, '', null, null, null, null],
        ['H2', 'C', null, 'Kinh', null, 'Nông thôn', 100, null, '', null, null, null, null],
      ],
      members: [
        ['H1', 'A', 'Chủ hộ', null, null, null, null],
        ['H9', 'X', 'Chủ hộ', null, null, null, null],
      ],
    });
    const err = await errorOf(
      importReviewWorkbook(t.db, CLI, { communeId, year: 2024, filePath: file, fileName: 'bad2.xlsx' }),
    );
    const problems = (err.details as { problems: { sheet: string; row: number; column: string; message: string }[] })
      .problems;
    expect(problems.map((p) => `${p.sheet}!${p.column}${p.row}`)).toEqual(
      expect.arrayContaining(['Hộ gia đình!A3', 'Thành viên!A3', 'Hộ gia đình!A4']),
    );
    expect(problems.some((p) => /trùng/.test(p.message))).toBe(true);
  });

  it('a valid file is classified by the standard of the year, aggregated, and audited', async () => {
    const file = await workbook('good.xlsx', GOOD);
    const out = await importReviewWorkbook(t.db, CLI, {
      communeCode: '00004',
      year: 2024,
      filePath: file,
      fileName: 'good.xlsx',
    });
    expect(out).toMatchObject({
      communeId,
      unchanged: false,
      households: 4,
      members: 5,
      classes: { poor: 2, near_poor: 1, average: 1, not_poor: 0 },
    });
    const agg = await t.db.query(
      `SELECT sum(households)::int households, sum(poor)::int poor, sum(near_poor)::int near_poor, sum(escaped_poor)::int escaped_poor, sum(relapsed)::int relapsed,
              sum(newly_poor)::int newly_poor, sum(escaped_near_poor)::int escaped_near_poor, sum(poor_no_labour)::int poor_no_labour,
              sum(near_poor_no_labour)::int near_poor_no_labour, sum(labour_unknown)::int labour_unknown
       FROM poverty_aggregate WHERE year = 2024 AND commune_id = $1`,
      [communeId],
    );
    // H001 poor→poor, H002 poor→near-poor (escaped), H003 near-poor→average (escaped near-poverty; a fishery household,
    // so
    // the band applies: QĐ 24/2021, Art. 2), H004 near-poor→poor: poor for the first time in the register = "nghèo phát
    // sinh",
    // not "tái nghèo" (which needs an earlier escape from poverty). H004 has no labour capacity; H001, H002 did not
    // report it.
    expect(agg[0]).toEqual({
      households: 4,
      poor: 2,
      near_poor: 1,
      escaped_poor: 1,
      relapsed: 0,
      newly_poor: 1,
      escaped_near_poor: 1,
      poor_no_labour: 1,
      near_poor_no_labour: 0,
      labour_unknown: 2,
    });
    const stored = await t.db.query(
      'SELECT occupation, no_labour_capacity FROM poverty_result WHERE year = 2024 ORDER BY household_id',
    );
    expect(stored).toEqual([
      { occupation: null, no_labour_capacity: null },
      { occupation: null, no_labour_capacity: null },
      { occupation: 'fishery', no_labour_capacity: false },
      { occupation: 'other', no_labour_capacity: true },
    ]);
    const a = await t.db.one<{ n: number }>(
      `SELECT count(*)::int n FROM audit_log WHERE action = 'poverty.import.create' AND unit_id = $1`,
      [communeId],
    );
    expect(a.n).toBe(1);
  });

  it('importing the same file again changes nothing', async () => {
    const file = await workbook('good.xlsx', GOOD);
    const before = await t.db.query('SELECT * FROM poverty_result ORDER BY household_id');
    const out = await importReviewWorkbook(t.db, CLI, { communeId, year: 2024, filePath: file, fileName: 'good.xlsx' });
    expect(out.unchanged).toBe(true);
    expect(await t.db.query('SELECT * FROM poverty_result ORDER BY household_id')).toEqual(before);
    expect(await t.db.one<{ n: number }>('SELECT count(*)::int n FROM poverty_import')).toEqual({ n: 1 });
  });

  it('a changed file replaces the commune results and the aggregates follow; the province summary changes', async () => {
    const s1 = await povertySummary(t.db, {
      year: 2024,
      level: 'province',
      boundaries: 'review',
      by: 'none',
      status: 'all',
    });
    const row1 = s1.rows.find((r) => r.unitId === provinceId)!;
    // No resident households reported: no rate (never poor / households in the register), provisional results.
    expect(row1).toMatchObject({
      registeredHouseholds: 4,
      households: null,
      poor: 2,
      poorRate: null,
      poorPct: null,
      official: false,
    });
    expect(row1.coverage.reporting).toBe(0);
    // Official figures count recognised results only: none yet.
    expect(
      (await povertySummary(t.db, { year: 2024, level: 'province', boundaries: 'review', by: 'none' })).rows,
    ).toEqual([]);
    const changed = {
      ...GOOD,
      households: GOOD.households!.map((h) =>
        h[0] === 'H002' ? [...h.slice(0, 8), '3.1; 4.1; 5.1', ...h.slice(9)] : h,
      ),
    };
    const out = await importReviewWorkbook(t.db, CLI, {
      communeId,
      year: 2024,
      filePath: await workbook('good-v2.xlsx', changed),
      fileName: 'good-v2.xlsx',
    });
    expect(out.classes.poor).toBe(3);
    const s2 = await povertySummary(t.db, {
      year: 2024,
      level: 'province',
      boundaries: 'review',
      by: 'none',
      status: 'all',
    });
    expect(s2.rows.find((r) => r.unitId === provinceId)).toMatchObject({
      registeredHouseholds: 4,
      poor: 3,
      escapedPoor: 0,
    });
  });

  it('summaries by region and nation, on review and current boundaries, by area type', async () => {
    const nation = await povertySummary(t.db, {
      year: 2024,
      level: 'nation',
      boundaries: 'review',
      by: 'area',
      status: 'all',
    });
    expect(nation.rows.map((r) => [r.part, r.registeredHouseholds])).toEqual([
      ['rural', 3],
      ['urban', 1],
    ]);
    const region = await povertySummary(t.db, {
      year: 2024,
      level: 'region',
      boundaries: 'review',
      by: 'none',
      status: 'all',
    });
    expect(region.rows).toHaveLength(1);
    expect(region.rows[0].name).toMatch(/Đồng bằng sông Hồng/);
    const current = await povertySummary(t.db, {
      year: 2024,
      level: 'province',
      boundaries: 'current',
      by: 'ethnicity',
      status: 'all',
    });
    expect(current.rows.every((r) => r.unitId.endsWith('2025-07-01') || r.unitId.startsWith('P:'))).toBe(true);
    expect(
      current.rows.reduce((s, r) => s + r.registeredHouseholds, 0) +
        current.unresolved.reduce((s, r) => s + r.registeredHouseholds, 0),
    ).toBe(4);
  });
});

describe('current boundaries: old provinces roll up into the new ones (admin-units.md §9)', () => {
  it('2024 results of a commune of old Hà Giang (02) appear under new Tuyên Quang (08) on current boundaries', async () => {
    const haGiang = await findCommuneOn(t.db, '00688', '2024-12-14'); // Phường Quang Trung, TP Hà Giang
    expect(haGiang!.provinceName).toMatch(/Hà Giang/);
    const file = await workbook('hg.xlsx', {
      households: [
        [
          'HG1',
          'Sùng Văn Pó',
          null,
          "H'Mông",
          'Thôn 1',
          'Nông thôn',
          90,
          null,
          '1.1; 2.1; 3.2; 4.1',
          null,
          null,
          null,
          null,
        ],
      ],
      members: [['HG1', 'Sùng Văn Pó', 'Chủ hộ', null, 'Nam', null, "H'Mông"]],
    });
    await importReviewWorkbook(t.db, CLI, { communeId: haGiang!.id, year: 2024, filePath: file, fileName: 'hg.xlsx' });
    const review = await povertySummary(t.db, {
      year: 2024,
      level: 'province',
      boundaries: 'review',
      by: 'ethnicity',
      status: 'all',
    });
    expect(review.rows.find((r) => r.code === '02' && r.part === 'minority')).toMatchObject({
      registeredHouseholds: 1,
      poor: 1,
    });
    const current = await povertySummary(t.db, {
      year: 2024,
      level: 'province',
      boundaries: 'current',
      by: 'none',
      status: 'all',
    });
    expect(current.rows.find((r) => r.code === '08')).toMatchObject({ registeredHouseholds: 1, poor: 1 });
    expect(current.rows.find((r) => r.code === '08')!.name).toMatch(/Tuyên Quang/);
    expect(current.rows.find((r) => r.code === '02')).toBeUndefined();
  });
});

describe('personal data scope and export audit', () => {
  it('the commune officer sees names; an officer of another province does not', async () => {
    const mine = officer('commune_officer', communeId);
    const list = await communeHouseholdList(t.db, mine, communeId, 2024);
    expect(list.households.map((h) => h.headName)).toContain('Nguyễn Văn An');
    const other = await t.db.one<{ id: string }>(
      `SELECT id FROM admin_unit WHERE level = 'province' AND code = '02' AND valid_to IS NOT NULL ORDER BY valid_from DESC LIMIT 1`,
    );
    const err = await errorOf(communeHouseholdList(t.db, officer('province_officer', other.id), communeId, 2024));
    expect(err.status).toBe(403);
  });

  it('an export of the poor lists is audited', async () => {
    const file = path.join(dir, 'export.xlsx');
    const out = fs.createWriteStream(file);
    await exportPoorLists(t.db, officer('commune_officer', communeId), communeId, 2024, out);
    await finished(out);
    const a = await t.db.one<{ n: number }>(
      `SELECT count(*)::int n FROM audit_log WHERE action = 'poverty.household.export'`,
    );
    expect(a.n).toBe(1);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  });
});

describe('review workflow: steps, approvals and locking', () => {
  it('steps in order, commune approval locks the import, the province returns it', async () => {
    const c = officer('commune_officer', communeId);
    for (const step of [
      'listing',
      'survey',
      'village_meeting',
      'public_posting',
      'district_consultation',
      'recognition',
    ] as const) {
      await recordReviewStep(t.db, c, communeId, 2024, { step, on: '2024-10-01' });
    }
    const err = await errorOf(approveReview(t.db, c, communeId, 2024, 'district', '2024-10-02'));
    expect(err.status).toBe(403);
    const v = await approveReview(t.db, c, communeId, 2024, 'commune', '2024-10-02');
    expect(v.locked).toBe(true);
    expect(v.nextApprover).toBe('district');
    const file = await workbook('good.xlsx', GOOD);
    expect(
      (await errorOf(importReviewWorkbook(t.db, c, { communeId, year: 2024, filePath: file, fileName: 'x.xlsx' })))
        .status,
    ).toBe(409);
    const back = await returnReview(t.db, officer('province_officer', provinceId), communeId, 2024, 'district');
    expect(back.locked).toBe(false);
  });
});

describe('re-import of a commune into the register (upsert path)', () => {
  // Households: code, head, CCCD, ethnicity, village, area, A, income, deprived, B, previous class, decision no,
  // decision date
  const book = (scoreA: number, deprived: string, previous: string, members: number): TemplateRows => ({
    households: [
      ['H001', 'Đặng Văn Em', null, 'Kinh', null, 'Nông thôn', scoreA, null, deprived, null, previous, null, null],
      ['H002', 'Vũ Thị Giang', null, 'Kinh', null, 'Nông thôn', 200, null, '', null, 'Không', null, null],
    ],
    members: [
      ['H001', 'Đặng Văn Em', 'Chủ hộ', null, 'Nam', null, 'Kinh'],
      ...(members > 1 ? [['H001', 'Đặng Thị Lan', 'Vợ', null, 'Nữ', null, 'Kinh']] : []),
      ['H002', 'Vũ Thị Giang', 'Chủ hộ', null, 'Nữ', null, 'Kinh'],
    ],
  });

  it("members are replaced, last year's class comes from the register before the workbook, and next year follows a re-import", async () => {
    const other = (await findCommuneOn(t.db, '00007', '2024-12-14'))!;
    expect(other.id).not.toBe(communeId);
    const run = async (year: number, rows: TemplateRows, name: string) =>
      importReviewWorkbook(t.db, CLI, {
        communeId: other.id,
        year,
        filePath: await workbook(name, rows, year),
        fileName: name,
      });
    const agg = (year: number) =>
      t.db.one<{ escaped_poor: number; escaped_near_poor: number; households: number }>(
        'SELECT sum(escaped_poor)::int escaped_poor, sum(escaped_near_poor)::int escaped_near_poor, sum(households)::int households FROM poverty_aggregate WHERE year = $1 AND commune_id = $2',
        [year, other.id],
      );
    const h001 = () =>
      t.db.one<{ id: number; members_count: number; members: number; previous_class: string }>(
        `SELECT h.id, h.members_count, (SELECT count(*)::int FROM poverty_member m WHERE m.province_id = h.province_id AND m.household_id = h.id) AS members,
                r.previous_class
         FROM poverty_household h JOIN poverty_result r ON r.province_id = h.province_id AND r.household_id = h.id AND r.year = 2024
         WHERE h.commune_id = $1 AND h.household_code = 'H001'`,
        [other.id],
      );

    // 2023: H001 poor (A 120, 3 deprivations).
    expect((await run(2023, book(120, '1.1; 2.1; 3.1', 'Hộ nghèo', 2), 'y2023.xlsx')).classes.poor).toBe(1);
    // 2024: H001 not poor; the workbook says "near-poor last year" but the register's 2023 record (poor) wins.
    await run(2024, book(200, '', 'Hộ cận nghèo', 2), 'y2024.xlsx');
    const first = await h001();
    expect(first).toMatchObject({ members_count: 2, members: 2, previous_class: 'poor' });
    expect(await agg(2024)).toEqual({ escaped_poor: 1, escaped_near_poor: 0, households: 2 });

    // 2024 again with one member less: same household row, members replaced (not added).
    await run(2024, book(200, '', 'Hộ cận nghèo', 1), 'y2024b.xlsx');
    expect(await h001()).toMatchObject({ id: first.id, members_count: 1, members: 1, previous_class: 'poor' });
    expect(await agg(2024)).toEqual({ escaped_poor: 1, escaped_near_poor: 0, households: 2 });

    // 2023 re-imported with H001 near-poor (A 130, 1 deprivation): 2024's last-year class and aggregates follow.
    await run(2023, book(130, '1.1', 'Hộ nghèo', 2), 'y2023b.xlsx');
    expect(await h001()).toMatchObject({ id: first.id, members_count: 2, members: 2, previous_class: 'near_poor' });
    expect(await agg(2024)).toEqual({ escaped_poor: 0, escaped_near_poor: 1, households: 2 });

    // "Tái nghèo" is a household that had escaped poverty and became poor again; poor for the first
    // time is "nghèo phát sinh" — from the register's history across years, not from last year alone.
    const transitions = (year: number) =>
      t.db.one(
        'SELECT sum(newly_poor)::int newly_poor, sum(relapsed)::int relapsed FROM poverty_aggregate WHERE year = $1 AND commune_id = $2',
        [year, other.id],
      );
    await run(2024, book(120, '1.1; 2.1; 3.1', 'Hộ cận nghèo', 2), 'y2024c.xlsx'); // 2023 near-poor → 2024 poor, never poor before
    expect(await transitions(2024)).toEqual({ newly_poor: 1, relapsed: 0 });
    await run(2022, book(120, '1.1; 2.1; 3.1', 'Hộ nghèo', 2), 'y2022.xlsx'); // the register learns H001 was poor in 2022
    // 2022 poor → 2023 near-poor (escaped poverty) → 2024 poor again: relapse; 2024's aggregates follow the 2022
    // import.
    expect(await transitions(2024)).toEqual({ newly_poor: 0, relapsed: 1 });
  });
});

describe('the commune of an import is checked once per file (no per-row foreign key)', () => {
  it('a commune that is not a commune of the given province is refused and nothing is written', async () => {
    const c = (await findCommuneOn(t.db, '00004', '2024-12-14'))!;
    const wrong = { ...c, provinceId: c.id }; // a commune id given as its own province
    const before = await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM poverty_household');
    const err = await t.db
      .tx((tx) =>
        importParsed(tx, CLI, 2031, [
          {
            commune: wrong,
            sha: 'wrong-province',
            fileName: 'x.xlsx',
            members: [],
            results: [],
            households: [],
          },
        ]),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(400);
    expect((err as AppError).details).toEqual({ communes: [c.id] });
    expect(await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM poverty_household')).toEqual(before);
  });
});
