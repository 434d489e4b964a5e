import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReviewWorkbook } from '../../src/modules/poverty/excel';
import { NATIONAL_CATALOG } from '../../src/domain/poverty/standards';
import { testDatabase, type TestDatabase } from '../support/db';
import { runCli } from '../support/process';

let t: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'poverty-cli-'));
let env: Record<string, string>;

beforeAll(async () => {
  t = await testDatabase();
  env = { DATABASE_URL: t.url, GIAMNGHEO_DATA_DIR: path.join(dir, 'unused') };
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function file(name: string, households: (string | number | null)[][], members: (string | number | null)[][]) {
  const f = path.join(dir, name);
  const out = fs.createWriteStream(f);
  await writeReviewWorkbook(
    out,
    { communeName: 'Xã thử', year: 2025, catalog: NATIONAL_CATALOG },
    { households, members },
  );
  await finished(out);
  return f;
}

describe('giamngheo poverty template | import | summary (child processes)', () => {
  it('template writes a workbook for a commune of the review year', async () => {
    const out = path.join(dir, 'mau.xlsx');
    const r = await runCli(['poverty', 'template', '--commune', '00004', '--year', '2025', '--out', out], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Ba Đình/); // 00004 is Phường Ba Đình after 01/07/2025
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
  });

  it('a bad file: every error on its own line, exit 1, nothing imported', async () => {
    const f = await file(
      'bad.xlsx',
      [['H1', 'A', null, 'Kinh', null, 'Núi', null, null, '7.7', null, null, null, null]],
      [['H1', 'A', 'Chủ hộ', null, null, null, null]],
    );
    const r = await runCli(['poverty', 'import', f, '--commune', '00004', '--year', '2025'], env);
    expect(r.code).toBe(1);
    const lines = r.stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('Lỗi: trang'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(r.stderr).toMatch(/trang "Hộ gia đình", dòng 2, cột F/);
    expect(r.stderr).toMatch(/trang "Hộ gia đình", dòng 2, cột G/);
    expect(await t.db.one('SELECT count(*)::int AS n FROM poverty_result')).toEqual({ n: 0 });
  });

  it('a good file is imported, again is unchanged, and the summary shows it', async () => {
    const f = await file(
      'good.xlsx',
      [
        ['H1', 'Nguyễn Văn A', null, 'Kinh', null, 'Thành thị', 175, null, '1.1;2.2;3.1', null, null, null, null],
        ['H2', 'Lò Văn B', null, 'Thái', null, 'Thành thị', 176, 2_900_000, '', null, null, null, null],
      ],
      [
        ['H1', 'Nguyễn Văn A', 'Chủ hộ', null, null, null, null],
        ['H2', 'Lò Văn B', 'Chủ hộ', null, null, null, null],
      ],
    );
    const r = await runCli(['poverty', 'import', f, '--commune', '00004', '--year', '2025'], env);
    expect(r.stderr.replace(/Đã đọc.*\n/g, '')).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Đã nhập 2 hộ/);
    const again = await runCli(['poverty', 'import', f, '--commune', '00004', '--year', '2025'], env);
    expect(again.stdout).toMatch(/không có thay đổi/);
    // Default --status official: recognised results only (none yet); --status all shows the provisional ones.
    const official = await runCli(
      ['poverty', 'summary', '--year', '2025', '--level', 'province', '--format', 'json'],
      env,
    );
    expect(official.code).toBe(0);
    expect(JSON.parse(official.stdout)).toMatchObject({ status: 'official', rows: [] });
    const s = await runCli(
      ['poverty', 'summary', '--year', '2025', '--level', 'province', '--status', 'all', '--format', 'json'],
      env,
    );
    expect(s.code).toBe(0);
    const json = JSON.parse(s.stdout);
    expect(json.rows).toHaveLength(1);
    // No resident households yet: rates are null, never poor / households in the register (1/2 = 50 %).
    expect(json.rows[0]).toMatchObject({
      code: '01',
      households: null,
      registeredHouseholds: 2,
      poor: 1,
      nearPoor: 0,
      newlyPoor: 1,
      poorRate: null,
      nearPoorRate: null,
      poorPct: null,
      official: false,
    });
    expect(json.rows[0].coverage).toEqual({ reporting: 0, total: expect.any(Number) });
  });

  it('households set records the resident households; the summary divides by them (JSON full precision, table and CSV two decimals)', async () => {
    const bad = await runCli(
      ['poverty', 'households', 'set', '--commune', '99999', '--year', '2025', '--total', '10'],
      env,
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Lỗi: Không có xã mã "99999"/)]);
    const zero = await runCli(
      ['poverty', 'households', 'set', '--commune', '00004', '--year', '2025', '--total', '0'],
      env,
    );
    expect(zero.code).not.toBe(0);
    expect(zero.stderr).toMatch(/^Lỗi: Tổng số hộ dân cư phải lớn hơn 0\./);
    const set = await runCli(
      [
        'poverty',
        'households',
        'set',
        '--commune',
        '00004',
        '--year',
        '2025',
        '--total',
        '3000',
        '--source',
        'Biểu tổng hợp số 01/BC-UBND',
      ],
      env,
    );
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/Đã ghi nhận 3\.000 hộ dân cư của Phường Ba Đình/);
    const json = JSON.parse(
      (
        await runCli(
          ['poverty', 'summary', '--year', '2025', '--level', 'province', '--status', 'all', '--format', 'json'],
          env,
        )
      ).stdout,
    );
    expect(json.rows[0]).toMatchObject({ households: 3000, poor: 1, official: false });
    expect(json.rows[0].poorRate).toBe((100 * 1) / 3000); // 0.0333… kept in full
    expect(json.rows[0].coverage.reporting).toBe(1);
    const csv = await runCli(
      ['poverty', 'summary', '--year', '2025', '--level', 'province', '--status', 'all', '--format', 'csv'],
      env,
    );
    const [header, line] = csv.stdout.trim().split(/\r?\n/);
    const cols = header.split(',');
    const values = line.split(',');
    expect(values[cols.indexOf('poorRate')]).toBe('0.03');
    expect(values[cols.indexOf('households')]).toBe('3000');
    const list = await runCli(['poverty', 'households', 'list', '--year', '2025', '--format', 'json'], env);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({
        code: '00004',
        total: 3000,
        source: 'Biểu tổng hợp số 01/BC-UBND',
        recordedBy: 'dòng lệnh',
      }),
    ]);
  });
});
