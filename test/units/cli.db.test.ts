import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../support/db';
import { runCli } from '../support/process';

let t: TestDatabase;
let env: Record<string, string>;
beforeAll(async () => {
  t = await testDatabase();
  env = { DATABASE_URL: t.url, GIAMNGHEO_ADMIN_PASSWORD: 'mat-khau-quan-tri-thu' };
});
afterAll(() => t?.close());

const units = (...args: string[]) => runCli(['units', ...args], env);

describe('giamngheo units (real process)', () => {
  it('list --level province --at 2025-07-01 --format json: 34 objects with the documented fields', async () => {
    const r = await units('list', '--level', 'province', '--at', '2025-07-01', '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows).toHaveLength(34);
    for (const row of rows)
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining(['code', 'name', 'level', 'validFrom', 'validTo', 'parentCode']),
      );
    expect(rows.find((x: { code: string }) => x.code === '24').name).toBe('Bắc Ninh');
  });

  it('list communes of an old district as csv, and of a province as a table with a count', async () => {
    const csv = await units('list', '--level', 'commune', '--at', '2022-01-01', '--parent', '001', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toContain('code,name,fullName,level');
    expect(csv.stdout).toContain('Phường Trúc Bạch');
    const table = await units('list', '--level', 'district', '--at', '2025-06-30', '--parent', '02');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/11 đơn vị cấp huyện vào ngày 30\/06\/2025/);
    // before 2025 communes sit under districts: a province parent lists every commune of the province
    const haGiang = await units(
      'list',
      '--level',
      'commune',
      '--at',
      '2025-06-30',
      '--parent',
      '02',
      '--format',
      'json',
    );
    const rows = JSON.parse(haGiang.stdout);
    expect(rows.length).toBeGreaterThan(150);
    expect(rows.every((r: { parentCode: string }) => r.parentCode.length === 3)).toBe(true);
  });

  it('successor 02 (Hà Giang, read on 2025-06-30) → Tỉnh Tuyên Quang', async () => {
    const r = await units('successor', '02', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ code: '08', fullName: 'Tỉnh Tuyên Quang', relation: 'full', resolved: true }),
    ]);
  });

  it('successor 19063 --at 2022-05-01 follows Xã Phù Hóa through Xã Phù Cảnh to its new commune', async () => {
    const r = await units('successor', '19063', '--at', '2022-05-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Xã Phù Hóa \(mã 19063/);
    expect(r.stdout).toMatch(/Cộng dồn chính xác lên tỉnh: Tỉnh Quảng Trị \(mã 44\)/);
  });

  it('check lists the 8 SUSPECT rows, prints the count and exits 0', async () => {
    const r = await units('check');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^8 quan hệ kế thừa chưa được xác minh/m);
    for (const code of ['13219', '14380', '20669', '28924', '30622', '31379', '31588', '31771'])
      expect(r.stdout).toContain(code);
    const json = await units('check', '--format', 'json');
    expect(JSON.parse(json.stdout)).toHaveLength(8);
  });

  it.each([
    [['list', '--level', 'district', '--at', '2025-07-01'], 1, /Lỗi: Cấp huyện đã chấm dứt hoạt động từ 01\/07\/2025/],
    [['list', '--level', 'village'], 2, /Lỗi: giá trị "village" của --level không hợp lệ/],
    [['list'], 2, /Lỗi: thiếu tùy chọn bắt buộc --level/],
    [['list', '--level', 'province', '--at', '2025-13-01'], 2, /Lỗi: .*không phải ngày hợp lệ/],
    [['list', '--level', 'province', '--at', '2019-01-01'], 1, /Lỗi: Ngày 01\/01\/2019 nằm ngoài phạm vi dữ liệu/],
    [['list', '--level', 'commune', '--parent', '999'], 1, /Lỗi: .*cấp huyện/],
    [
      ['list', '--level', 'province', '--parent', '01'],
      1,
      /Lỗi: Thành phố Hà Nội là đơn vị cấp tỉnh; không có đơn vị cấp tỉnh trực thuộc/,
    ],
    [['successor', '1234'], 1, /Lỗi: "1234" không phải mã đơn vị hành chính/],
    [['successor', '99999'], 1, /Lỗi: Không có đơn vị cấp xã nào mang mã "99999"/],
    [['successor'], 2, /Lỗi: thiếu tham số code/],
  ])('units %j → exit %i with one Vietnamese line', async (args, code, message) => {
    const r = await units(...(args as string[]));
    expect(r.code).toBe(code);
    expect(r.stderr.trim().split('\n').pop()).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
