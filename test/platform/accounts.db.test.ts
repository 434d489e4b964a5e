import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { testApp, TEST_PASSWORD, type Client, type TestApp } from '../support/app';

/**
 * Accounts an administrator can manage (reset, lock, grants with dates), a user's own password
 * change, the password policy, and sign-in throttling kept in the database: through the HTTP API,
 * on the engine chosen by GIAMNGHEO_TEST_DB.
 */
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await testApp();
  admin = await t.as('admin');
});
afterAll(() => t?.close());

const NEW_PASSWORD = 'mot cau that dai de nho';
let seq = 0;

/** A fresh steering-committee member (no scope needed) with the test password. */
async function newMember(prefix = 'tk') {
  const username = `${prefix}.${++seq}`;
  const res = await admin.post('/api/users', {
    username,
    displayName: `Người số ${seq}`,
    password: TEST_PASSWORD,
    grants: [{ role: 'steering_member', agencyId: null, unitId: null }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { id: res.body.user.id as number, username };
}

async function signIn(username: string, password: string) {
  const res = await t.client().post('/api/auth/login', { username, password });
  return { res, client: t.client((res.headers.get('set-cookie') ?? '').split(';')[0]) };
}

const lastAudit = async (action: string) =>
  t.db.maybeOne<{ actor_name: string; entity_id: string; after: any; before: any }>(
    'SELECT actor_name, entity_id, after, before FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1',
    [action],
  );

describe('password policy', () => {
  it.each([
    ['          ', /trống hoặc chỉ gồm khoảng trắng/],
    ['password12', /ít nhất 12 ký tự \(hiện có 10\)/],
    ['password1234', /danh sách mật khẩu phổ biến/],
    ['Matkhau2024!!', /danh sách mật khẩu phổ biến/],
    ['aaaaaaaaaaaaaaaa', /danh sách mật khẩu phổ biến|quá đơn giản/],
    ['xx-nv.policy-xx', /không được chứa tên đăng nhập/],
  ])('refuses %j with a Vietnamese reason on the password field', async (password, reason) => {
    const res = await admin.post('/api/users', {
      username: 'nv.policy',
      displayName: 'Người thử chính sách',
      password,
      grants: [{ role: 'steering_member' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems.map((p: { path: string }) => p.path)).toContain('body.password');
    expect(res.body.error.details.problems.map((p: { message: string }) => p.message).join(' ')).toMatch(reason);
    expect(await t.db.query(`SELECT 1 FROM app_user WHERE username = 'nv.policy'`)).toHaveLength(0);
  });
});

describe('own password', () => {
  it('changes it with the current one, ends the other sessions, keeps this one, and records it', async () => {
    const u = await newMember();
    const other = await signIn(u.username, TEST_PASSWORD);
    const me = await signIn(u.username, TEST_PASSWORD);
    const wrong = await me.client.post('/api/auth/password', {
      currentPassword: 'khong-phai-mat-khau',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe('Mật khẩu hiện tại không đúng.');
    const weak = await me.client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'qwerty123456',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.error.details.problems[0].path).toBe('body.newPassword');

    const ok = await me.client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(ok.status).toBe(200);
    expect((await me.client.get('/api/auth/me')).status).toBe(200);
    expect((await other.client.get('/api/auth/me')).status).toBe(401);
    expect((await signIn(u.username, TEST_PASSWORD)).res.status).toBe(401);
    expect((await signIn(u.username, NEW_PASSWORD)).res.status).toBe(200);
    const row = await lastAudit('auth.password.change');
    expect(row).toMatchObject({
      actor_name: u.username,
      entity_id: String(u.id),
      after: { wasRequired: false, otherSessionsEnded: 1 },
    });
    expect(JSON.stringify(row)).not.toContain(NEW_PASSWORD);
  });
});

describe('administrator reset', () => {
  it('gives a one-time password that must be changed before anything else', async () => {
    const u = await newMember();
    const old = await signIn(u.username, TEST_PASSWORD);
    const reset = await admin.post(`/api/users/${u.id}/reset-password`);
    expect(reset.status).toBe(200);
    const temporary: string = reset.body.temporaryPassword;
    expect(temporary).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    expect(reset.body.user.mustChangePassword).toBe(true);
    expect((await old.client.get('/api/auth/me')).status).toBe(401); // sessions ended

    const first = await signIn(u.username, temporary);
    expect(first.res.status).toBe(200);
    expect(first.res.body.user.mustChangePassword).toBe(true);
    const blocked = await first.client.get('/api/plan/tasks');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    expect((await first.client.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);

    expect(
      (await first.client.post('/api/auth/password', { currentPassword: temporary, newPassword: NEW_PASSWORD })).status,
    ).toBe(200);
    const me = await first.client.get('/api/auth/me');
    expect(me.body.user.mustChangePassword).toBeUndefined();
    expect((await first.client.get('/api/plan/tasks')).status).not.toBe(403);

    const row = await lastAudit('users.password.reset');
    expect(row).toMatchObject({
      actor_name: 't.admin',
      entity_id: String(u.id),
      after: { generated: true, mustChangePassword: true, sessionsEnded: 1 },
    });
    expect(JSON.stringify(row)).not.toContain(temporary);
    expect((await lastAudit('auth.password.change'))!.after.wasRequired).toBe(true);
  });

  it("is refused to non-administrators and for one's own account", async () => {
    const u = await newMember();
    const owner = await t.as('program_owner');
    expect((await owner.post(`/api/users/${u.id}/reset-password`)).status).toBe(403);
    const me = (await admin.get('/api/auth/me')).body.user.userId;
    expect((await admin.post(`/api/users/${me}/reset-password`)).status).toBe(403);
    expect((await admin.post('/api/users/999999/reset-password')).status).toBe(404);
  });
});

describe('lock and unlock', () => {
  it('ends the sessions of a locked account and refuses its sign-in; unlock lets it back', async () => {
    const u = await newMember();
    const session = await signIn(u.username, TEST_PASSWORD);
    const lock = await admin.post(`/api/users/${u.id}/lock`);
    expect(lock.status).toBe(200);
    expect(lock.body.user).toMatchObject({ active: false, lockedBy: 't.admin', can: { lock: false, unlock: true } });
    expect((await session.client.get('/api/auth/me')).status).toBe(401);

    const refused = await signIn(u.username, TEST_PASSWORD);
    expect(refused.res.status).toBe(403);
    expect(refused.res.body.error).toMatchObject({
      code: 'account_locked',
      message: 'Tài khoản này đã bị khóa. Hãy liên hệ quản trị hệ thống.',
    });
    // a wrong password does not reveal the lock
    expect((await signIn(u.username, 'sai-mat-khau-roi')).res.status).toBe(401);
    expect(await lastAudit('auth.login.locked')).toMatchObject({ entity_id: String(u.id) });
    expect(await lastAudit('users.user.lock')).toMatchObject({
      actor_name: 't.admin',
      entity_id: String(u.id),
      after: { active: false },
    });

    expect((await admin.post(`/api/users/${u.id}/unlock`)).status).toBe(200);
    expect((await signIn(u.username, TEST_PASSWORD)).res.status).toBe(200);
    expect((await admin.post(`/api/users/${u.id}/unlock`)).status).toBe(403); // not locked: the policy says no
  });

  it('will not lock the last administrator nor oneself', async () => {
    const me = (await admin.get('/api/auth/me')).body.user.userId;
    expect((await admin.post(`/api/users/${me}/lock`)).status).toBe(403);
    const list = await admin.get('/api/users');
    const self = list.body.items.find((x: { id: number }) => x.id === me);
    expect(self.can).toMatchObject({ lock: false, resetPassword: false, editGrants: true });
    const removeOwnAdmin = await admin.request('PUT', `/api/users/${me}/grants`, {
      grants: [{ role: 'steering_member' }],
    });
    expect(removeOwnAdmin.status).toBe(409);
    expect(removeOwnAdmin.body.error.message).toMatch(/tài khoản quản trị duy nhất/);
  });
});

describe('grants with dates', () => {
  it('replaces the grants, gives rights only while a grant holds, and records before and after', async () => {
    const u = await newMember();
    const res = await admin.request('PUT', `/api/users/${u.id}/grants`, {
      grants: [
        { role: 'province_officer', unitId: t.scope.provinceId, validFrom: '2025-07-01', validTo: '2025-12-31' },
        { role: 'steering_member', validFrom: '2026-01-01' },
        { role: 'program_owner', validFrom: '2099-01-01' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(res.body.user.grants.map((g: { role: string; inForce: boolean }) => [g.role, g.inForce])).toEqual([
      ['province_officer', today <= '2025-12-31'],
      ['steering_member', today >= '2026-01-01'],
      ['program_owner', false],
    ]);
    const me = (await (await signIn(u.username, TEST_PASSWORD)).client.get('/api/auth/me')).body.user;
    expect(me.grants.map((g: { role: string }) => g.role)).toEqual(
      today >= '2026-01-01' ? ['steering_member'] : ['province_officer', 'steering_member'],
    );
    const row = await lastAudit('users.grants.update');
    expect(row!.before.grants).toEqual([
      { role: 'steering_member', agencyId: null, unitId: null, validFrom: null, validTo: null },
    ]);
    expect(row!.after.grants).toHaveLength(3);

    const bad = await admin.request('PUT', `/api/users/${u.id}/grants`, {
      grants: [{ role: 'steering_member', validFrom: '2026-02-01', validTo: '2026-01-01' }],
    });
    expect(bad.status).toBe(422);
    const noUnit = await admin.request('PUT', `/api/users/${u.id}/grants`, { grants: [{ role: 'commune_officer' }] });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.error.message).toBe('Vai trò "Cán bộ cấp xã" cần một đơn vị hành chính.');
  });

  it('lists last sign-in and permissions with every account', async () => {
    const u = await newMember();
    await signIn(u.username, TEST_PASSWORD);
    const list = await admin.get('/api/users');
    expect(list.body.can).toEqual({ create: true });
    const row = list.body.items.find((x: { id: number }) => x.id === u.id);
    expect(Date.now() - Date.parse(row.lastLoginAt)).toBeLessThan(60_000);
    expect(row).toMatchObject({
      active: true,
      mustChangePassword: false,
      can: { resetPassword: true, lock: true, unlock: false, editGrants: true },
    });
  });
});

describe('sign-in throttling in the database', () => {
  // An app that believes X-Forwarded-For from one proxy address, as GIAMNGHEO_TRUSTED_PROXIES=10.9.9.9 would.
  const login = (peer: string, body: unknown, forwardedFor?: string) => {
    const { app } = createApp({ ...t.deps, config: { ...t.deps.config, trustedProxies: ['10.9.9.9'] } });
    return app.request(
      '/api/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
        body: JSON.stringify(body),
      },
      { incoming: { socket: { remoteAddress: peer, remotePort: 1, remoteFamily: 'IPv4' } } },
    );
  };

  it('slows one account guessed from six addresses, whatever the address, and records each failure', async () => {
    const u = await newMember('thr');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await login(`10.0.0.${i + 1}`, { username: u.username, password: `sai-${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const right = await login('10.0.0.99', { username: u.username, password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await right.json()) as any).error.message).toMatch(
      /^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ giây\.$/,
    );
    const failed = await lastAudit('auth.login.failed');
    expect(failed).toMatchObject({
      actor_name: 'ẩn danh',
      entity_id: String(u.id),
      after: { username: u.username, address: '10.0.0.5', accountFailures: 5, delaySeconds: 30 },
    });
    // the counter lives in the database: another process (here another app) sees it too
    expect(
      (await t.db.one<{ failures: number }>('SELECT failures FROM login_throttle WHERE key = $1', [`u:${u.username}`]))
        .failures,
    ).toBe(5);
    // an administrator's reset clears the wait
    const reset = await admin.post(`/api/users/${u.id}/reset-password`);
    expect((await login('10.0.0.99', { username: u.username, password: reset.body.temporaryPassword })).status).toBe(
      200,
    );
  });

  it('believes X-Forwarded-For only from a trusted proxy, and slows an address down without locking it out', async () => {
    // 20 failures on different accounts from one client behind the proxy
    for (let i = 0; i < 20; i++) {
      const res = await login('10.9.9.9', { username: `khong-co-${i}`, password: 'sai-mat-khau' }, '203.0.113.7');
      expect(res.status).toBe(401);
    }
    const next = await login('10.9.9.9', { username: 't.steering-member', password: TEST_PASSWORD }, '203.0.113.7');
    expect(next.status).toBe(429);
    expect(Number(next.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // another client behind the same proxy is not affected
    expect(
      (await login('10.9.9.9', { username: 't.steering-member', password: TEST_PASSWORD }, '198.51.100.1')).status,
    ).toBe(200);
    // a forged header from an untrusted peer is ignored: that peer is judged by its own address
    expect(
      (await login('10.0.0.200', { username: 't.steering-member', password: TEST_PASSWORD }, '203.0.113.7')).status,
    ).toBe(200);
    expect(await t.db.maybeOne('SELECT 1 FROM login_throttle WHERE key = $1', ['a:203.0.113.7'])).toBeTruthy();
  });
});
