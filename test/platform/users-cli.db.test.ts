import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, TEST_PASSWORD, type TestApp } from '../support/app';
import { runCli } from '../support/process';

/**
 * `giamngheo users …` on a database that already exists: the recovery of a lost administrator
 * password (from GIAMNGHEO_NEW_PASSWORD, or generated and printed once), lock, unlock, list.
 */
let t: TestApp;
let env: Record<string, string>;
beforeAll(async () => {
  t = await testApp();
  env = { DATABASE_URL: t.database.url, GIAMNGHEO_ADMIN_PASSWORD: '', GIAMNGHEO_NEW_PASSWORD: '' };
});
afterAll(() => t?.close());

const users = (args: string[], extra: Record<string, string> = {}) => runCli(['users', ...args], { ...env, ...extra });
const login = (username: string, password: string) => t.client().post('/api/auth/login', { username, password });

describe('giamngheo users', () => {
  it('reset-password takes the new password from GIAMNGHEO_NEW_PASSWORD and clears a sign-in wait', async () => {
    for (let i = 0; i < 6; i++) await login('t.admin', `sai-mat-khau-${i}`);
    expect((await login('t.admin', TEST_PASSWORD)).status).toBe(429);
    const res = await users(['reset-password', '--username', 't.admin'], {
      GIAMNGHEO_NEW_PASSWORD: 'khoi phuc quan tri 2026',
    });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(
      'Đã đặt mật khẩu mới cho t.admin từ GIAMNGHEO_NEW_PASSWORD; các phiên đăng nhập cũ đã kết thúc.\n',
    );
    const ok = await login('t.admin', 'khoi phuc quan tri 2026');
    expect(ok.status).toBe(200);
    expect(ok.body.user.mustChangePassword).toBeUndefined();
    const row = await t.db.one<{ actor_name: string; after: { generated: boolean } }>(
      `SELECT actor_name, after FROM audit_log WHERE action = 'users.password.reset' ORDER BY id DESC LIMIT 1`,
    );
    expect(row).toMatchObject({ actor_name: 'cli', after: { generated: false } });
  });

  it('reset-password prints a generated one-time password in a frame, to be changed at sign-in', async () => {
    const res = await users(['reset-password', '--username', 't.program-owner']);
    expect(res.code).toBe(0);
    expect(res.stdout.split('\n')[0]).toMatch(/^╔═+╗$/);
    const password = res.stdout.match(/║ {2}Mật khẩu:\s+(\S+)\s+║/)?.[1];
    expect(password).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    const ok = await login('t.program-owner', password!);
    expect(ok.body.user.mustChangePassword).toBe(true);
  });

  it('refuses a weak GIAMNGHEO_NEW_PASSWORD and an unknown account with one line', async () => {
    const weak = await users(['reset-password', '--username', 't.admin'], { GIAMNGHEO_NEW_PASSWORD: 'admin' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(
      /^Lỗi: Mật khẩu chưa đạt yêu cầu\. GIAMNGHEO_NEW_PASSWORD: Mật khẩu cần ít nhất 12 ký tự/,
    );
    const unknown = await users(['reset-password', '--username', 'khong-co']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('Lỗi: Không có tài khoản "khong-co".\n');
  });

  it('adds an account with the unit given by its code', async () => {
    const res = await users(
      ['add', '--username', 'cb.ba-dinh', '--name', 'Cán bộ Ba Đình', '--role', 'commune_officer', '--unit', '00004'],
      {
        GIAMNGHEO_NEW_PASSWORD: 'mat-khau-can-bo-xa',
      },
    );
    expect(res.stderr).toBe('');
    const grant = await t.db.one<{ unit_id: string }>(
      `SELECT g.unit_id FROM user_grant g JOIN app_user u ON u.id = g.user_id WHERE u.username = 'cb.ba-dinh'`,
    );
    expect(grant.unit_id).toBe(t.scope.communeId);
    const bad = await users(
      ['add', '--username', 'cb.khong', '--name', 'Không', '--role', 'province_officer', '--unit', '99'],
      { GIAMNGHEO_NEW_PASSWORD: 'mat-khau-can-bo-xa' },
    );
    expect(bad.stderr).toBe('Lỗi: Không có tỉnh, thành phố mã 99 đang có hiệu lực hôm nay.\n');
  });

  it('locks and unlocks, and lists accounts with their status', async () => {
    expect((await users(['lock', '--username', 't.steering-member'])).stdout).toBe(
      'Đã khóa tài khoản t.steering-member.\n',
    );
    expect((await login('t.steering-member', TEST_PASSWORD)).status).toBe(403);
    const list = JSON.parse((await users(['list', '--format', 'json'])).stdout);
    expect(list.find((u: { username: string }) => u.username === 't.steering-member')).toMatchObject({
      status: 'đã khóa',
      roles: 'Thành viên Ban Chỉ đạo',
    });
    expect((await users(['unlock', '--username', 't.steering-member'])).stdout).toBe(
      'Đã mở khóa tài khoản t.steering-member.\n',
    );
    expect((await login('t.steering-member', TEST_PASSWORD)).status).toBe(200);
  });
});
