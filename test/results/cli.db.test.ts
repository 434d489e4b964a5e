import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openPeriod } from '../../src/modules/results/service';
import { testDatabase, type TestDatabase } from '../support/db';
import { runCli } from '../support/process';

let t: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'results-cli-'));
let env: Record<string, string>;

beforeAll(async () => {
  t = await testDatabase();
  env = { DATABASE_URL: t.url, GIAMNGHEO_DATA_DIR: path.join(dir, 'unused') };
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('giamngheo indicators (CLI contract)', () => {
  it('list --format json: code, name, unit, source of each indicator', async () => {
    const r = await runCli(['indicators', 'list', '--format', 'json'], env);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const codes = rows.map((x) => x.code);
    for (const c of ['poor_rate', 'near_poor_rate', 'poor_rate_ethnic_minority', 'poor_districts_exited_share'])
      expect(codes).toContain(c);
    for (const row of rows) for (const k of ['code', 'name', 'unit', 'source']) expect(typeof row[k]).toBe('string');
  });

  it('values, nation 2024: the published 1.93 % is official, target 2.93 − 1 = 1.93, on track', async () => {
    const r = await runCli(
      ['indicators', 'values', '--indicator', 'poor_rate', '--year', '2024', '--level', 'nation', '--format', 'json'],
      env,
    );
    expect(r.code).toBe(0);
    const [row] = JSON.parse(r.stdout);
    expect(row).toMatchObject({
      unitCode: 'VN',
      unitName: 'Toàn quốc',
      year: 2024,
      value: 1.93,
      target: 1.93,
      onTrack: true,
      official: true,
      previous: 2.93,
    });
  });

  it('values, regions 2022: six rows with the published rates; 2021 unknown so on track is null', async () => {
    const r = await runCli(
      ['indicators', 'values', '--indicator', 'poor_rate', '--year', '2022', '--level', 'region', '--format', 'json'],
      env,
    );
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows).toHaveLength(6);
    expect(rows.find((x: { unitCode: string }) => x.unitCode === 'TDMNPB')).toMatchObject({
      value: 14.23,
      target: null,
      onTrack: null,
    });
  });

  it('values, provinces on current boundaries with no register data: 34 rows, value null', async () => {
    const r = await runCli(
      [
        'indicators',
        'values',
        '--indicator',
        'near_poor_rate',
        '--year',
        '2025',
        '--level',
        'province',
        '--boundaries',
        'current',
        '--format',
        'json',
      ],
      env,
    );
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows).toHaveLength(34);
    expect(rows.every((x: { value: unknown; onTrack: unknown }) => x.value === null && x.onTrack === null)).toBe(true);
  });

  it('ethnic minority 2022 and ĐBKK exits 2025 from their sources', async () => {
    const em = JSON.parse(
      (
        await runCli(
          ['indicators', 'values', '--indicator', 'poor_rate_ethnic_minority', '--year', '2022', '--format', 'json'],
          env,
        )
      ).stdout,
    );
    expect(em[0]).toMatchObject({ value: 21.02, target: 22.91, onTrack: true });
    const dbkk = JSON.parse(
      (
        await runCli(
          ['indicators', 'values', '--indicator', 'dbkk_communes_exited_share', '--year', '2025', '--format', 'json'],
          env,
        )
      ).stdout,
    );
    expect(dbkk[0].value).toBeCloseTo((100 * 19) / 54, 6);
    expect(dbkk[0]).toMatchObject({ target: 30, onTrack: true });
    const pd = JSON.parse(
      (
        await runCli(
          ['indicators', 'values', '--indicator', 'poor_districts_exited_share', '--year', '2025', '--format', 'json'],
          env,
        )
      ).stdout,
    );
    expect(pd[0]).toMatchObject({ value: null, target: 30, onTrack: null });
  });

  it('an unknown indicator: one Vietnamese error line, exit ≠ 0', async () => {
    const r = await runCli(
      ['indicators', 'values', '--indicator', 'ty_le_xyz', '--year', '2024', '--format', 'json'],
      env,
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toMatch(/^Lỗi: Không có chỉ tiêu mã "ty_le_xyz"/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('giamngheo results export|import', () => {
  it('a period as JSON and Excel; the JSON imports back unchanged, an added unit is stored; a bad file: one line, exit ≠ 0', async () => {
    const period = await openPeriod(
      t.db,
      { system: 'test' },
      {
        form: 'TT10-BIEU-02',
        periodKey: '2030S1',
        opensOn: '2020-01-01',
      },
    );
    const json = path.join(dir, 'ky.json');
    const ex = await runCli(
      ['results', 'export', '--period', String(period.id), '--format', 'json', '--out', json],
      env,
    );
    expect(ex.code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(json, 'utf8'));
    expect(doc).toMatchObject({ format: 'giamngheo-adx+json', dataSet: 'TT10-BIEU-02', period: '2030S1', groups: [] });
    doc.groups.push({ orgUnit: '00004', dataValues: [{ dataElement: 'households', value: 50 }] });
    fs.writeFileSync(json, JSON.stringify(doc));
    const im = await runCli(['results', 'import', json, '--period', String(period.id)], env);
    expect(im.stderr).toBe('');
    expect(im.stdout.trim()).toBe(`Đã nhập kỳ ${period.id}: 1 báo cáo thay đổi, 0 dòng giữ nguyên.`);
    const again = await runCli(['results', 'import', json, '--period', String(period.id)], env);
    expect(again.stdout.trim()).toBe(`Đã nhập kỳ ${period.id}: 0 báo cáo thay đổi, 1 dòng giữ nguyên.`);

    const xlsx = path.join(dir, 'ky.xlsx');
    expect((await runCli(['results', 'export', '--period', String(period.id), '--out', xlsx], env)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('Số liệu')!;
    expect(ws.rowCount).toBe(3322); // header + every commune of the period
    let ba = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === '00004') ba = n;
    });
    expect(ws.getRow(ba).getCell(6).value).toBe(50);

    doc.groups.push({ orgUnit: '99999', dataValues: [] });
    fs.writeFileSync(json, JSON.stringify(doc));
    const bad = await runCli(['results', 'import', json, '--period', String(period.id)], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr.trim()).toMatch(
      /^Lỗi: Tệp "ky.json" có 1 lỗi: chưa lưu số liệu nào\. groups\[1\]: mã "99999" không phải đơn vị cấp xã/,
    );
  });
});
