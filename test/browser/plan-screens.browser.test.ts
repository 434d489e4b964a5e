/**
 * The plan screens as an official reads them: the Gantt names its tasks, explains its colours and lists
 * the tasks it cannot place (no deadline), and fits a phone by scrolling in its own box; saving progress
 * says so on the page; the program page in Vietnamese shows labels, not verification codes or English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/audit/audit';
import { PROJECTS, TASKS } from '../../src/modules/plan/seed-data';
import { createUser } from '../../src/modules/users/service';
import { startBrowserApp, type BrowserApp, type BrowserUser } from '../support/browser';

let app: BrowserApp;
const MPI_OFFICER: BrowserUser = {
  username: 'b.mpi.screens',
  displayName: 'Lê Văn Kế Hoạch',
  password: 'mat-khau-trinh-duyet',
  grants: [{ role: 'ministry_lead', agencyId: 'MPI', unitId: null }],
};

beforeAll(async () => {
  app = await startBrowserApp();
  await createUser(app.database.db, systemActor('test'), MPI_OFFICER);
});
afterAll(async () => {
  await app?.close();
});

const titleOf = (position: string) => TASKS.find((t) => t.position === position)!.title;

describe('plan screens (browser)', () => {
  it('Gantt: task names, legend, tasks without a deadline listed; scrolls in its own box at 390 px', async () => {
    const page = await app.newPage();
    await app.signIn(page, MPI_OFFICER);
    await page.goto(`${app.baseUrl}/ke-hoach`);
    await page.getByTestId('plan-timeline-tab').click();
    const row = page.locator('[data-testid="gantt-row"][data-position="3.4"]');
    await row.waitFor({ state: 'attached' });
    // number and the start of the name on the row, the whole name in its tooltip
    const label = (await row.getByTestId('gantt-label').textContent())!;
    expect(label.startsWith('3.4 ')).toBe(true);
    expect(label).toContain(titleOf('3.4').slice(0, 25));
    expect(label.length).toBeLessThan(titleOf('3.4').length);
    expect(await row.locator('title').textContent()).toContain(`3.4. ${titleOf('3.4')}`);
    const legend = (await page.getByTestId('gantt-legend').textContent())!;
    for (const text of [
      'Thời gian thực hiện',
      'Hoàn thành đúng hạn',
      'Hoàn thành chậm',
      'Quá hạn (đã có báo cáo)',
      'Quá hạn, chưa nhận được báo cáo',
      'Ngày xem',
    ])
      expect(legend).toContain(text);
    // the five main tasks have no deadline in the decision: listed under the chart, not drawn
    const undated = page.getByTestId('gantt-undated');
    expect(await undated.textContent()).toContain('Chưa có thời hạn:');
    expect(await undated.locator('[data-position="1"]').textContent()).toContain(`1. ${titleOf('1').slice(0, 30)}`);
    expect(await page.locator('[data-testid="gantt-row"][data-position="1"]').count()).toBe(0);
    await app.screenshot(page, 'plan-screens-gantt');

    await page.setViewportSize({ width: 390, height: 844 });
    const box = page.getByTestId('gantt-box');
    const sizes = await box.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
    expect(sizes.client).toBeLessThanOrEqual(390);
    expect(sizes.scroll).toBeGreaterThan(sizes.client); // the chart scrolls inside its box
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await app.screenshot(page, 'plan-screens-gantt-phone');
    await page.close();
  });

  it('saving progress shows a confirmation on the page', async () => {
    const page = await app.newPage();
    await app.signIn(page, MPI_OFFICER);
    await page.goto(`${app.baseUrl}/ke-hoach`);
    await page.locator('[data-testid="plan-row"][data-position="3.7"]').getByRole('link').click();
    await page.getByTestId('task-page').waitFor();
    await page.getByTestId('assignment-edit').click();
    await page.getByTestId('assignment-move').selectOption('in_progress');
    await page.getByTestId('assignment-percent').fill('40');
    await page.getByTestId('assignment-narrative').fill('Đang xây dựng dự thảo.');
    await page.getByTestId('assignment-save').click();
    const outcome = page.getByTestId('save-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toBe('Đã lưu báo cáo tiến độ của Bộ Kế hoạch và Đầu tư.');
    expect(await outcome.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => page.getByTestId('task-page').getAttribute('data-percent')).toBe('40');
    // the confirmation stays after the page has reloaded the task
    expect(await outcome.isVisible()).toBe(true);
    expect(await page.getByTestId('task-status').textContent()).toBe('Đang thực hiện (40%)');
    expect(await page.getByTestId('changes').textContent()).toContain('Chưa có báo cáo → Đang thực hiện');
    // English mode labels the same status in English
    await page.evaluate(() => localStorage.setItem('giamngheo.lang', 'en'));
    await page.reload();
    await page.getByTestId('task-page').waitFor();
    expect(await page.getByTestId('task-status').textContent()).toBe('In progress (40%)');
    expect(await page.getByTestId('changes').textContent()).toContain('No report yet → In progress');
    await page.close();
  });

  it('program page: verification labels and Vietnamese names only; English mode translates them', async () => {
    const page = await app.newPage();
    await app.signIn(page, MPI_OFFICER);
    await page.goto(`${app.baseUrl}/chuong-trinh`);
    await page.getByTestId('projects').first().waitFor();
    const text = (await page.locator('main').textContent())!;
    for (const code of ['VERIFIED', 'PARTIAL', 'UNVERIFIED', 'SUSPECT']) expect(text).not.toContain(code);
    for (const [, , , nameEn] of PROJECTS) if (nameEn) expect(text).not.toContain(nameEn);
    expect(text).toContain('đã xác minh');
    expect(text).toContain('xác minh một phần');
    const nutrition = page.locator('[data-testid="projects"] tr[data-code="DA3.TDA2"]');
    expect(await nutrition.locator('td').first().textContent()).toBe('Dự án 3 – Tiểu dự án 2');
    expect(await nutrition.textContent()).toContain('Cải thiện dinh dưỡng');
    expect(await nutrition.textContent()).toContain('Bộ Y tế');
    await app.screenshot(page, 'plan-screens-program');

    await page.evaluate(() => localStorage.setItem('giamngheo.lang', 'en'));
    await page.reload();
    await page.getByTestId('projects').first().waitFor();
    const en = (await page.locator('main').textContent())!;
    for (const code of ['VERIFIED', 'PARTIAL', 'UNVERIFIED']) expect(en).not.toContain(code);
    expect(en).toContain('partly verified');
    expect(await nutrition.locator('td').first().textContent()).toBe('Project 3 – sub-project 2');
    expect(await nutrition.textContent()).toContain('Nutrition');
    await page.close();
  });
});
