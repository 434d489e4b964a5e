/**
 * A phone (390 × 844): the menu is behind a button, and the pages a commune or province officer
 * works on (home, plan, overdue tasks, task page with its progress form, my agency, password,
 * poverty review) fit the screen without sideways scrolling (tables scroll inside their own frame).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/modules/audit/audit';
import { createTask } from '../../src/modules/plan/service';
import { createUser } from '../../src/modules/users/service';
import { startBrowserApp, type BrowserApp, type BrowserUser } from '../support/browser';

let app: BrowserApp;
let commune: BrowserUser;
let province: BrowserUser;
let provinceTaskId: number;

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
  const provinceId = await unit('province', '01');
  commune = {
    username: 'b.xa-dt',
    displayName: 'Đinh Thị Điện Thoại',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'commune_officer', agencyId: null, unitId: await unit('commune', '00004') }],
  };
  province = {
    username: 'b.tinh-dt',
    displayName: 'Tô Văn Di Động',
    password: 'mat-khau-trinh-duyet',
    grants: [{ role: 'province_officer', agencyId: null, unitId: provinceId }],
  };
  for (const u of [commune, province]) await createUser(db, systemActor('test'), u);
  // A task given to every province (as the program owner does), so the province officer has one to report on.
  const plan = await db.one<{ id: number }>(`SELECT id FROM plan WHERE code = '1705/QĐ-TTg'`);
  const owner = {
    userId: 0,
    username: 'test',
    displayName: 'Chủ quản thử',
    grants: [{ role: 'program_owner' as const, agencyId: null, unitId: null }],
  };
  const task = await createTask(db, owner, {
    planId: plan.id,
    position: '99',
    title:
      'Báo cáo kết quả thực hiện Chương trình năm 2026 của Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương',
    fanOut: 'provinces',
    coordinatorIds: [],
    deadline: 'trước ngày 15/12/2026',
    startOn: '2026-01-05',
  } as never);
  provinceTaskId = (task as { id: number }).id;
});
afterAll(async () => {
  await app?.close();
});

async function phonePage(): Promise<Page> {
  const page = await app.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  return page;
}

/** Sideways overflow of the document, with the elements that stick out (to know what to fix). */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    if (root.scrollWidth > width) {
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && !el.closest('.table-wrap *')) {
          culprits.push(`${el.tagName.toLowerCase()}.${(el as HTMLElement).className || ''}[${Math.round(r.right)}]`);
          if (culprits.length > 8) break;
        }
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
  });
}

async function expectFits(page: Page, what: string) {
  await app.apiSettled();
  const o = await overflow(page);
  expect(o.scrollWidth, `${what}: ${o.culprits.join(', ')}`).toBeLessThanOrEqual(o.clientWidth);
}

describe('phone, 390 px (browser)', () => {
  it('folds the menu behind a button that opens and closes it', async () => {
    const page = await phonePage();
    await app.signIn(page, commune);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    expect(await nav.isVisible()).toBe(false);
    const button = page.getByTestId('menu-button');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Kế hoạch' }).waitFor({ state: 'visible' });
    await app.screenshot(page, 'phone-menu-open');
    await expectFits(page, 'menu open');
    await nav.getByRole('link', { name: 'Kế hoạch' }).click();
    await page.waitForURL(/\/ke-hoach$/);
    await expect.poll(() => nav.isVisible()).toBe(false); // folded again after choosing
  });

  it("fits the commune officer's pages without sideways scrolling", async () => {
    const page = await phonePage();
    await app.signIn(page, commune);
    for (const path of ['/', '/ke-hoach', '/qua-han', `/ke-hoach/${provinceTaskId}`, '/doi-mat-khau', '/ho-ngheo']) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.locator('main h1').first().waitFor();
      await expectFits(page, path);
    }
    await app.screenshot(page, 'phone-commune');
  });

  it("fits the province officer's agency page and the task page with its progress form", async () => {
    const page = await phonePage();
    await app.signIn(page, province);
    await page.goto(`${app.baseUrl}/co-quan-toi`);
    await page.locator('main h1').first().waitFor();
    await expectFits(page, '/co-quan-toi');
    await app.screenshot(page, 'phone-my-agency');
    await page.goto(`${app.baseUrl}/ke-hoach/${provinceTaskId}`);
    await page.getByTestId('task-page').waitFor();
    const edit = page.getByTestId('assignment-edit').first();
    await edit.waitFor();
    await edit.click();
    await expectFits(page, `/ke-hoach/${provinceTaskId} with the progress form`);
    await page.getByTestId('assignment-save').scrollIntoViewIfNeeded();
    await app.screenshot(page, 'phone-task-form');
    expect(app.pageErrors).toEqual([]);
  });
});
