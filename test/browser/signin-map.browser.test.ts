/**
 * Sign-in → shell → map in Chromium, against the real built app and API (issue 2, items 7 and 9).
 * Chart text is drawn on canvas: the map is checked through the data-* attributes its container
 * sets after ECharts' 'finished' event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PAGES } from '../../web/src/app/routes';
import { permissionsOf } from '../../src/modules/auth/permissions';
import { permits } from '../../web/src/app/session';
import { BROWSER_USERS, startBrowserApp, type BrowserApp, type BrowserUser } from '../support/browser';

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
});

afterAll(async () => {
  await app?.close();
});

/** The menu a user should see: the pages of routes.tsx their permissions allow, main group then "Quản trị". */
function expectedMenu(user: BrowserUser, lang: 'vi' | 'en'): string[] {
  const actor = { userId: 0, username: user.username, displayName: user.displayName, grants: user.grants };
  const me = { user: actor, roleLabels: {} as never, can: permissionsOf(actor) };
  const visible = PAGES.filter((p) => p.nav && permits(me, p.can));
  return [...visible.filter((p) => p.nav === 'main'), ...visible.filter((p) => p.nav === 'admin')].map(
    (p) => p.label[lang],
  );
}

const map = (page: Page) => page.getByTestId('province-map');

async function renderedMap(page: Page, date: string) {
  const el = page.locator(`[data-testid="province-map"][data-state="ready"][data-map-date="${date}"]`);
  await el.waitFor({ timeout: 60_000 });
  return {
    provinces: Number(await el.getAttribute('data-province-count')),
    islands: (await el.getAttribute('data-islands')) ?? '',
    communes: Number(await el.getAttribute('data-value-total')),
    indicator: await el.getAttribute('data-indicator'),
  };
}

describe('sign-in → map (browser)', () => {
  it('refuses a wrong password, signs in, and the map shows 34 provinces today and 63 on 01/01/2024', async () => {
    const page = await app.newPage();
    // The public (not signed in) may see the home page (the program's public results), the map, the units and the
    // results, nothing else.
    await page.goto(`${app.baseUrl}/ban-do`);
    await page.getByTestId('public-box').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    const publicMenu = await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link')
      .allTextContents();
    expect(publicMenu).toEqual(PAGES.filter((p) => p.nav && p.public).map((p) => p.label.vi));
    expect(publicMenu).toEqual(['Trang chủ', 'Bản đồ', 'Đơn vị hành chính', 'Kết quả Chương trình']);
    expect((await renderedMap(page, await currentMapDate(page))).provinces).toBe(34);
    await app.screenshot(page, 'map-public');

    // A page for signed-in users sends to the sign-in page, remembering where to go.
    await page.goto(`${app.baseUrl}/quan-tri/nhat-ky`);
    await page.waitForURL(/\/dang-nhap\?redirect=%2Fquan-tri%2Fnhat-ky/);
    expect(await page.getByTestId('session-expired').count()).toBe(0);

    await page.getByLabel('Tên đăng nhập').fill(BROWSER_USERS.admin.username);
    await page.getByLabel('Mật khẩu').fill('mat-khau-sai');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(await page.getByTestId('user-box').count()).toBe(0);

    await page.getByLabel('Mật khẩu').fill(BROWSER_USERS.admin.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/quan-tri\/nhat-ky$/);
    expect(await page.getByTestId('user-box').textContent()).toContain('Nguyễn Thị Quản Trị');
    // The sign-in itself is in the audit log.
    await expect
      .poll(() => page.getByTestId('audit-table').locator('tbody tr').first().textContent())
      .toContain('Đăng nhập');

    // The shell's navigation, in Vietnamese, with the admin group for an administrator.
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toEqual(expectedMenu(BROWSER_USERS.admin, 'vi'));
    expect(links.slice(0, 3)).toEqual(['Trang chủ', 'Bản đồ', 'Đơn vị hành chính']);
    expect(links.slice(-3)).toEqual(['Nhật ký', 'Liên kết chưa xác định', 'Tài khoản']);

    await nav.getByRole('link', { name: 'Bản đồ' }).click();
    const now = await renderedMap(page, await currentMapDate(page));
    expect(now.provinces).toBe(34);
    expect(now.islands).toBe('hoang-sa:48 truong-sa:56'); // Hoàng Sa with Đà Nẵng, Trường Sa with Khánh Hòa
    expect(now.communes).toBeGreaterThan(3000);
    expect(now.indicator).toBe('communes');
    expect(await page.getByTestId('map-table').locator('tbody tr').count()).toBe(34);
    await app.screenshot(page, 'map-34');

    // A date before 1 July 2025, typed the Vietnamese way.
    const date = page.getByTestId('map-date');
    // Before the data: refused next to the field, the map stays on its date.
    await date.fill('31/12/2020');
    await date.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Dữ liệu đơn vị hành chính có từ ngày 01/01/2021.');
    expect(await map(page).getAttribute('data-province-count')).toBe('34');
    await date.fill('01/01/2024');
    await date.press('Enter');
    const before = await renderedMap(page, '2024-01-01');
    expect(new URL(page.url()).searchParams.get('ngay')).toBe('2024-01-01'); // the map on a date can be linked
    expect(before.provinces).toBe(63);
    expect(before.islands).toBe('hoang-sa:48 truong-sa:56');
    expect(await page.getByTestId('map-table').locator('tbody tr').count()).toBe(63);
    // Vietnamese number format in the table footer (more than 10,000 communes in 2024: "10.xxx").
    expect(await page.getByTestId('map-table').locator('tfoot td').textContent()).toMatch(/^\d{1,3}(\.\d{3})+$/);
    await app.screenshot(page, 'map-63');

    // An old province leads to its page: it existed until 01/07/2025 and rolls up into Tuyên Quang.
    await page.getByTestId('map-table').getByRole('link', { name: 'Tỉnh Hà Giang' }).click();
    await page.getByTestId('unit-page').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tỉnh Hà Giang');
    await expect.poll(() => page.getByTestId('unit-successors').textContent()).toContain('Tỉnh Tuyên Quang');
    expect(await page.getByTestId('unit-children-count').getAttribute('data-count')).toMatch(/^\d+$/);
    await app.screenshot(page, 'unit-ha-giang');

    expect(app.pageErrors).toEqual([]);
  });

  it('finds "Thanh Hóa" when typing "thanh hoa" in the unit picker', async () => {
    const page = await app.newPage();
    await app.signIn(page, BROWSER_USERS.admin);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Đơn vị hành chính' })
      .click(); // the home page has cards with the same names
    await page.getByLabel('Cấp').selectOption('commune');
    const picker = page.getByRole('combobox', { name: 'Thuộc tỉnh, thành phố' });
    await picker.fill('thanh hoa');
    const options = page.getByRole('listbox', { name: 'Thuộc tỉnh, thành phố' }).getByRole('option');
    await expect.poll(() => options.allTextContents()).toEqual([expect.stringContaining('Thanh Hóa')]);
    await picker.press('Enter');
    expect(await picker.inputValue()).toBe('Tỉnh Thanh Hóa');
    const count = page.getByTestId('units-count');
    await expect.poll(async () => Number(await count.getAttribute('data-count'))).toBeGreaterThan(100);
    await app.screenshot(page, 'units-thanh-hoa');
    expect(app.pageErrors).toEqual([]);
  });

  it('shows a steering-committee member no administration pages, and remembers English', async () => {
    const page = await app.newPage();
    await app.signIn(page, BROWSER_USERS.steering);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.waitFor();
    const menu = await nav.getByRole('link').allTextContents();
    expect(menu).toEqual(expectedMenu(BROWSER_USERS.steering, 'vi'));
    expect(menu).toContain('Bản đồ');
    expect(menu).not.toContain('Nhật ký');
    expect(menu).not.toContain('Tài khoản');
    await page.goto(`${app.baseUrl}/quan-tri/nhat-ky`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Không có quyền truy cập');

    await page.getByTestId('lang-switch').click();
    await page.reload();
    const navEn = page.getByRole('navigation', { name: 'Main navigation' });
    await navEn.waitFor();
    const menuEn = await navEn.getByRole('link').allTextContents();
    expect(menuEn).toEqual(expectedMenu(BROWSER_USERS.steering, 'en'));
    expect(menuEn.slice(0, 3)).toEqual(['Home', 'Map', 'Administrative units']);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('sends the user back to sign-in with a message when the session has expired', async () => {
    const page = await app.newPage();
    await app.signIn(page, BROWSER_USERS.admin);
    const link = page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhật ký' }); // the home page has cards with the same names
    // The home page may still be loading its figures. With the API held, no request of the page reads the session
    // before the expiry and slides it forward after (undoing it), and none meets the expired session before the
    // click (sending the page to sign-in under it); then the first request to meet it, the audit page's or a held
    // one of the home page, sends the page to sign-in.
    await app.whileApiHeld(async () => {
      await app.database.db.query(`UPDATE user_session SET expires_at = now() - interval '1 minute'`);
      await link.click();
    });
    await page.waitForURL(/\/dang-nhap\?/);
    expect(await page.getByTestId('session-expired').textContent()).toBe(
      'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
    );
  });
});

describe('administration screens (browser)', () => {
  it('creates a province officer for Thanh Hóa, lists it by name, and the audit log shows the change', async () => {
    const page = await app.newPage();
    await app.signIn(page, BROWSER_USERS.admin);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tài khoản' }).click(); // the home page has cards with the same names
    await page.getByLabel('Tên đăng nhập').fill('cb.thanhhoa');
    await page.getByLabel('Họ và tên').fill('Lê Thị Thanh');
    await page.getByLabel('Mật khẩu').fill('mat-khau-rat-dai-123');
    await page.getByLabel('Vai trò').selectOption('province_officer');
    const picker = page.getByRole('combobox', { name: 'Tỉnh, thành phố phụ trách' });
    await picker.fill('thanh hoa');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /Tỉnh Thanh Hóa/ })
      .click();
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'cb.thanhhoa' }).count()).toBe(1);
    const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: 'cb.thanhhoa' });
    await expect.poll(() => row.textContent()).toContain('Cán bộ cấp tỉnh · Tỉnh Thanh Hóa');
    expect(await picker.inputValue()).toBe(''); // the form is cleared for the next account
    await app.screenshot(page, 'users-created');

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhật ký' }).click(); // the home page has cards with the same names
    const first = page.getByTestId('audit-table').locator('tbody tr').first();
    await expect.poll(() => first.textContent()).toContain('Tạo tài khoảnTài khoản: Lê Thị Thanh (cb.thanhhoa)');
    expect(await first.textContent()).toContain('b.admin');
    expect(await page.getByTestId('audit-export').getAttribute('href')).toBe('/api/audit/export.csv');
    expect(app.pageErrors).toEqual([]);
  });
});

describe('sign-in errors (browser)', () => {
  it('says so after too many wrong passwords for one account', async () => {
    const page = await app.newPage();
    await page.goto(`${app.baseUrl}/dang-nhap`);
    const alert = page.getByTestId('error');
    for (let i = 1; i <= 6; i++) {
      await page.getByLabel('Tên đăng nhập').fill('nguoi.la');
      await page.getByLabel('Mật khẩu').fill(`sai-${i}`);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect.poll(() => page.getByLabel('Mật khẩu').inputValue()).toBe(''); // cleared after each refusal
      if (i <= 5) expect(await alert.textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    expect(await alert.textContent()).toMatch(/^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ giây\.$/);
    await app.screenshot(page, 'signin-too-many');
  });
});

/** The map opens on today's date in Vietnam, as the date field shows it. */
async function currentMapDate(page: Page): Promise<string> {
  await map(page).waitFor();
  const shown = await page.getByTestId('map-date').inputValue(); // dd/mm/yyyy
  const [d, m, y] = shown.split('/');
  return `${y}-${m}-${d}`;
}
