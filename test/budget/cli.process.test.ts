import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/process';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-cli-'));
// No database: the pure commands must not need one.
const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', GIAMNGHEO_DATA_DIR: path.join(dir, 'no-data') };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string) {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
}
const rulebook = write(
  'r.json',
  JSON.stringify({
    name: 'Ví dụ',
    legalBasis: 'Quyết định 02/2022/QĐ-TTg',
    criteria: [
      { code: 'poor_households', perUnit: 0.001 },
      { code: 'poor_districts', perUnit: 15 },
      {
        code: 'ethnic_share',
        bands: [
          { min: 0, max: 30, points: 5 },
          { min: 30, max: null, points: 10 },
        ],
      },
    ],
  }),
);
const inputs = write(
  'i.csv',
  'province,poor_households,poor_districts,ethnic_share\n02,25000,6,88.3\n04,9000,3,30\n10,20000,3,64.1\n',
);

describe('giamngheo budget allocate | counterpart (child processes, no database)', () => {
  it('allocate --format json: {total, lines[{province, points, amount}]}, summing exactly to the pool', async () => {
    const r = await runCli(
      [
        'budget',
        'allocate',
        '--rulebook',
        rulebook,
        '--inputs',
        inputs,
        '--pool',
        '1000000000',
        '--unit',
        'million',
        '--format',
        'json',
      ],
      env,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      total: 1_000_000_000,
      lines: [
        { province: '02', points: 125, amount: 474_000_000 },
        { province: '04', points: 64, amount: 242_000_000 },
        { province: '10', points: 75, amount: 284_000_000 },
      ],
    });
  });

  const bad: [string, string[], RegExp][] = [
    [
      'pool not divisible in millions',
      ['--pool', '1000500000', '--unit', 'million'],
      /không chia được thành số nguyên triệu đồng/,
    ],
    [
      'unknown criterion',
      [
        '--rulebook',
        write('u.json', JSON.stringify({ name: 'x', legalBasis: 'y', criteria: [{ code: 'xyz', perUnit: 1 }] })),
      ],
      /tiêu chí "xyz" không có trong danh mục/,
    ],
    [
      'negative value',
      ['--inputs', write('n.csv', 'province,poor_households,poor_districts,ethnic_share\n02,-5,1,1\n')],
      /không được âm/,
    ],
    [
      'missing value',
      ['--inputs', write('m.csv', 'province,poor_households,poor_districts,ethnic_share\n02,5,,1\n')],
      /thiếu giá trị tiêu chí "poor_districts"/,
    ],
    [
      'malformed band',
      [
        '--rulebook',
        write(
          'b.json',
          JSON.stringify({
            name: 'x',
            legalBasis: 'y',
            criteria: [{ code: 'ethnic_share', bands: [{ min: 5, max: 1, points: 1 }] }],
          }),
        ),
      ],
      /khoảng không hợp lệ/,
    ],
  ];
  it.each(bad)('refuses %s: one Vietnamese line, exit ≠ 0', async (_t, override, message) => {
    const args: Record<string, string> = {
      '--rulebook': rulebook,
      '--inputs': inputs,
      '--pool': '1000000',
      '--unit': 'dong',
    };
    for (let i = 0; i < override.length; i += 2) args[override[i]] = override[i + 1];
    const r = await runCli(['budget', 'allocate', ...Object.entries(args).flat(), '--format', 'json'], env);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Lỗi: /);
    expect(lines[0]).toMatch(message);
  });

  it('counterpart: fractions; Quảng Ngãi (51, pre-2025 code) 15 %', async () => {
    const a = await runCli(
      ['budget', 'counterpart', '--support-ratio', '0.75', '--central', '1000000', '--format', 'json'],
      env,
    );
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual({ minRatio: 0.03, minAmount: 30000 });
    const b = await runCli(
      ['budget', 'counterpart', '--support-ratio', '0.6', '--central', '1000000', '--format', 'json'],
      env,
    );
    expect(JSON.parse(b.stdout)).toEqual({ minRatio: 0.1, minAmount: 100000 });
    const c = await runCli(
      [
        'budget',
        'counterpart',
        '--support-ratio',
        '0.9',
        '--central',
        '1000000',
        '--province',
        '51',
        '--format',
        'json',
      ],
      env,
    );
    expect(JSON.parse(c.stdout)).toEqual({ minRatio: 0.15, minAmount: 150000 });
    const d = await runCli(
      ['budget', 'counterpart', '--support-ratio', '75', '--central', '1000', '--format', 'json'],
      env,
    );
    expect(d.code).not.toBe(0);
    expect(d.stderr).toMatch(/^Lỗi: Tỷ lệ hỗ trợ 75 phải là phân số/);
    const e = await runCli(
      ['budget', 'counterpart', '--support-ratio', '0.5', '--central', '1000', '--province', '99', '--format', 'json'],
      env,
    );
    expect(e.code).not.toBe(0);
    expect(e.stderr.trim().split('\n')).toHaveLength(1);
  });
});
