import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReviewWorkbook } from '../../src/modules/poverty/excel';
import { NATIONAL_CATALOG } from '../../src/domain/poverty/standards';
import { TEST_PASSWORD, testApp, type Client, type TestApp } from '../support/app';
import { readZip, writeZip } from '../support/zip';

/**
 * Hostile input against a real HTTP server: NUL, lone surrogates, malformed Origin and JSON, impossible
 * dates, huge bodies, zip bombs and headers-only workbooks. Every answer is a 4xx with a Vietnamese
 * message, nothing is half-written, the server lives on, and no temporary file is left.
 */
let t: TestApp;
let server: ReturnType<typeof serve>;
let base: string;
let admin: Client;
let commune: Client;

beforeAll(async () => {
  t = await testApp();
  server = await new Promise((resolve) => {
    const s = serve({ fetch: t.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  admin = await t.as('admin');
  commune = await t.as('commune_officer');
  adminCookie = await loginCookie('t.admin');
  sessionCookie = await loginCookie('t.commune-officer');
});

async function loginCookie(username: string): Promise<string> {
  const res = await t.client().post('/api/auth/login', { username, password: TEST_PASSWORD });
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}
let adminCookie = '';
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await t?.close();
});

/**
 * Everything that counts as a write: changes in the audit trail (refusals are security events, not changes) and the
 * register.
 */
const writes = async () =>
  t.db.one<{ audit: number; households: number; results: number; imports: number; users: number }>(
    `SELECT (SELECT count(*) FROM audit_log WHERE action <> 'security.access.denied')::int AS audit, (SELECT count(*) FROM poverty_household)::int AS households,
            (SELECT count(*) FROM poverty_result)::int AS results, (SELECT count(*) FROM poverty_import)::int AS imports, (SELECT count(*) FROM app_user)::int AS users`,
  );

const tempLeft = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`giamngheo-import-${process.pid}-`));

function expectVietnamese4xx(res: { status: number; body: any }, label: string) {
  expect(res.status, `${label}: ${JSON.stringify(res.body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, label).toBeLessThan(500);
  expect(res.body?.error?.message, label).toMatch(/[àáảãạăâđêôơưếềệốồộớờợứừựíìịýỳ]/i);
}

/** A raw HTTP request: headers as given, a body written in chunks (stops early once the server answers). */
function raw(opts: {
  method: string;
  path: string;
  headers: Record<string, string | number>;
  chunk: Buffer;
  chunks: number;
}): Promise<{ status: number; body: any; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(`${base}${opts.path}`, { method: opts.method, headers: opts.headers }, (res) => {
      answered = true;
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, body: text.startsWith('{') ? JSON.parse(text) : text, sent });
      });
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const pump = () => {
      while (!answered && sent < opts.chunks) {
        sent++;
        if (!req.write(opts.chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

async function workbookBytes(rows: Parameters<typeof writeReviewWorkbook>[2] = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (d: Buffer) => chunks.push(d));
  const ended = new Promise((r) => out.on('end', r));
  await writeReviewWorkbook(out, { communeName: 'Xã thử', year: 2024, catalog: NATIONAL_CATALOG }, rows);
  await ended;
  return Buffer.concat(chunks);
}

async function upload(bytes: Buffer, query = 'year=2024') {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)]), 'so-ra-soat.xlsx');
  const res = await fetch(`${base}/api/poverty/communes/${t.scope.communeId}/import?${query}`, {
    method: 'POST',
    body: form,
    headers: { cookie: sessionCookie },
  });
  return { status: res.status, body: await res.json() };
}
let sessionCookie = '';

/** A request with a raw (possibly malformed) body through the real server. */
async function rawJson(method: string, p: string, body: string) {
  const res = await fetch(`${base}${p}`, {
    method,
    body,
    headers: { 'content-type': 'application/json', cookie: adminCookie },
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

describe('hostile input', () => {
  it('NUL and lone surrogates in any JSON body or query string are refused by every route with a 4xx', async () => {
    const before = await writes();
    const problems: string[] = [];
    for (const route of t.router.routes) {
      if (route.path === '/api/auth/logout') continue;
      const p = route.path.replace(/:(\w+)/g, (_, name: string) => route.spec.example?.[name] ?? '1');
      const tries: [string, { status: number; body: any }][] = [
        ['query NUL', await admin.request(route.method, `${p}?q=a%00b`, route.method === 'GET' ? undefined : {})],
        [
          'query surrogate',
          await admin.request(
            route.method,
            `${p}?q=%ED%A0%80&r=${encodeURIComponent('x')}%ED%A0`,
            route.method === 'GET' ? undefined : {},
          ),
        ],
      ];
      if (route.spec.body) {
        tries.push(
          [
            'body NUL',
            await rawJson(route.method, p, JSON.stringify({ username: 'a\u0000', name: 'x\u0000', body: 'y\u0000' })),
          ],
          ['body surrogate', await rawJson(route.method, p, '{"name": "\\ud800x", "list": ["\\udc00"]}')],
          ['malformed JSON', await rawJson(route.method, p, '{"name": ')],
          ['raw NUL byte', await rawJson(route.method, p, '{"name": "a\u0000b"}')],
        );
      }
      for (const [label, res] of tries) {
        const refusedByRole = res.status === 403 || res.status === 401;
        if (res.status >= 500 || res.status < 400)
          problems.push(
            `${route.method} ${route.path} ${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
          );
        else if (res.status !== 400 && !refusedByRole)
          problems.push(`${route.method} ${route.path} ${label}: ${res.status}`);
        else if (!res.body?.error?.message) problems.push(`${route.method} ${route.path} ${label}: no error message`);
      }
    }
    expect(problems).toEqual([]);
    expect(await writes()).toEqual(before);
  });

  it('malformed JSON, a malformed or null Origin, impossible dates and ranges are 4xx in Vietnamese', async () => {
    const before = await writes();
    const post = (p: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${base}${p}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }).then(
        async (r) => ({ status: r.status, body: await r.json() }),
      );
    expectVietnamese4xx(await post('/api/auth/login', '{"username": "a", '), 'malformed JSON');
    expect((await post('/api/auth/login', '{}', { origin: 'http://[::1' })).status).toBe(403);
    expect((await post('/api/auth/login', '{}', { origin: '%%%' })).status).toBe(403);
    expect((await post('/api/auth/login', '{}', { origin: 'null' })).status).toBe(403);
    expectVietnamese4xx(await post('/api/auth/login', '{}', { origin: 'http://[::1' }), 'malformed origin');
    const step = await commune.post(`/api/poverty/communes/${t.scope.communeId}/review/steps`, {
      year: 2024,
      step: 'listing',
      on: '2024-02-30',
    });
    expectVietnamese4xx(step, 'impossible date');
    const far = await commune.post(`/api/poverty/communes/${t.scope.communeId}/applications`, {
      applicantName: 'A',
      receivedOn: '2999-01-01',
    });
    expectVietnamese4xx(far, 'date far in the future');
    expectVietnamese4xx(await admin.get('/api/audit?from=2025-02-01&to=2025-01-01'), 'reversed range');
    expectVietnamese4xx(await admin.get('/api/poverty/summary?year=99999'), 'year out of range');
    expect(await writes()).toEqual(before);
  });

  it('huge bodies are refused before they are read, announced or chunked, and memory stays flat', async () => {
    const rss = process.memoryUsage().rss;
    const mib = Buffer.alloc(1024 * 1024, 0x61);
    const declared = await raw({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'content-length': 300 * 1024 * 1024 },
      chunk: mib,
      chunks: 300,
    });
    expect(declared.status).toBe(413);
    expect(declared.body.error.message).toMatch(/vượt quá giới hạn 1 MiB/);
    expect(declared.sent).toBeLessThan(300);
    const chunked = await raw({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunk: mib,
      chunks: 300,
    });
    expect(chunked.status).toBe(413);
    expect(chunked.sent).toBeLessThan(300);
    const bigUpload = await raw({
      method: 'POST',
      path: `/api/poverty/communes/${t.scope.communeId}/import?year=2024`,
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': 200 * 1024 * 1024,
        cookie: sessionCookie,
      },
      chunk: mib,
      chunks: 200,
    });
    expect(bigUpload.status).toBe(413);
    expect(bigUpload.body.error.message).toMatch(/64 MiB/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
  });

  it('zip bombs, garbage and headers-only workbooks are refused with nothing written and no temporary file left', async () => {
    const good = await workbookBytes({
      households: [
        [
          'H001',
          'Nguyễn Văn An',
          '001090000001',
          'Kinh',
          'Thôn 1',
          'Nông thôn',
          140,
          null,
          '1.1; 2.2; 4.2',
          30,
          'Hộ nghèo',
          null,
          null,
        ],
      ],
      members: [['H001', 'Nguyễn Văn An', 'Chủ hộ', '01/02/1970', 'Nam', '001090000001', 'Kinh']],
    });
    expect((await upload(good)).status).toBe(200);
    const before = await writes();
    const entries = readZip(good);
    const bomb = writeZip(
      entries.map((e) =>
        e.name.endsWith('sheet1.xml')
          ? { ...e, data: Buffer.concat([e.data, Buffer.alloc(64 * 1024 * 1024, 0x20)]) }
          : e,
      ),
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    for (const [label, bytes] of [
      ['zip bomb', bomb],
      ['hidden entry', writeZip(entries, [{ name: 'xl/worksheets/sheet7.xml', data: Buffer.alloc(10_000, 0x20) }])],
      ['garbage', Buffer.from('\u0000\uFFFF garbage '.repeat(1000))],
      ['truncated', good.subarray(0, good.length / 2)],
      ['headers only', await workbookBytes()],
    ] as const) {
      const res = await upload(bytes);
      expectVietnamese4xx(res, label);
      expect(await writes(), label).toEqual(before);
      expect(tempLeft(), label).toEqual([]);
    }
    // confirmed: the commune has no household to list
    const empty = await upload(await workbookBytes(), 'year=2024&confirmEmpty=true');
    expect(empty.status).toBe(200);
    expect(empty.body.households).toBe(0);
    expect(tempLeft()).toEqual([]);
  });

  it('a session older than the absolute lifetime is refused, however active', async () => {
    const c = await t.as('steering_member');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    await t.db.query(
      `UPDATE user_session SET created_at = now() - interval '13 hours' WHERE user_id = (SELECT id FROM app_user WHERE username = 't.steering-member')`,
    );
    const res = await c.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_expired');
  });

  it('the server is alive and answers personal data with no-store', async () => {
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('cache-control')).toBe('no-store');
    const list = await commune.get(`/api/poverty/communes/${t.scope.communeId}/households?year=2024`);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
  });
});
