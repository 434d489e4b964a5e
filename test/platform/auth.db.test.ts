import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extendSession } from '../../src/modules/auth/repo-session';
import { testApp, TEST_PASSWORD, type TestApp } from '../support/app';
import { TEST_MODE } from '../support/db';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

describe('sign-in and sessions', () => {
  it('signs in with an HttpOnly SameSite=Strict cookie and answers /api/auth/me', async () => {
    const res = await t.client().post('/api/auth/login', { username: 't.admin', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/gn_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await t.client(cookie.split(';')[0]).get('/api/auth/me');
    expect(me.body.user.username).toBe('t.admin');
  });

  it('stores only a hash of the session token', async () => {
    const res = await t.client().post('/api/auth/login', { username: 't.admin', password: TEST_PASSWORD });
    const token = (res.headers.get('set-cookie') ?? '').split(';')[0].split('=')[1];
    const raw = await t.db.query('SELECT 1 FROM user_session WHERE token_hash = $1', [token]);
    expect(raw).toHaveLength(0);
  });

  it('refuses a wrong password with a Vietnamese message and the same answer for an unknown user', async () => {
    const wrong = await t.client().post('/api/auth/login', { username: 't.admin', password: 'sai-mat-khau' });
    const unknown = await t.client().post('/api/auth/login', { username: 'khong-co-ai', password: 'sai-mat-khau' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toEqual(wrong.body.error);
  });

  it('limits repeated failures for one account (429 with Retry-After), even with the right password', async () => {
    for (let i = 0; i < 5; i++)
      await t.client().post('/api/auth/login', { username: 't.steering-member', password: 'sai' + i });
    const blocked = await t
      .client()
      .post('/api/auth/login', { username: 't.steering-member', password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.error.message).toMatch(/thử lại sau/);
  });

  it('rejects an expired session with its own message, and deletes it', async () => {
    const res = await t.client().post('/api/auth/login', { username: 't.program-owner', password: TEST_PASSWORD });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    const tokenHash = createHash('sha256').update(cookie.split('=')[1]).digest('hex');
    await t.db.query(`UPDATE user_session SET expires_at = now() - interval '1 minute' WHERE token_hash = $1`, [
      tokenHash,
    ]);
    const me = await t.client(cookie).get('/api/auth/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('session_expired');
    expect(await t.db.query('SELECT 1 FROM user_session WHERE token_hash = $1', [tokenHash])).toHaveLength(0);
  });

  it('does not revive a session that expired while a request was being answered', async () => {
    const res = await t.client().post('/api/auth/login', { username: 't.program-owner', password: TEST_PASSWORD });
    const tokenHash = createHash('sha256')
      .update((res.headers.get('set-cookie') ?? '').split(';')[0].split('=')[1])
      .digest('hex');
    const expiredAt = '2026-01-01T00:00:00.000Z';
    await t.db.query(`UPDATE user_session SET expires_at = $2 WHERE token_hash = $1`, [tokenHash, expiredAt]);
    // what a request that looked the session up just before it expired does next
    await extendSession(t.db, tokenHash, 30);
    const [row] = await t.db.query<{ at: string }>(
      `SELECT to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM user_session WHERE token_hash = $1`,
      [tokenHash],
    );
    expect(row.at).toBe(expiredAt);
  });

  it('ends the session on sign-out', async () => {
    const c = await t.as('province_officer');
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a cross-site state-changing request (CSRF)', async () => {
    const c = await t.as('admin');
    const res = await c.request('POST', '/api/users', {}, { origin: 'https://trang-gia-mao.example' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf');
    const site = await c.request('POST', '/api/users', {}, { 'sec-fetch-site': 'cross-site' });
    expect(site.status).toBe(403);
  });

  it('sends security headers', async () => {
    const res = await t.client().get('/api/health');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('answers its health and its OpenAPI document, which carries the answer schema of each route', async () => {
    const health = await t.client().get('/api/health');
    expect([health.status, health.body]).toEqual([200, { status: 'ok', db: TEST_MODE, version: '0.1.0' }]);
    const doc = await t.client().get('/api/openapi.json');
    expect([doc.status, doc.body.openapi, doc.body.info.title]).toEqual([200, '3.1.0', 'giamngheo API']);
    const targets = doc.body.paths['/api/results/targets'].get.responses['200'].content['application/json'].schema;
    expect(targets.properties.items.items.required).toContain('ruleVi');
    expect(doc.body.paths['/api/health'].get.responses['200'].content['application/json'].schema.required).toEqual([
      'status',
      'db',
      'version',
    ]);
  });

  it('compresses large JSON answers for clients that accept it', async () => {
    const res = await t
      .client()
      .request('GET', '/api/units?level=province&at=2024-01-01', undefined, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });
});
