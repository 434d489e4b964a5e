/**
 * Budget "done when": the program owner loads criteria data, runs an allocation, changes one
 * coefficient in a scenario and sees the difference per province, exports the table; a province
 * officer reports a disbursement and sees the execution rate and counterpart compliance change.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/access/actor';
import { systemActor } from '../../src/modules/audit/audit';
import { createLine, setSupportRatio } from '../../src/modules/budget/service-execution';
import { createUser } from '../../src/modules/users/service';
import { startBrowserApp, type BrowserApp, type BrowserUser } from '../support/browser';

let app: BrowserApp;
let owner: BrowserUser;
let province: BrowserUser;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-browser-'));
const HEADER = [
  'Mã tỉnh',
  'Tên tỉnh',
  'ebkk_villages',
  'region3_communes',
  'region2_communes',
  'region1_communes',
  'other_communes',
];

async function criteriaFile(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiêu chí');
  for (const r of [HEADER, ...rows]) ws.addRow(r);
  const f = path.join(dir, `tieu-chi-${rows.length}.xlsx`);
  await wb.xlsx.writeFile(f);
  return f;
}

beforeAll(async () => {
  app = await startBrowserApp();
  const db = app.database.db;
  const oldHaNoi = (
    await db.one<{ id: string }>(
      `SELECT id FROM admin_unit WHERE level = 'province' AND code = '01' AND valid_from <= '2025-03-01' AND valid_to > '2025-03-01'`,
    )
  ).id;
  const newHaNoi = (
    await db.one<{ id: string }>(
      `SELECT id FROM admin_unit WHERE level = 'province' AND code = '01' AND valid_to IS NULL`,
    )
  ).id;
  owner = {
    username: 'b.owner',
    displayName: 'Lê Văn Chủ Quản',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'program_owner', agencyId: null, unitId: null }],
  };
  province = {
    username: 'b.ha-noi',
    displayName: 'Vũ Văn Tỉnh',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'province_officer', agencyId: null, unitId: newHaNoi }],
  };
  const created = await createUser(db, systemActor('test'), owner);
  await createUser(db, systemActor('test'), province);
  // Lines assigned to old Hà Nội for 2025 (central 1,000 m; local counterpart 40 m) and its support ratio.
  const actor: Actor = {
    userId: created.id,
    username: owner.username,
    displayName: owner.displayName,
    grants: owner.grants,
  };
  await createLine(db, actor, {
    year: 2025,
    unitId: oldHaNoi,
    project: 'DA1',
    subProject: '',
    source: 'central_investment',
    assigned: 1_000_000_000,
  });
  await createLine(db, actor, {
    year: 2025,
    unitId: oldHaNoi,
    project: 'DA1',
    subProject: '',
    source: 'local',
    assigned: 40_000_000,
  });
  await setSupportRatio(db, actor, { year: 2025, unitId: oldHaNoi, ratio: 0.75, source: 'Số liệu thử nghiệm' });
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('budget (browser)', () => {
  it('program owner: criteria → allocation → what-if → export; province officer: disbursement changes rate and compliance', async () => {
    const p = await app.newPage();
    await app.signIn(p, owner);
    await p.getByRole('navigation').getByRole('link', { name: 'Phân bổ vốn' }).click();
    await p.getByTestId('budget-allocation-page').waitFor();

    // Criteria data: a bad file lists every bad cell, then the good file is imported.
    await p.getByTestId('budget-criteria-name').fill('Số xã, thôn theo khu vực');
    await p.getByTestId('budget-criteria-asof').fill('01/08/2025');
    await p.getByTestId('budget-criteria-source').fill('Dữ liệu thử nghiệm');
    await p.getByTestId('budget-criteria-file').setInputFiles(
      await criteriaFile([
        ['04', 'Cao Bằng', 10, 'nhiều', 1, 0, 4],
        ['99', 'Không có', 0, 0, 0, 5, -1],
      ]),
    );
    await p.getByTestId('budget-criteria-submit').click();
    await p.getByTestId('budget-criteria-problems').waitFor();
    expect(await p.getByTestId('budget-criteria-problems').locator('tbody tr').count()).toBe(3);
    await p.getByTestId('budget-criteria-file').setInputFiles(
      await criteriaFile([
        ['04', 'Cao Bằng', 10, 2, 1, 0, 4],
        ['08', 'Tuyên Quang', 0, 0, 0, 5, 0],
      ]),
    );
    await p.getByTestId('budget-criteria-submit').click();
    await p.getByTestId('budget-criteria-result').waitFor();
    expect(await p.getByTestId('budget-criteria-result').textContent()).toBe('Đã nhập dữ liệu tiêu chí của 2 tỉnh.');

    // Run: the shipped 2026-2030 coefficient table (1 / 50 / 40 / 30 / 25): points 250 and 150; pool 1.000 million.
    await p.getByTestId('budget-run-name').fill('Thử phân bổ 2026');
    await p
      .getByTestId('budget-run-rulebook')
      .selectOption({ label: 'Chương trình MTQG 2026-2030 – hệ số theo đơn vị (phiên bản 1)' });
    await p.getByTestId('budget-run-set').selectOption({ index: 1 });
    await p.getByTestId('budget-run-pool').fill('1.000');
    await p.getByTestId('budget-run-submit').click();
    const table = p.getByTestId('budget-table');
    await table.waitFor();
    expect(await table.locator('tr[data-province="04"] td').nth(3).textContent()).toBe('625');
    expect(await table.locator('tr[data-province="08"] td').nth(3).textContent()).toBe('375');
    expect(await p.getByTestId('budget-table-total').textContent()).toBe('1.000');
    expect(await p.getByTestId('budget-coefficients').textContent()).toContain('đã xác minh');

    // What-if: region III communes 50 → 100 points; Cao Bằng gains what Tuyên Quang loses.
    await p.getByTestId('budget-whatif-criterion').selectOption('region3_communes');
    await p.getByTestId('budget-whatif-value').fill('100');
    await p.getByTestId('budget-whatif-submit').click();
    const cmp = p.getByTestId('budget-comparison');
    await cmp.waitFor();
    // points 350 / 150 → 700 / 300 million
    expect(
      await cmp.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-difference'))),
    ).toEqual(['75000000', '-75000000']);
    expect(await cmp.textContent()).toContain('+75');
    await app.screenshot(p, 'budget-allocation');

    // Export the table: a real workbook with numbers.
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('budget-export-xlsx').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    expect([wb.worksheets[0].getCell('D5').value, wb.worksheets[0].getCell('D7').value]).toEqual([625, 1000]);

    // Province officer of Hà Nội: the old province's lines, rate 0 and counterpart actual short, then a report.
    const o = await app.newPage();
    await app.signIn(o, province);
    await o.goto(`${app.baseUrl}/ngan-sach/thuc-hien`);
    const row = o.locator('[data-testid="budget-execution"] tr[data-province="01"]');
    await row.waitFor();
    expect(await row.getAttribute('data-rate')).toBe('0');
    expect(await row.getAttribute('data-compliance')).toBe('met'); // 40 m planned ≥ 3 % of 1.000 m
    expect(await row.getAttribute('data-actual-compliance')).toBe('short');
    // The map: recorded boundaries of 2025 are the 63 provinces of 1 January; only Hà Nội has lines (rate 0,
    // a value); the other provinces have none (no value, not 0).
    const map = o.getByTestId('budget-map');
    await expect.poll(() => map.getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    expect(await map.getAttribute('data-map-date')).toBe('2025-01-01');
    expect(await map.getAttribute('data-province-count')).toBe('63');
    expect(await map.getAttribute('data-rates')).toBe('01:0');
    expect(await map.getAttribute('data-off-map')).toBe('0'); // old Hà Nội is in force on the map's date
    await o.getByTestId('budget-report-line').selectOption({ label: 'Thành phố Hà Nội: DA1, Ngân sách địa phương' });
    await o.getByTestId('budget-report-month').selectOption('3');
    await o.getByTestId('budget-report-amount').fill('40');
    await o.getByTestId('budget-report-submit').click();
    await o.getByTestId('budget-report-ok').waitFor();
    await expect.poll(() => row.getAttribute('data-actual-compliance')).toBe('met');
    expect(Number(await row.getAttribute('data-rate'))).toBeCloseTo(40 / 1040, 6);
    // Hà Nội's rate once the map is drawn again (NaN while it is not, or when other provinces have a value).
    const mapRate = async () => {
      const rates = (await map.getAttribute('data-rates')) ?? '';
      return /^01:[\d.e-]+$/.test(rates) ? Number(rates.slice(3)) : NaN;
    };
    await expect.poll(mapRate, { timeout: 20_000 }).toBeCloseTo(40 / 1040, 9);
    await expect.poll(() => o.getByTestId('budget-trend').getAttribute('data-values')).toBe('0,0,40,0,0,0,0,0,0,0,0,0');
    // Above what was assigned: refused with the reason.
    await o.getByTestId('budget-report-amount').fill('1');
    await o.getByTestId('budget-report-submit').click();
    await o.getByText(/vượt số vốn được giao 40 triệu đồng/).waitFor();
    await app.screenshot(o, 'budget-execution');
    // Current boundaries: the 34 provinces; old Hà Nội rolls up into the new one (same code).
    await o.getByTestId('budget-boundaries').selectOption('current');
    await expect.poll(() => map.getAttribute('data-province-count'), { timeout: 20_000 }).toBe('34');
    await expect.poll(mapRate, { timeout: 20_000 }).toBeCloseTo(40 / 1040, 9);
    expect(await map.getAttribute('data-off-map')).toBe('0');
    expect(app.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
