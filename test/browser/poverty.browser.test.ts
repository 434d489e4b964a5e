/**
 * A commune officer imports a review workbook with errors and sees them listed by sheet, row and
 * column, fixes it, imports it, records the steps and approves it; the province officer approves it
 * at the province. Rates are over ALL resident households of the area (issue: "Today rate = poor /
 * households in the register … a commune that lists 6 suspected households and finds 2 poor shows
 * 33,33 %. The official rate divides by all resident households of the area"): until the commune
 * reports them the summary and the map show no rate ("chưa có số hộ dân cư"), then the rate and the
 * coverage (communes reporting / communes in force).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/audit/audit';
import { writeReviewWorkbook, type TemplateRows } from '../../src/modules/poverty/excel';
import { NATIONAL_CATALOG } from '../../src/domain/poverty/standards';
import { createUser } from '../../src/modules/users/service';
import { startBrowserApp, type BrowserApp, type BrowserUser } from '../support/browser';

let app: BrowserApp;
let commune: BrowserUser;
let province: BrowserUser;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poverty-browser-'));

async function workbook(name: string, rows: TemplateRows, year = 2025) {
  const file = path.join(dir, name);
  const out = fs.createWriteStream(file);
  await writeReviewWorkbook(out, { communeName: 'Phường Ba Đình', year, catalog: NATIONAL_CATALOG }, rows);
  await finished(out);
  return file;
}

const GOOD: TemplateRows = {
  households: [
    ['BD-01', 'Nguyễn Văn Bình', null, 'Kinh', 'Tổ 1', 'Thành thị', 170, null, '1.1; 2.2; 4.2', null, null, null, null],
    ['BD-02', 'Lò Thị Mai', null, 'Thái', 'Tổ 2', 'Thành thị', 160, null, '6.1', null, null, null, null],
    ['BD-03', 'Phạm Đức Anh', null, 'Kinh', 'Tổ 3', 'Thành thị', null, 4_000_000, '', null, null, null, null],
  ],
  members: [
    ['BD-01', 'Nguyễn Văn Bình', 'Chủ hộ', '02/09/1975', 'Nam', null, 'Kinh'],
    ['BD-02', 'Lò Thị Mai', 'Chủ hộ', null, 'Nữ', null, 'Thái'],
    ['BD-03', 'Phạm Đức Anh', 'Chủ hộ', null, 'Nam', null, 'Kinh'],
  ],
};
const BAD: TemplateRows = {
  households: [
    GOOD.households![0],
    ['BD-02', 'Lò Thị Mai', null, 'Thái', 'Tổ 2', 'Miền núi', 160, null, '6.1; 8.8', null, null, null, null],
    GOOD.households![2],
  ],
  members: [...GOOD.members!, ['BD-99', 'Không có hộ', 'Con', '31/02/2010', null, null, null]],
};

beforeAll(async () => {
  app = await startBrowserApp();
  const db = app.database.db;
  const unit = async (level: string, code: string) =>
    (
      await db.one<{ id: string }>(
        `SELECT id FROM admin_unit WHERE level = $1 AND code = $2 AND valid_to IS NULL ORDER BY valid_from DESC LIMIT 1`,
        [level, code],
      )
    ).id;
  commune = {
    username: 'b.ba-dinh',
    displayName: 'Đỗ Thị Xã',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'commune_officer', agencyId: null, unitId: await unit('commune', '00004') }],
  };
  province = {
    username: 'b.ha-noi',
    displayName: 'Vũ Văn Tỉnh',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'province_officer', agencyId: null, unitId: await unit('province', '01') }],
  };
  for (const u of [commune, province]) await createUser(db, systemActor('test'), u);
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('poverty review (browser)', () => {
  it('import with errors → fix → import → steps → commune and province approvals; the province rate appears', async () => {
    const p = await app.newPage();
    await app.signIn(p, province);
    await p.goto(`${app.baseUrl}/ho-ngheo?nam=2025`);
    await p.getByTestId('poverty-page').waitFor();
    await p.getByText('Chưa có kết quả rà soát nào cho năm này.').waitFor();

    const c = await app.newPage();
    await app.signIn(c, commune);
    await c.goto(`${app.baseUrl}/ho-ngheo?nam=2025`);
    await c.getByTestId('poverty-commune-panel').waitFor();
    // The panel names its commune; nothing can be approved before an import.
    expect(await c.getByTestId('poverty-commune-name').textContent()).toContain('Phường Ba Đình');
    await c.getByTestId('poverty-approve-after-import').waitFor();
    expect(await c.getByTestId('poverty-approve').count()).toBe(0);
    await c.getByTestId('poverty-file').setInputFiles(await workbook('bad.xlsx', BAD));
    await c.getByTestId('poverty-import').click();
    await c.getByTestId('poverty-import-problems').waitFor();
    const cells = await c
      .getByTestId('poverty-problem')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-cell')));
    expect(cells).toEqual(expect.arrayContaining(['Hộ gia đình!F3', 'Thành viên!D5']));
    expect(await c.getByTestId('poverty-import-problems').textContent()).toContain('Nông thôn');
    await app.screenshot(c, 'poverty-import-errors');

    await c.getByTestId('poverty-file').setInputFiles(await workbook('good.xlsx', GOOD));
    await c.getByTestId('poverty-import').click();
    await c.getByTestId('poverty-import-result').waitFor();
    expect(await c.getByTestId('poverty-import-result').textContent()).toContain('Đã nhập 3 hộ');
    await expect.poll(() => c.getByTestId('poverty-household-row').count()).toBe(3);

    for (const step of ['listing', 'survey', 'village_meeting', 'public_posting', 'recognition']) {
      await expect.poll(() => c.getByTestId('poverty-review').getAttribute('data-next-step')).toBe(step);
      await c.getByTestId('poverty-step-record').click();
    }
    await expect.poll(() => c.getByTestId('poverty-review').getAttribute('data-next-approver')).toBe('commune');
    await c.getByTestId('poverty-approve').click();
    await expect.poll(() => c.getByTestId('poverty-review').getAttribute('data-locked')).toBe('true');

    // The province officer: Hà Nội's recognised results (1 poor of 3 surveyed households) without a rate:
    // no resident households reported yet — never 1/3 = 33,33 %.
    await p.reload();
    const row = p.locator('[data-testid="poverty-summary-row"][data-code="01"]');
    await row.waitFor();
    expect(await row.getAttribute('data-registered')).toBe('3');
    expect(await row.getAttribute('data-households')).toBe('');
    expect(await row.getAttribute('data-poor-pct')).toBe('');
    expect(await row.getAttribute('data-official')).toBe('true'); // recognised by the commune chair
    expect(await row.textContent()).toContain('chưa có số hộ dân cư');
    // The commune's progress and the year's deadlines are visible to the province.
    expect(await p.getByTestId('poverty-progress-row').textContent()).toContain('Phường Ba Đình');
    // "Before 20/12" is due on 19/12 (one rule for "trước ngày X", docs/plan.md).
    expect(await p.getByTestId('poverty-deadlines').textContent()).toContain('19/12/2025');
    // The map shows no rate for Hà Nội either, and says why.
    await p.goto(`${app.baseUrl}/ban-do?ngay=2025-12-20&chiso=poor-rate`);
    const map = p.getByTestId('province-map');
    await expect.poll(() => map.getAttribute('data-state')).toBe('ready');
    expect(await p.locator('[data-testid="map-table"] tr[data-code="01"] td.num').textContent()).toBe('—');
    expect(await p.locator('[data-testid="map-table"] tr[data-code="01"] td.note').textContent()).toBe(
      'chưa có số hộ dân cư (1 xã có kết quả)',
    );

    // The commune reports its resident households (the commune's Biểu tổng hợp).
    await c.getByTestId('poverty-resident-total').fill('1200');
    await c.getByTestId('poverty-resident-source').fill('Biểu tổng hợp số 01/BC-UBND ngày 15/12/2025');
    await c.getByTestId('poverty-resident-save').click();
    await expect.poll(() => c.getByTestId('poverty-resident').getAttribute('data-total')).toBe('1200');
    expect(await c.getByTestId('poverty-resident-current').textContent()).toContain('1.200 hộ dân cư');
    await app.screenshot(c, 'poverty-resident-households');

    // Now the rate is 1 / 1.200 = 0,08 %, with the coverage of the province.
    await p.goto(`${app.baseUrl}/ho-ngheo?nam=2025`);
    await row.waitFor();
    await expect.poll(() => row.getAttribute('data-poor-pct')).toBe('0.08');
    expect(await row.getAttribute('data-households')).toBe('1200');
    expect(await row.getAttribute('data-coverage')).toMatch(/^1\/\d+$/);
    await p.getByRole('combobox', { name: 'Xã, phường' }).fill('ba dinh');
    await p
      .getByRole('option', { name: /Phường Ba Đình/ })
      .first()
      .click();
    await p.getByTestId('poverty-commune-panel').waitFor();
    await expect.poll(() => p.getByTestId('poverty-review').getAttribute('data-next-approver')).toBe('province');
    await p.getByTestId('poverty-approve').click();
    await expect.poll(() => p.getByTestId('poverty-review').getAttribute('data-next-approver')).toBe('central');
    expect(
      await p.locator('[data-testid="poverty-approval"][data-level="province"]').getAttribute('data-approved'),
    ).not.toBe('');
    expect(await p.getByTestId('poverty-local-practice').textContent()).toContain('không phải quy định');
    await app.screenshot(p, 'poverty-province');
    // The map colours provinces by the official rate over resident households, with the coverage next to it.
    await p.goto(`${app.baseUrl}/ban-do?ngay=2025-12-20&chiso=poor-rate`);
    await expect.poll(() => map.getAttribute('data-state')).toBe('ready');
    expect(await map.getAttribute('data-indicator')).toBe('poor-rate');
    expect(await map.getAttribute('data-province-count')).toBe('34');
    expect(await p.locator('[data-testid="map-table"] tr[data-code="01"] td.num').textContent()).toBe('0,08');
    expect(await p.locator('[data-testid="map-table"] tr[data-code="01"] td.note').textContent()).toMatch(
      /^1\/\d+ xã đã báo cáo$/,
    );
    expect(await p.locator('[data-testid="map-table"] tr[data-code="04"] td.num').textContent()).toBe('—');
    expect(app.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });

  it('a province officer sees all its communes and only its communes; a commune outside is refused on the page', async () => {
    const db = app.database.db;
    const expected = await db.query<{ id: string; code: string }>(
      `SELECT c.id, c.code FROM admin_unit c JOIN admin_unit p ON p.id = c.province_id
       WHERE c.level = 'commune' AND c.valid_from <= '2025-12-14' AND (c.valid_to IS NULL OR c.valid_to > '2025-12-14') AND p.code = '01'`,
    );
    expect(expected.length).toBeGreaterThan(100);
    const p = await app.newPage();
    await app.signIn(p, province);
    await p.goto(`${app.baseUrl}/ho-ngheo?nam=2025`);
    const rows = p.getByTestId('poverty-scope-commune');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(expected.length);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-commune')));
    expect(new Set(shown)).toEqual(new Set(expected.map((e) => e.id)));
    // The picker offers the same communes, nothing of another province.
    await p.getByRole('combobox', { name: 'Xã, phường' }).fill('an');
    const listbox = p.getByRole('listbox', { name: 'Xã, phường' });
    await listbox.getByRole('option').first().waitFor();
    const options = await listbox
      .getByRole('option')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code') ?? ''));
    expect(options.length).toBeGreaterThan(0);
    const codes = new Set(expected.map((e) => e.code));
    expect(options.filter((code) => !codes.has(code))).toEqual([]);
    await p.getByRole('combobox', { name: 'Xã, phường' }).press('Escape');
    const other = await db.one<{ id: string }>(
      `SELECT c.id FROM admin_unit c JOIN admin_unit p ON p.id = c.province_id
       WHERE c.level = 'commune' AND c.valid_to IS NULL AND p.code = '79' ORDER BY c.code LIMIT 1`,
    );
    // Each row is a link that opens the commune's panel.
    await rows.first().getByTestId('poverty-scope-link').click();
    await p.getByTestId('poverty-commune-panel').waitFor();
    expect(await p.getByTestId('poverty-commune-panel').getAttribute('data-commune')).toBe(shown[0]);
    // A commune of Hồ Chí Minh City: refused with a Vietnamese message, no panel.
    await p.goto(`${app.baseUrl}/ho-ngheo?nam=2025&xa=${encodeURIComponent(other.id)}`);
    await p.getByTestId('poverty-out-of-scope').waitFor();
    expect(await p.getByTestId('poverty-out-of-scope').textContent()).toContain('ngoài phạm vi');
    expect(await p.getByTestId('poverty-commune-panel').count()).toBe(0);
    // The server refuses it too.
    const res = await p.request.get(
      `${app.baseUrl}/api/poverty/communes/${encodeURIComponent(other.id)}/households?year=2025`,
    );
    expect(res.status()).toBe(403);
    // The page opens on the review year in progress, not a fixed year.
    await p.goto(`${app.baseUrl}/ho-ngheo`);
    const { currentReviewYear } = await import('../../src/domain/poverty/scope');
    const { todayInVietnam } = await import('../../src/domain/text');
    await expect
      .poll(() => p.getByTestId('poverty-year').inputValue())
      .toBe(String(currentReviewYear(todayInVietnam())));
  });

  it('a headers-only workbook on a phone: refused, then imported only once the empty commune is confirmed', async () => {
    const c = await app.newPage();
    await c.setViewportSize({ width: 390, height: 844 });
    await app.signIn(c, commune);
    await c.goto(`${app.baseUrl}/ho-ngheo?nam=2026`);
    await c.getByTestId('poverty-commune-panel').waitFor();
    const sent: string[] = [];
    c.on('request', (r) => r.method() === 'POST' && r.url().includes('/import') && sent.push(new URL(r.url()).search));
    expect(await c.getByTestId('poverty-confirm-empty').count()).toBe(0);
    await c.getByTestId('poverty-file').setInputFiles(await workbook('empty.xlsx', {}, 2026));
    await c.getByTestId('poverty-import').click();
    await c.getByTestId('poverty-import-problems').waitFor();
    expect(await c.getByTestId('poverty-import-problems').textContent()).toContain('không có dòng dữ liệu');
    const box = c.getByTestId('poverty-confirm-empty');
    await box.waitFor();
    const label = c.locator('label.confirm-check');
    expect(await label.textContent()).toBe('Xã không có hộ nào thuộc diện rà soát — xác nhận nhập tệp trống');
    // on a 390 px phone the confirmation wraps inside the screen; the box is big enough for a finger
    const labelBox = (await label.boundingBox())!;
    expect(labelBox.x + labelBox.width).toBeLessThanOrEqual(390);
    expect((await box.boundingBox())!.width).toBeGreaterThanOrEqual(20);
    expect(await c.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await app.screenshot(c, 'poverty-import-empty-confirm');
    // not ticked: sent again without the confirmation, refused again, nothing imported
    await c.getByTestId('poverty-import').click();
    await expect.poll(() => sent.length).toBe(2);
    await box.waitFor();
    await box.check();
    await c.getByTestId('poverty-import').click();
    await c.getByTestId('poverty-import-result').waitFor();
    expect(await c.getByTestId('poverty-import-result').textContent()).toContain('Đã nhập 0 hộ');
    expect(sent).toEqual(['?year=2026', '?year=2026', '?year=2026&confirmEmpty=true']);
    expect(await c.getByTestId('poverty-confirm-empty').count()).toBe(0);
  });
});
