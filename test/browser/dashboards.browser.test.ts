/**
 * Dashboards: the program owner drills the overview's poverty rates down nation → region → province →
 * commune and back (1440 px), with trend charts and exports; a commune officer's home shows the task
 * assigned to their commune and the commune's review status (390 px); a province officer's home shows its
 * communes' review progress.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/audit/audit';
import { nationalOverview } from '../../src/modules/results/service';
import { createTask } from '../../src/modules/plan/service';
import { setResidentHouseholds } from '../../src/modules/poverty/service/resident';
import { createUser } from '../../src/modules/users/service';
import { startBrowserApp, type BrowserApp, type BrowserUser } from '../support/browser';

let app: BrowserApp;
let owner: BrowserUser;
let commune: BrowserUser;
let province: BrowserUser;
let year: number;
let taskId: number;

beforeAll(async () => {
  app = await startBrowserApp();
  const db = app.database.db;
  year = (await nationalOverview(db)).year;
  const unit = async (level: string, code: string) =>
    (
      await db.one<{ id: string }>(
        `SELECT id FROM admin_unit WHERE level = $1 AND code = $2 AND valid_to IS NULL ORDER BY valid_from DESC LIMIT 1`,
        [level, code],
      )
    ).id;
  const communeId = await unit('commune', '00004');
  const provinceId = await unit('province', '01');
  owner = {
    username: 'd.chu-quan',
    displayName: 'Lê Văn Chủ Quản',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'program_owner', agencyId: null, unitId: null }],
  };
  commune = {
    username: 'd.xa',
    displayName: 'Đỗ Thị Xã',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'commune_officer', agencyId: null, unitId: communeId }],
  };
  province = {
    username: 'd.tinh',
    displayName: 'Vũ Văn Tỉnh',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'province_officer', agencyId: null, unitId: provinceId }],
  };
  for (const u of [owner, commune, province]) await createUser(db, systemActor('test'), u);
  // The ward's review results of the year (the register's counts) and its resident households: 12 poor,
  // 30 near-poor over 1.200 resident households = 1,00 % and 2,50 %.
  await db.query(
    `INSERT INTO poverty_aggregate (year, commune_id, area, ethnic_minority, households, poor, near_poor, escaped_poor,
       escaped_near_poor, newly_poor, newly_near_poor, relapsed)
     VALUES ($1, $2, 'urban', false, 200, 12, 30, 0, 0, 0, 0, 0)`,
    [year, communeId],
  );
  await setResidentHouseholds(db, { system: 'test' }, { communeId, year, total: 1200, source: 'Biểu tổng hợp (thử)' });
  // The ward's People's Committee and a task assigned to it.
  await db.query(
    `INSERT INTO agency (id, code, kind, name, search_key, unit_id, valid_from, source)
     VALUES ('UBND-00004', 'UBND-00004', 'people_committee', 'Ủy ban nhân dân phường Ba Đình', 'uy ban nhan dan phuong ba dinh', $1, '2025-07-01', 'thử nghiệm')`,
    [communeId],
  );
  const plan = (await db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`)).id;
  const ownerId = (await db.one<{ id: number }>(`SELECT id FROM app_user WHERE username = $1`, [owner.username])).id;
  const ownerActor = {
    userId: ownerId,
    username: owner.username,
    displayName: owner.displayName,
    grants: owner.grants,
  };
  const task = await createTask(db, ownerActor, {
    planId: plan,
    position: '99.1',
    title: 'Rà soát, cập nhật danh sách hộ nghèo trên địa bàn phường',
    leadAgencyId: 'UBND-00004',
    fanOut: 'none',
    coordinatorIds: [],
    deadline: `31/12/${year + 1}`,
  });
  taskId = task.id;
}, 120_000);
afterAll(async () => {
  await app?.close();
});

describe('dashboards (browser)', () => {
  it('program owner (1440 px): drill-down nation → region → province → commune and back; trends; PNG and .xlsx', async () => {
    const p = await app.newPage();
    await p.setViewportSize({ width: 1440, height: 900 });
    await app.signIn(p, owner);
    await p.goto(`${app.baseUrl}/`);
    await p.locator('[data-testid="drill"][data-level="region"]').waitFor();
    await p.locator('[data-testid="drill-chart"][data-rendered="true"]').waitFor();
    await p.locator('[data-testid="trends"] [data-rendered="true"]').first().waitFor();
    const regions = p.locator('[data-testid="drill-table"] tbody tr');
    expect(await regions.count()).toBe(6);
    const delta = p.locator('[data-testid="drill-table"] tr', { hasText: 'Đồng bằng sông Hồng' });
    expect(await delta.locator('td').nth(2).textContent()).toBe('1,00%');
    // a region without any report: said so, never 0
    expect(await p.getByTestId('drill-table').textContent()).toContain('chưa có báo cáo');
    await delta.getByRole('button').click();
    await p.locator('[data-testid="drill"][data-level="province"]').waitFor();
    await p.getByTestId('drill-value-01').waitFor();
    expect(await p.getByTestId('drill-value-01').textContent()).toBe('1,00%');
    await p.locator('#drill-rate').selectOption('nearPoorRate');
    expect(await p.getByTestId('drill-value-01').textContent()).toBe('2,50%');
    await p.locator('#drill-rate').selectOption('poorRate');
    await p.locator('[data-testid="drill-table"] tr[data-unit="01"]').getByRole('button').click();
    await p.locator('[data-testid="drill"][data-level="commune"]').waitFor();
    await p.getByTestId('drill-value-00004').waitFor();
    expect(await p.getByTestId('drill-value-00004').textContent()).toBe('1,00%');
    expect(await p.getByTestId('drill-crumbs').textContent()).toBe(
      'Toàn quốc › Đồng bằng sông Hồng › Thành phố Hà Nội',
    );
    await p.locator('[data-testid="drill-chart"][data-rendered="true"]').waitFor();
    const [png] = await Promise.all([p.waitForEvent('download'), p.getByTestId('drill-save-image').click()]);
    expect(png.suggestedFilename()).toBe(`ty-le-ho-ngheo-01-${year}.png`);
    expect((await readFile((await png.path())!)).subarray(1, 4).toString('latin1')).toBe('PNG');
    const [xlsx] = await Promise.all([p.waitForEvent('download'), p.getByTestId('drill-save-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe(`tong-hop-ho-ngheo-${year}-commune.xlsx`);
    await app.screenshot(p, 'dashboards-drill-commune');
    // back up with the breadcrumb
    await p.getByTestId('drill-crumbs').getByRole('button', { name: 'Toàn quốc' }).click();
    await p.locator('[data-testid="drill"][data-level="region"]').waitFor();
    expect(await regions.count()).toBe(6);
    const text = (await p.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/poorRate|nearPoorRate|R6:|undefined|NaN/);
    expect(app.pageErrors).toEqual([]);
  });

  it('commune officer (390 px): the task assigned to the ward and its review status on the home page', async () => {
    const p = await app.newPage();
    await p.setViewportSize({ width: 390, height: 844 });
    await app.signIn(p, commune);
    await p.goto(`${app.baseUrl}/`);
    await p.getByTestId('commune-tasks').waitFor();
    const task = p.locator(`[data-testid="commune-tasks"] li[data-task="${taskId}"]`);
    expect(await task.textContent()).toMatch(
      new RegExp(`^Rà soát, cập nhật danh sách hộ nghèo trên địa bàn phường · Hạn: 31/12/${year + 1} · `),
    );
    await p.locator('[data-testid="commune-review"] li[data-commune="00004"]').waitFor();
    const review = p.locator('[data-testid="commune-review"] li[data-commune="00004"]');
    expect(await review.getAttribute('data-resident')).toBe('present');
    expect(await review.textContent()).toContain('Tổng số hộ dân cư: 1.200');
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await app.screenshot(p, 'dashboards-commune-390');
    await task.getByRole('link').click();
    await p.waitForURL(`**/ke-hoach/${taskId}`);
    expect(app.pageErrors).toEqual([]);
  });

  it("province officer (1440 px): its communes' review progress and missing resident counts, overdue tasks", async () => {
    const p = await app.newPage();
    await p.setViewportSize({ width: 1440, height: 900 });
    await app.signIn(p, province);
    await p.goto(`${app.baseUrl}/`);
    await p.getByTestId('province-missing-resident').waitFor();
    const communes = Number(
      (
        await app.database.db.one<{ n: number }>(
          `SELECT count(*)::int n FROM admin_unit c JOIN admin_unit p ON p.id = c.province_id
           WHERE c.level = 'commune' AND p.code = '01' AND c.valid_to IS NULL`,
        )
      ).n,
    );
    // every ward of Hà Nội but Ba Đình lacks its resident households
    expect(await p.getByTestId('province-missing-resident').getAttribute('data-count')).toBe(String(communes - 1));
    const steps = p.locator('[data-testid="province-steps"] tbody td.num');
    const total = (await steps.allTextContents()).reduce((s, v) => s + Number(v.replace(/\./g, '')), 0);
    expect(total).toBe(communes);
    await app.screenshot(p, 'dashboards-province');
    expect(app.pageErrors).toEqual([]);
  });
});
