import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, testApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

const newUser = (username: string) => ({
  username,
  displayName: 'Nguyễn Văn Thử',
  password: 'mot-mat-khau-dai',
  grants: [{ role: 'steering_member', agencyId: null, unitId: null }],
});

describe('audit trail', () => {
  it('records who created what, with the after state and no secret', async () => {
    const admin = await t.as('admin');
    const res = await admin.post('/api/users', newUser('nv.thu'));
    expect(res.status).toBe(200);
    const log = await admin.get('/api/audit?entity=user&action=users.user.create&limit=1');
    const row = log.body.items[0];
    expect(row.actorName).toBe('t.admin');
    expect(row.entityId).toBe(String(res.body.user.id));
    expect(row.after.displayName).toBe('Nguyễn Văn Thử');
    expect(JSON.stringify(row)).not.toContain('mot-mat-khau-dai');
  });

  it('writes nothing when the change fails (same transaction)', async () => {
    const admin = await t.as('admin');
    const before = (await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).n;
    const dup = await admin.post('/api/users', newUser('nv.thu'));
    expect(dup.status).toBe(409);
    const badUnit = await admin.post('/api/users', {
      ...newUser('nv.khac'),
      grants: [{ role: 'commune_officer', unitId: 'C:99999:2025-07-01' }],
    });
    expect(badUnit.status).toBe(400);
    const after = (await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).n;
    expect(after).toBe(before);
    expect(await t.db.query(`SELECT 1 FROM app_user WHERE username = 'nv.khac'`)).toHaveLength(0);
  });

  it('cannot be altered or deleted, even with direct SQL', async () => {
    await expect(t.db.query(`UPDATE audit_log SET actor_name = 'ai đó'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('exports CSV with a BOM for Excel, for administrators only', async () => {
    const admin = await t.as('admin');
    const csv = await admin.get('/api/audit/export.csv?entity=user');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(String(csv.body).charCodeAt(0)).toBe(0xfeff);
    // for Excel set to Vietnamese: ';' between fields, Vietnamese headers and labels, dd/mm/yyyy
    expect(String(csv.body).startsWith('\uFEFFNgày;Giờ;Người thực hiện;Tên đăng nhập;Thao tác;Đối tượng;')).toBe(true);
    expect(String(csv.body)).toMatch(/\r\n\d\d\/\d\d\/20\d\d;\d\d:\d\d:\d\d;/);
    expect(String(csv.body)).toContain(';Tạo tài khoản;Tài khoản;');
    expect(String(csv.body)).not.toContain('users.user.create');
    // the export is itself recorded: who, which filter, how many rows
    const recorded = await t.db.one<{ actor_name: string; after: { filter: { entity: string }; rows: number } }>(
      `SELECT actor_name, after FROM audit_log WHERE action = 'audit.log.export' ORDER BY id DESC LIMIT 1`,
    );
    expect(recorded.after.filter.entity).toBe('user');
    expect(recorded.after.rows).toBe(String(csv.body).trim().split('\n').length - 1);
    const officer = await t.as('province_officer');
    const exports = async () =>
      (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'audit.log.export'`)).n;
    const before = await exports();
    expect((await officer.get('/api/audit/export.csv')).status).toBe(403);
    expect(await exports()).toBe(before);
  });

  it('exports .xlsx: a date cell, the time in Vietnam, Vietnamese labels, text never a formula', async () => {
    const login = await t.client().post('/api/auth/login', { username: 't.admin', password: TEST_PASSWORD });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const res = await t.fetch(
      new Request('http://localhost/api/audit/export.xlsx?entity=user', { headers: { cookie } }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Nhật ký');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['Ngày', 'Giờ', 'Người thực hiện', 'Tên đăng nhập', 'Thao tác', 'Đối tượng']);
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const create = rows.find((r) => r[5] === 'Tạo tài khoản')!;
    expect(create[1]).toBeInstanceOf(Date);
    expect(ws.getCell(`A${rows.indexOf(create) + 2}`).numFmt).toBe('dd/mm/yyyy');
    expect(create[2]).toMatch(/^\d\d:\d\d:\d\d$/);
    // the row's day and time are Vietnam's (UTC+7)
    const at = await t.db.one<{ at: Date }>(
      `SELECT at FROM audit_log WHERE action = 'users.user.create' ORDER BY id DESC LIMIT 1`,
    );
    const local = new Date(at.at.getTime() + 7 * 3600_000).toISOString();
    expect(
      rows.some(
        (r) => (r[1] as Date).toISOString().slice(0, 10) === local.slice(0, 10) && r[2] === local.slice(11, 19),
      ),
    ).toBe(true);
    expect(rows.flat().filter((v) => typeof v === 'object' && v !== null && 'formula' in v)).toEqual([]);
    expect((await (await t.as('province_officer')).get('/api/audit/export.xlsx')).status).toBe(403);
  });

  it('rejects an impossible date filter with a Vietnamese message', async () => {
    const admin = await t.as('admin');
    const res = await admin.get('/api/audit?from=2026-02-30');
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems[0].message).toBe('Ngày không tồn tại.');
  });

  it('is read page by page: every row once, newest first, the last page without a next cursor', async () => {
    const admin = await t.as('admin');
    for (const name of ['nv.trang1', 'nv.trang2', 'nv.trang3', 'nv.trang4', 'nv.trang5'])
      expect((await admin.post('/api/users', newUser(name))).status).toBe(200);
    const filter = 'entity=user&action=users.user.create';
    const all = await t.db.query<{ id: number }>(
      `SELECT id FROM audit_log WHERE entity = 'user' AND action = 'users.user.create' ORDER BY id DESC`,
    );
    expect(all.length).toBeGreaterThanOrEqual(6);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: any } = await admin.get(
        `/api/audit?${filter}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((r: { id: number }) => r.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(all.map((r) => r.id));
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it('refuses a page larger than the maximum and a malformed cursor', async () => {
    const admin = await t.as('admin');
    expect((await admin.get('/api/audit?limit=1001')).status).toBe(422);
    expect((await admin.get('/api/audit?limit=1000')).status).toBe(200);
    const bad = await admin.get('/api/audit?cursor=abc');
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems[0].message).toBe('Con trỏ trang không hợp lệ.');
  });
});
