/**
 * Aggregated figures from memory: the public page, the poverty summary and the national overview are
 * served from a snapshot kept per figures version; an import, an approval or a recorded decision moves
 * the version at its commit, and the next answer is rebuilt. 304 while nothing changed. The public files
 * made from the same figures (CSV, Excel) are kept the same way, as the bytes first sent.
 */
import { PassThrough } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../src/domain/text';
import { writeReviewWorkbook, type TemplateRows } from '../../src/modules/poverty/excel';
import { XLSX } from '../../src/modules/results/excel';
import { NATIONAL_CATALOG } from '../../src/domain/poverty/standards';
import { figuresVersion } from '../../src/modules/reference/repo';
import { figuresSnapshotOf } from '../../src/modules/reference/snapshot';
import { publicFiguresCsv } from '../../src/modules/results/service';
import { testApp, type Client, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

/** The figures counter alone (the part before the reference counter). */
const counter = async () => BigInt((await figuresVersion(t.db)).split('.')[0]);

async function xlsx(rows: TemplateRows): Promise<Blob> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (d: Buffer) => chunks.push(d));
  const ended = new Promise((r) => out.on('end', r));
  await writeReviewWorkbook(out, { communeName: 'Phường Ba Đình', year: 2025, catalog: NATIONAL_CATALOG }, rows);
  await ended;
  return new Blob([new Uint8Array(Buffer.concat(chunks))]);
}

const ROWS: TemplateRows = {
  households: [
    ['H1', 'Nguyễn Văn Một', null, 'Kinh', 'Tổ 1', 'Thành thị', 170, null, '1.1; 2.2; 6.1', null, null, null, null],
    ['H2', 'Lê Thị Hai', null, 'Mường', 'Tổ 2', 'Thành thị', 170, null, '4.2', null, null, null, null],
  ],
  members: [
    ['H1', 'Nguyễn Văn Một', 'Chủ hộ', null, 'Nam', null, 'Kinh'],
    ['H2', 'Lê Thị Hai', 'Chủ hộ', null, 'Nữ', null, 'Mường'],
  ],
};

async function cookieOf(role: string) {
  const res = await t
    .client()
    .post('/api/auth/login', { username: `t.${role.replace('_', '-')}`, password: 'mat-khau-thu-nghiem' });
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

describe('figures snapshot', () => {
  it('the public page: the same ETag again, 304 for the holder, public Cache-Control', async () => {
    const anon = t.client();
    const first = await anon.get('/api/results/public');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await anon.get('/api/results/public');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.body).toEqual(first.body);
    const held = await anon.request('GET', '/api/results/public', undefined, { 'If-None-Match': etag });
    expect(held.status).toBe(304);
  });

  it('the public CSV: the bytes built today, kept across other requests, 304 for the holder, new after a decision', async () => {
    const csv = async (path = '/api/results/public.csv', headers: Record<string, string> = {}) => {
      const res = await t.fetch(new Request(`http://localhost${path}`, { headers }));
      return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const first = await csv();
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(first.headers.get('content-disposition')).toBe('attachment; filename="ket-qua-chuong-trinh.csv"');
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    // exactly what the CSV builder makes (BOM, ',' between fields, CRLF), as before the snapshot
    expect(first.bytes.equals(Buffer.from(await publicFiguresCsv(t.db)))).toBe(true);
    const text = first.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFNăm,Mã vùng,Địa bàn,Chỉ tiêu,Tỷ lệ (%),Số hộ,Tình trạng,Nguồn\r\n')).toBe(true);
    expect(text).toContain('\r\n2022,VN,Toàn quốc,poor,4.03,1057374,published,');
    const row2023 = /\r\n2023,VN,Toàn quốc,poor_districts_exited_share,([^,]*),/;
    expect(text.match(row2023)?.[1]).toBe('');

    // unrelated requests (a sign-in is a POST: the next read checks the version again) change nothing
    await t.as('steering_member');
    expect((await t.client().get('/api/results/public')).status).toBe(200);
    const again = await csv();
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    // a query parameter the route does not read is the same answer, not a new build
    expect((await csv('/api/results/public.csv?x=1')).headers.get('etag')).toBe(etag);
    // gzip for a browser that asks, the same bytes once decoded
    const gz = await csv('/api/results/public.csv', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(gz.bytes).equals(first.bytes)).toBe(true);
    const held = await csv('/api/results/public.csv', { 'If-None-Match': etag });
    expect(held.status).toBe(304);
    expect(held.bytes.length).toBe(0);

    // the Excel file of the same figures: kept as first sent (its zip carries a time), 304 for the holder
    const xlsx = await csv('/api/results/public.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    expect(xlsx.headers.get('content-encoding')).toBeNull();
    const xlsxAgain = await csv('/api/results/public.xlsx', { 'Accept-Encoding': 'gzip' });
    expect(xlsxAgain.headers.get('content-encoding')).toBeNull(); // already compressed
    expect(xlsxAgain.bytes.equals(xlsx.bytes)).toBe(true);
    expect((await csv('/api/results/public.xlsx', { 'If-None-Match': xlsx.headers.get('etag')! })).status).toBe(304);

    // a recorded exit decision moves the figures version: the next build has the 2023 share of poor districts
    const v0 = await figuresVersion(t.db);
    const owner = await t.as('program_owner');
    const exit = await owner.post('/api/results/areas/exits', {
      group: 'POOR_DISTRICTS_2021_2025',
      decision: 'Quyết định thử số 998/QĐ-TTg',
      decidedOn: '2023-06-30',
      count: 2,
      status: 'unverified',
    });
    expect(exit.status, JSON.stringify(exit.body)).toBe(200);
    expect(await figuresVersion(t.db)).not.toBe(v0);
    // public figures may lag one rebuild behind (the last answer is served while the new one is built)
    let after = await csv();
    for (let i = 0; i < 50 && after.headers.get('etag') === etag; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await csv();
    }
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(after.bytes.equals(Buffer.from(await publicFiguresCsv(t.db)))).toBe(true);
    expect(after.bytes.toString('utf8').match(row2023)?.[1]).toBe(String((2 / 74) * 100));
    expect((await csv('/api/results/public.csv', { 'If-None-Match': etag })).status).toBe(200);
    expect((await csv('/api/results/public.csv', { 'If-None-Match': after.headers.get('etag')! })).status).toBe(304);
  });

  it('a recorded exit decision moves the version and changes the public figures after one rebuild', async () => {
    const anon = t.client();
    const before = await anon.get('/api/results/public');
    const v0 = await figuresVersion(t.db);
    const owner = await t.as('program_owner');
    const exit = await owner.post('/api/results/areas/exits', {
      group: 'POOR_DISTRICTS_2021_2025',
      decision: 'Quyết định thử số 999/QĐ-TTg',
      decidedOn: '2025-06-30',
      count: 1,
      status: 'unverified',
    });
    expect(exit.status, JSON.stringify(exit.body)).toBe(200);
    expect(await figuresVersion(t.db)).not.toBe(v0);
    // public figures may lag one rebuild behind (the last answer is served while the new one is built)
    let after = await anon.get('/api/results/public');
    for (let i = 0; i < 50 && after.headers.get('etag') === before.headers.get('etag'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await anon.get('/api/results/public');
    }
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(JSON.stringify(after.body)).toContain('Quyết định thử số 999/QĐ-TTg');
    expect(JSON.stringify(before.body)).not.toContain('Quyết định thử số 999/QĐ-TTg');
    const old = await anon.request('GET', '/api/results/public', undefined, {
      'If-None-Match': before.headers.get('etag')!,
    });
    expect(old.status).toBe(200);
  });

  it('an import changes the poverty summary; the answer stays private and refused to the public', async () => {
    const steering = await t.as('steering_member');
    const path = '/api/poverty/summary?year=2025&level=nation&status=all';
    const before = await steering.get(path);
    expect(before.status).toBe(200);
    expect(before.headers.get('cache-control')).toBe('private, no-cache');
    expect(before.body.rows).toEqual([]);
    expect((await t.client().get(path)).status).toBe(401);
    const v0 = await counter();
    const form = new FormData();
    form.append('file', await xlsx(ROWS), 'so-ra-soat.xlsx');
    const res = await t.fetch(
      new Request(`http://localhost/api/poverty/communes/${encodeURIComponent(t.scope.communeId)}/import?year=2025`, {
        method: 'POST',
        body: form,
        headers: { cookie: await cookieOf('commune_officer') },
      }),
    );
    expect(res.status).toBe(200);
    expect(await counter()).toBe(v0 + 1n); // one transaction, one step, however many aggregate rows
    const after = await steering.get(path);
    expect(after.body.rows[0]).toMatchObject({ code: 'VN', registeredHouseholds: 2, poor: 1, nearPoor: 1 });
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    // the same file again changes nothing: the counter stays, the holder gets a 304
    const again = await t.fetch(
      new Request(`http://localhost/api/poverty/communes/${encodeURIComponent(t.scope.communeId)}/import?year=2025`, {
        method: 'POST',
        body: (() => form)(),
        headers: { cookie: await cookieOf('commune_officer') },
      }),
    );
    expect(again.status).toBe(200);
    expect(await counter()).toBe(v0 + 1n);
    const held = await steering.request('GET', path, undefined, { 'If-None-Match': after.headers.get('etag')! });
    expect(held.status).toBe(304);
    expect((await t.client().get(path)).status).toBe(401);
  });

  it('an approved report changes the national overview', async () => {
    const owner = await t.as('program_owner');
    const province = await t.as('province_officer');
    const commune = await t.as('commune_officer');
    const today = todayInVietnam();
    const half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
    const period = await owner.post('/api/results/periods', {
      form: 'TT10-BIEU-02',
      periodKey: `${today.slice(0, 4)}S${half}`,
    });
    expect(period.status, JSON.stringify(period.body)).toBe(200);
    const approvedOf = async (c: Client) =>
      (await c.get('/api/results/overview')).body.reporting.find((r: any) => r.periodId === period.body.id).approved;
    expect(await approvedOf(owner)).toBe(0);
    const unit = `/api/results/periods/${period.body.id}/units/${encodeURIComponent(t.scope.communeId)}`;
    expect((await commune.request('PUT', unit, { values: { households: 100, poor: 10, near_poor: 20 } })).status).toBe(
      200,
    );
    const submitted = await commune.post(`${unit}/submit`);
    expect(submitted.status).toBe(200);
    const id = submitted.body.report.id;
    expect((await province.post(`/api/results/reports/${id}/approve`)).status).toBe(200);
    const v0 = await figuresVersion(t.db);
    expect((await owner.post(`/api/results/reports/${id}/approve`)).status).toBe(200);
    expect(await figuresVersion(t.db)).not.toBe(v0);
    expect(await approvedOf(owner)).toBe(1);
  });

  it('a change made outside the server (CLI, psql) is seen after the periodic check; a rollback moves nothing', async () => {
    const anon = t.client();
    const path = '/api/poverty/published?year=2024';
    const before = await anon.get(path);
    const vn = before.body.items.find((i: any) => i.areaCode === 'VN' && i.indicator === 'poor');
    expect(vn).toMatchObject({ households: 599608, ratePct: 1.93 });
    const v0 = await counter();
    await t.db
      .tx(async (tx) => {
        await tx.query(`UPDATE poverty_published SET note = 'thử' WHERE year = 2024`);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await counter()).toBe(v0);
    await t.db.query(
      `UPDATE poverty_published SET households = households + 1 WHERE year = 2024 AND area_code = 'VN' AND indicator = 'poor'`,
    );
    expect(await counter()).toBe(v0 + 1n);
    // The counter is read again once the recheck delay (1 s) has passed since its last read (this test's first
    // request at the latest): waiting longer than that is a lower bound, not a race.
    await new Promise((r) => setTimeout(r, 1100));
    const vnPoor = async () =>
      (await anon.get(path)).body.items.find((i: any) => i.areaCode === 'VN' && i.indicator === 'poor').households;
    // The public (who may keep an answer 60 s) gets the last answer at once while the check runs and the new one
    // is built behind it: the last answer for as long as that takes (how many requests depends on the machine's
    // load), then the new one, and never the last one again.
    expect(await vnPoor()).toBe(599608);
    await expect.poll(vnPoor, { timeout: 30_000 }).toBe(599609);
    expect([await vnPoor(), await vnPoor(), await vnPoor()]).toEqual([599609, 599609, 599609]);
    expect(figuresSnapshotOf(t.db).size.version).toBe(await figuresVersion(t.db));
    await t.db.query(
      `UPDATE poverty_published SET households = households - 1 WHERE year = 2024 AND area_code = 'VN' AND indicator = 'poor'`,
    );
  });
});
