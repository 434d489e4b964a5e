/**
 * Results "done when": a commune officer enters a report that fails a rule, fixes and submits it; the
 * province officer approves it, opens its print view and downloads its PDF (national heading); the program owner's home
 * page changes, and the province's home counts the report; an anonymous visitor sees the public page with the figures
 * and no personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../src/domain/text';
import { systemActor } from '../../src/modules/audit/audit';
import { openPeriod } from '../../src/modules/results/service';
import { createUser } from '../../src/modules/users/service';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { pdfText } from '../support/pdf-text';
import { startBrowserApp, type BrowserApp, type BrowserUser } from '../support/browser';

let app: BrowserApp;
let commune: BrowserUser;
let province: BrowserUser;
let owner: BrowserUser;
let periodId: number;
let communeId: string;

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
  communeId = await unit('commune', '00004');
  commune = {
    username: 'b.xa',
    displayName: 'Đỗ Thị Xã',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'commune_officer', agencyId: null, unitId: communeId }],
  };
  province = {
    username: 'b.tinh',
    displayName: 'Vũ Văn Tỉnh',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'province_officer', agencyId: null, unitId: await unit('province', '01') }],
  };
  owner = {
    username: 'b.chu-quan',
    displayName: 'Lê Văn Chủ Quản',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'program_owner', agencyId: null, unitId: null }],
  };
  for (const u of [commune, province, owner]) await createUser(db, systemActor('test'), u);
  const today = todayInVietnam();
  const key = `${today.slice(0, 4)}S${Number(today.slice(5, 7)) <= 6 ? 1 : 2}`;
  periodId = (await openPeriod(db, { system: 'test' }, { form: 'TT10-BIEU-02', periodKey: key })).id;
}, 120_000);
afterAll(async () => {
  await app?.close();
});

describe('results (browser)', () => {
  it('anonymous visitor: the public page at / with targets, figures, poor areas and sources; no personal data', async () => {
    const p = await app.newPage();
    await p.goto(`${app.baseUrl}/`);
    await p.getByTestId('public-results').waitFor();
    await p.getByTestId('public-box').waitFor();
    await p.getByTestId('public-targets').waitFor();
    expect(await p.getByTestId('value-T1').textContent()).toBe('1,93%');
    const text = (await p.locator('main').textContent()) ?? '';
    expect(text).toContain('Trung du và miền núi phía Bắc');
    expect(text).toContain('Nghị quyết 24/2021/QH15');
    expect(text).toContain('Huyện nghèo giai đoạn 2021-2025');
    expect(text).not.toMatch(/Đỗ Thị Xã|Vũ Văn Tỉnh|CCCD/);
    // the choropleth: 63 provinces for 2024 (before the reform), coloured by region, saved as image and .xlsx
    await p.locator('[data-testid="public-map-frame"][data-state="ready"]').waitFor();
    expect(await p.getByTestId('public-map-frame').getAttribute('data-province-count')).toBe('63');
    expect(await p.getByTestId('public-map-note').textContent()).toContain('chưa được công bố chính thức');
    const [png] = await Promise.all([p.waitForEvent('download'), p.getByTestId('map-save-image').click()]);
    expect(png.suggestedFilename()).toBe('ty-le-ho-ngheo-theo-vung-2024.png');
    expect((await readFile((await png.path())!)).subarray(1, 4).toString('latin1')).toBe('PNG');
    const [xlsx] = await Promise.all([p.waitForEvent('download'), p.getByTestId('map-save-xlsx').click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    const rows: unknown[][] = [];
    book.worksheets[0].eachRow((r) =>
      rows.push([r.getCell(1).value, r.getCell(2).value, r.getCell(4).value, r.getCell(5).value]),
    );
    expect(rows).toContainEqual([2024, 'VN', 'Tỷ lệ hộ nghèo (%)', 1.93]);
    await app.screenshot(p, 'results-public');
  });

  it('commune → province → owner: rule failure, fix, submit, approve, print; the owner overview changes', async () => {
    const o = await app.newPage();
    await app.signIn(o, owner);
    await o.goto(`${app.baseUrl}/`);
    await o.getByTestId('overview-reporting').waitFor();
    expect(await o.getByTestId(`submitted-${periodId}`).textContent()).toBe('0');

    const c = await app.newPage();
    await c.setViewportSize({ width: 390, height: 844 });
    await app.signIn(c, commune);
    await c.goto(`${app.baseUrl}/bao-cao`);
    await c.getByTestId('my-report').click();
    await c.getByTestId('report').waitFor();
    await c.locator('[data-field="households"]').fill('100');
    await c.locator('[data-field="poor"]').fill('80');
    await c.locator('[data-field="near_poor"]').fill('30');
    await c.getByRole('button', { name: 'Lưu số liệu' }).click();
    await c.getByTestId('report-problems').waitFor();
    expect(await c.getByTestId('report-problems').textContent()).toContain(
      'Quy tắc "Số hộ nghèo và cận nghèo không vượt tổng số hộ" không đạt',
    );
    await app.screenshot(c, 'results-rule-failure');
    await c.locator('[data-field="near_poor"]').fill('10');
    await c.getByRole('button', { name: 'Lưu số liệu' }).click();
    await c.getByText('Đã lưu.').waitFor();
    await c.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await c.locator('[data-testid="report"][data-state="submitted"]').waitFor();
    expect(await c.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // the commune officer's home: the report owed this period, its state and deadline
    await c.goto(`${app.baseUrl}/`);
    await c.locator(`[data-testid="due-${periodId}"][data-state="submitted"]`).waitFor();
    expect(await c.getByTestId(`due-${periodId}`).textContent()).toMatch(
      /^Biểu số 02 — .+ \(Phường Ba Đình\): Đã gửi · hạn nộp \d\d\/\d\d\/\d{4} · Đúng hạn$/,
    );
    expect(await c.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const pr = await app.newPage();
    await app.signIn(pr, province);
    await pr.goto(`${app.baseUrl}/bao-cao`);
    await pr.locator(`[data-testid="period-reports"] tr[data-unit="00004"] a`).click();
    await pr.getByRole('button', { name: 'Phê duyệt' }).click();
    await pr.locator('[data-testid="report"][data-state="approved"]').waitFor();
    await pr.getByTestId('print-link').click();
    await pr.getByTestId('print-view').waitFor();
    const doc = (await pr.getByTestId('print-view').textContent()) ?? '';
    expect(doc).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(doc).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(doc).toContain('Biểu số 02');
    expect(doc).toContain('CHỦ TỊCH');
    const [pdf] = await Promise.all([pr.waitForEvent('download'), pr.getByTestId('report-pdf').click()]);
    const pdfDoc = pdfText(await readFile((await pdf.path())!));
    expect(pdfDoc).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pdfDoc).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(pdfDoc).toContain('ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH');
    await app.screenshot(pr, 'results-print');
    await pr.goto(`${app.baseUrl}/bao-cao`);
    const [xlsx] = await Promise.all([pr.waitForEvent('download'), pr.getByTestId('period-export-xlsx').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsx.path())!);
    const sheet = wb.getWorksheet('Số liệu')!;
    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(1).value === '00004') row = n;
    });
    expect([6, 7, 8].map((c) => sheet.getRow(row).getCell(c).value)).toEqual([100, 80, 10]); // real numbers
    expect(sheet.getRow(row).getCell(5).value).toBeInstanceOf(Date);
    await pr.goto(`${app.baseUrl}/`);
    expect(await pr.getByTestId('province-completeness').textContent()).toContain('đã nộp: 1');

    await o.reload();
    await o.getByTestId('overview-reporting').waitFor();
    expect(await o.getByTestId(`submitted-${periodId}`).textContent()).toBe('1');
    expect(app.pageErrors.filter((e) => !/status of 422/.test(e))).toEqual([]); // the 422 is the rule failure on purpose
  });

  it('province targets: the province officer enters one with its resolution (390 px); a province that did not exist is refused in Vietnamese (1440 px)', async () => {
    const p = await app.newPage();
    await p.setViewportSize({ width: 390, height: 844 });
    await app.signIn(p, province);
    await p.goto(`${app.baseUrl}/muc-tieu-tinh`);
    await p.getByTestId('targets-entry').waitFor();
    await p.locator('#t-province option', { hasText: 'Thành phố Hà Nội' }).waitFor({ state: 'attached' });
    expect(await p.locator('#t-province option:checked').textContent()).toBe('Thành phố Hà Nội');
    await p.locator('#t-a').fill('0,5');
    await p.locator('#t-label').fill('Giảm tỷ lệ hộ nghèo mỗi năm');
    await p.locator('#t-citation').fill('Nghị quyết của HĐND Thành phố Hà Nội (số hiệu thử nghiệm)');
    await p.getByRole('button', { name: 'Lưu mục tiêu' }).click();
    await p.getByTestId('target-saved').waitFor();
    const table = (await p.getByTestId('province-targets').textContent()) ?? '';
    expect(table).toContain('Thành phố Hà Nội');
    expect(table).toContain('giảm trên 0,5 điểm phần trăm mỗi năm');
    expect(table).toContain('Nghị quyết của HĐND Thành phố Hà Nội');
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const text = (await p.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/annual_decrease_pp|poor_rate|verified|P:\d/);
    await app.screenshot(p, 'results-targets-390');

    const o = await app.newPage();
    await o.setViewportSize({ width: 1440, height: 900 });
    await app.signIn(o, owner);
    await o.goto(`${app.baseUrl}/muc-tieu-tinh`);
    await o.getByTestId('targets-entry').waitFor();
    await o.locator('#t-from').fill('2024');
    await o.locator('#t-to').fill('2026');
    await o.locator('#t-province option', { hasText: 'Tỉnh Hà Giang' }).waitFor({ state: 'attached' });
    await o.locator('#t-province').selectOption({ label: 'Tỉnh Hà Giang' });
    await o.locator('#t-a').fill('4');
    await o.locator('#t-label').fill('Giảm tỷ lệ hộ nghèo');
    await o.locator('#t-citation').fill('Nghị quyết của HĐND tỉnh Hà Giang (số hiệu thử nghiệm)');
    await o.getByRole('button', { name: 'Lưu mục tiêu' }).click();
    await o.getByTestId('error').waitFor();
    expect(await o.getByTestId('error').textContent()).toMatch(
      /Tỉnh Hà Giang không tồn tại trong cả giai đoạn 2024–2026 \(tồn tại từ \d\d\/\d\d\/\d{4} đến trước 01\/07\/2025\)/,
    );
    await app.screenshot(o, 'results-targets-refused');
    expect(app.pageErrors.filter((e) => !/status of 422/.test(e))).toEqual([]);
  });
});
