/** Reference data from memory: one snapshot per version counter, ETag/304, Cache-Control, access rules kept. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceVersion } from '../../src/modules/reference/repo';
import { referenceSnapshotOf } from '../../src/modules/reference/snapshot';
import { testApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const AT = '2026-11-28';

describe('reference snapshot', () => {
  it('children of a province: the same bytes and ETag again, 304 for the holder, public Cache-Control', async () => {
    const anon = t.client();
    const path = `/api/units/${encodeURIComponent(t.scope.provinceId)}/children?at=${AT}`;
    const first = await anon.get(path);
    expect(first.status).toBe(200);
    expect(first.body.items.length).toBeGreaterThan(100); // Hà Nội's wards and communes
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await anon.get(path);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe(etag);
    const notModified = await anon.request('GET', path, undefined, { 'If-None-Match': `W/${etag}` });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag);
    // a gzip-accepting client gets the stored gzip copy with the same ETag
    const gz = await t.fetch(new Request(`http://localhost${path}`, { headers: { 'Accept-Encoding': 'gzip' } }));
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('etag')).toBe(etag);
    // an invalid request is still refused (errors are not stored)
    expect((await anon.get(`/api/units/${encodeURIComponent(t.scope.provinceId)}/children?at=1999-01-01`)).status).toBe(
      400,
    );
  });

  it('a change to a reference table moves the counter; the next answer is rebuilt from the database', async () => {
    const anon = t.client();
    const path = `/api/units/${encodeURIComponent(t.scope.provinceId)}/children?at=${AT}`;
    const before = await anon.get(path);
    const v0 = await referenceVersion(t.db);
    const child = before.body.items[0];
    await t.db.query(`UPDATE admin_unit SET name = name || ' (thử)' WHERE id = $1`, [child.id]);
    expect(BigInt(await referenceVersion(t.db))).toBe(BigInt(v0) + 1n);
    await referenceSnapshotOf(t.db).refresh(true); // what the periodic check (1 s) does
    const after = await anon.get(path);
    expect(after.body.items.find((u: any) => u.id === child.id).name).toBe(`${child.name} (thử)`);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect((await anon.request('GET', path, undefined, { 'If-None-Match': before.headers.get('etag')! })).status).toBe(
      200,
    );
    await t.db.query(`UPDATE admin_unit SET name = $2 WHERE id = $1`, [child.id, child.name]);
  });

  it("another process's change is seen within the recheck delay, without a forced refresh", async () => {
    const anon = t.client();
    const before = await anon.get(`/api/agencies?at=${AT}`);
    expect(before.status).toBe(200);
    await t.db.query(`UPDATE agency SET name = name WHERE id = $1`, [t.scope.agencyId]); // same data, new version
    const v = await referenceVersion(t.db);
    await new Promise((r) => setTimeout(r, 1100));
    await anon.get(`/api/agencies?at=${AT}`);
    expect(referenceSnapshotOf(t.db).size.version).toBe(v);
  });

  it('role-limited reference data keeps its access rule and is private', async () => {
    const admin = await t.as('admin');
    const ok = await admin.get('/api/units/lineage/unresolved');
    expect(ok.status).toBe(200);
    expect(ok.body.count).toBe(8); // the SUSPECT mapping rows
    expect(ok.headers.get('cache-control')).toBe('private, no-cache');
    // stored by the admin's request, still refused to others
    expect((await t.client().get('/api/units/lineage/unresolved')).status).toBe(401);
    expect((await (await t.as('province_officer')).get('/api/units/lineage/unresolved')).status).toBe(403);
    expect((await t.client().get('/api/plan/program')).status).toBe(401);
    const steering = await (await t.as('steering_member')).get('/api/plan/program');
    expect(steering.status).toBe(200);
    expect(steering.headers.get('cache-control')).toBe('private, no-cache');
  });
});
