import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, testApp, type TestApp } from '../support/app';

/** The account list as an Excel file: Vietnamese headers, roles by name, a date cell; administrators only; audited. */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

async function download(username: string) {
  const login = await t.client().post('/api/auth/login', { username, password: TEST_PASSWORD });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  return t.fetch(new Request('http://localhost/api/users/export.xlsx', { headers: { cookie } }));
}

describe('account list export', () => {
  it('gives an .xlsx with Vietnamese headers, roles with their unit by name, and records the export', async () => {
    await t.as('province_officer'); // signs in once: a last sign-in date to export
    const res = await download('t.admin');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('Tài khoản')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Tên đăng nhập',
      'Họ và tên',
      'Thư điện tử',
      'Vai trò',
      'Trạng thái',
      'Phải đổi mật khẩu',
      'Ngày đăng nhập cuối',
    ]);
    const rows = (ws.getSheetValues().slice(2) as unknown[][]).map((r) => r.slice(1));
    const province = rows.find((r) => r[0] === 't.province-officer')!;
    expect(province[3]).toBe('Cán bộ cấp tỉnh — Thành phố Hà Nội');
    expect(province[4]).toBe('Đang hoạt động');
    expect(province[5]).toBe('Không');
    expect(province[6]).toBeInstanceOf(Date);
    const recorded = await t.db.one<{ actor_name: string; after: { rows: number } }>(
      `SELECT actor_name, after FROM audit_log WHERE action = 'users.user.export' ORDER BY id DESC LIMIT 1`,
    );
    expect(recorded).toEqual({ actor_name: 't.admin', after: { rows: rows.length } });
  });

  it('refuses anyone but an administrator, recording nothing', async () => {
    const count = async () =>
      (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'users.user.export'`)).n;
    const before = await count();
    expect((await download('t.program-owner')).status).toBe(403);
    expect(await count()).toBe(before);
  });
});
