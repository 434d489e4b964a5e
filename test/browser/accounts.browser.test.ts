/**
 * Accounts in Chromium: an administrator locks an account and the locked user is refused (their
 * open session ends too); a user changes their own password; a reset gives a one-time password
 * that must be changed at the first sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/modules/audit/audit';
import { createUser } from '../../src/modules/users/service';
import { BROWSER_USERS, startBrowserApp, type BrowserApp, type BrowserUser } from '../support/browser';

let app: BrowserApp;

const member = (username: string, displayName: string): BrowserUser => ({
  username,
  displayName,
  password: 'mat-khau-trinh-duyet',
  grants: [{ role: 'steering_member', agencyId: null, unitId: null }],
});
const leaving = member('b.nghi-viec', 'Phan Văn Nghỉ');
const changer = member('b.doi-mk', 'Lý Thị Đổi');
const forgetful = member('b.quen-mk', 'Hà Văn Quên');

beforeAll(async () => {
  app = await startBrowserApp();
  for (const u of [leaving, changer, forgetful]) await createUser(app.database.db, systemActor('test'), u);
});
afterAll(async () => {
  await app?.close();
});

async function openAccounts(page: Page) {
  await app.signIn(page, BROWSER_USERS.admin);
  await page.goto(`${app.baseUrl}/quan-tri/tai-khoan`);
  await page.getByTestId('users-table').waitFor();
  page.on('dialog', (d) => void d.accept()); // "are you sure?"
}

const rowOf = (page: Page, username: string) =>
  page.locator(`[data-testid="users-table"] tr[data-username="${username}"]`);

async function trySignIn(page: Page, username: string, password: string) {
  await page.goto(`${app.baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('account management (browser)', () => {
  it('an administrator locks an account: the open session ends and sign-in is refused', async () => {
    const user = await app.newPage();
    await app.signIn(user, leaving);
    // a page for signed-in users only (the home page is also the public page)
    await user.goto(`${app.baseUrl}/ke-hoach`);

    const admin = await app.newPage();
    await openAccounts(admin);
    await rowOf(admin, leaving.username).getByRole('button', { name: 'Khóa' }).click();
    await expect
      .poll(() =>
        admin
          .getByRole('status')
          .filter({ hasText: `Đã khóa tài khoản ${leaving.username}.` })
          .count(),
      )
      .toBe(1);
    await expect
      .poll(() => rowOf(admin, leaving.username).getByTestId('user-status').textContent())
      .toMatch(/^Đã khóa từ \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} \(b\.admin\)$/);
    await app.screenshot(admin, 'accounts-locked');

    // the locked user's next request finds the session gone
    await user.reload();
    await user.waitForURL(/\/dang-nhap/);
    await trySignIn(user, leaving.username, leaving.password);
    await expect
      .poll(() => user.getByTestId('error').textContent())
      .toBe('Tài khoản này đã bị khóa. Hãy liên hệ quản trị hệ thống.');

    // the audit page names the account and the action in Vietnamese
    await admin.goto(`${app.baseUrl}/quan-tri/nhat-ky`);
    const rows = admin.getByTestId('audit-table').locator('tbody tr');
    await expect.poll(() => rows.first().textContent()).toContain('Đăng nhập vào tài khoản đã khóa');
    expect(await rows.nth(1).textContent()).toContain('Khóa tài khoản');
    expect(await rows.nth(1).textContent()).toContain('Tài khoản: Phan Văn Nghỉ (b.nghi-viec)');
    expect(await rows.nth(1).textContent()).toContain('Nguyễn Thị Quản Trị (b.admin)');
    expect(await admin.getByTestId('audit-table').textContent()).not.toMatch(/auth\.|users\.|user #/);

    // unlocked, the user signs in again
    await admin.goto(`${app.baseUrl}/quan-tri/tai-khoan`);
    await rowOf(admin, leaving.username).getByRole('button', { name: 'Mở khóa' }).click();
    await expect
      .poll(() => rowOf(admin, leaving.username).getByTestId('user-status').textContent())
      .toBe('Đang hoạt động');
    await trySignIn(user, leaving.username, leaving.password);
    await user.getByTestId('user-box').waitFor();
  });

  it('a user changes their own password, with the form errors named in Vietnamese', async () => {
    const page = await app.newPage();
    await app.signIn(page, changer);
    await page.getByTestId('user-box').getByRole('link', { name: 'Đổi mật khẩu' }).click();
    const form = page.getByTestId('change-password');
    await form.getByLabel('Mật khẩu hiện tại').fill(changer.password);
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('password1234');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('password1234');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    const error = form.getByTestId('error');
    await expect
      .poll(() => error.textContent())
      .toContain('Mật khẩu mới: Mật khẩu này nằm trong danh sách mật khẩu phổ biến');
    expect(await error.textContent()).not.toContain('body.');

    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('chiều nay mưa to quá');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('chiều nay mưa to quá');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toBe('Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.');

    await page.getByTestId('user-box').getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/dang-nhap/);
    await trySignIn(page, changer.username, changer.password);
    await expect.poll(() => page.getByTestId('error').textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    await app.signIn(page, { ...changer, password: 'chiều nay mưa to quá' });
  });

  it('a reset shows a one-time password once, and the user must change it at the first sign-in', async () => {
    const admin = await app.newPage();
    await openAccounts(admin);
    await rowOf(admin, forgetful.username).getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    const box = admin.getByTestId('one-time-password');
    await box.waitFor();
    expect(await box.textContent()).toContain('Mật khẩu dùng một lần của Hà Văn Quên (b.quen-mk):');
    const oneTime = (await box.locator('.one-time').textContent())!.trim();
    expect(oneTime).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    await expect
      .poll(() => rowOf(admin, forgetful.username).getByTestId('user-status').textContent())
      .toBe('Đang hoạt độngPhải đổi mật khẩu khi đăng nhập');
    await app.screenshot(admin, 'accounts-reset');

    const user = await app.newPage();
    await app.signIn(user, { ...forgetful, password: oneTime });
    // every page is replaced by the change form until the password is changed
    const form = user.getByTestId('change-password');
    await form.waitFor();
    expect(await form.textContent()).toContain('Hãy đặt mật khẩu mới để tiếp tục.');
    await user.goto(`${app.baseUrl}/ke-hoach`);
    await form.waitFor();
    await form.getByLabel('Mật khẩu hiện tại').fill(oneTime);
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('nhớ rồi, không quên nữa');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('nhớ rồi, không quên nữa');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect.poll(() => user.getByTestId('change-password').count()).toBe(0);
    await user.getByRole('heading', { level: 1 }).first().waitFor();
    // refusals on purpose above: the locked account (403), the weak password (422); nothing else may fail
    expect(
      app.pageErrors.filter((e) => !/status of (403|422)/.test(e)),
      app.pageErrors.join('\n'),
    ).toEqual([]);
  });

  it('shows no raw code on the administration and sign-in pages, in Vietnamese and in English', async () => {
    const RAW =
      /\b(VERIFIED|PARTIAL|UNVERIFIED|SUSPECT)\b|auth\.(session|login|password)|users\.(user|grants|password)|\buser #\d|body\.\w+/;
    const page = await app.newPage();
    await trySignIn(page, 'khong-co-ai', 'sai'); // an error box on the sign-in page
    await page.getByTestId('error').waitFor();
    expect(await page.locator('body').textContent()).not.toMatch(RAW);
    await app.signIn(page, BROWSER_USERS.admin);
    for (const path of ['/quan-tri/tai-khoan', '/quan-tri/nhat-ky', '/quan-tri/lien-ket']) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.locator('main table.data tbody tr').first().waitFor();
      expect(await page.locator('body').textContent(), path).not.toMatch(RAW);
    }
    expect(await page.getByTestId('unresolved-table').textContent()).toContain('nghi vấn, chưa dùng');

    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`${app.baseUrl}/quan-tri/nhat-ky`);
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    await rows.first().waitFor();
    const text = await page.getByTestId('audit-table').textContent();
    expect(text).toContain('Signed in');
    expect(text).toContain('Account locked');
    expect(text).not.toMatch(RAW);
    await page.goto(`${app.baseUrl}/quan-tri/lien-ket`);
    await page.getByTestId('unresolved-table').waitFor();
    expect(await page.getByTestId('unresolved-table').textContent()).toContain('suspect, not used');
  });
});
