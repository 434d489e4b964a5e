import { describe, expect, it } from 'vitest';
import { runCli } from '../support/process';

/** The real `giamngheo calendar days-off` process (no database needed). */
describe('giamngheo calendar days-off', () => {
  const env = { GIAMNGHEO_DATA_DIR: '/tmp/calendar-cli-process-test-unused' };

  it('--format json: {date, name, source} for every weekday off of 2022, from the notices', async () => {
    const r = await runCli(['calendar', 'days-off', '--year', '2022', '--format', 'json'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { date: string; name: string; source: string }[];
    expect(rows.every((x) => Object.keys(x).join() === 'date,name,source')).toBe(true);
    expect(rows.map((x) => x.date)).toEqual([
      '2022-01-03',
      '2022-01-31',
      '2022-02-01',
      '2022-02-02',
      '2022-02-03',
      '2022-02-04',
      '2022-04-11',
      '2022-05-02',
      '2022-05-03',
      '2022-09-01',
      '2022-09-02',
    ]);
    expect(rows.find((x) => x.date === '2022-09-01')).toEqual({
      date: '2022-09-01',
      name: 'Quốc khánh 2/9',
      source: 'Công văn 245/VPCP-KGVX; Thông báo 119/TB-LĐTBXH',
    });
  });

  it('--format csv and table; an unverified day says so; a year without a notice says it is the default', async () => {
    const csv = await runCli(['calendar', 'days-off', '--year', '2026', '--format', 'csv'], env);
    expect(csv.stdout.split('\r\n')[0]).toBe('date,name,source');
    expect(csv.stdout).toContain('2026-08-31,Quốc khánh 2/9,Công văn 9859/VPCP-KGVX; Thông báo 9441/TB-BNV');
    expect(csv.stdout).toMatch(/2026-11-24,Ngày Văn hóa Việt Nam \(24\/11\),.*chưa xác minh/);
    const table = await runCli(['calendar', 'days-off', '--year', '2027'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('chưa có thông báo của năm');
  });

  it('a missing or bad --year is one Vietnamese error line', async () => {
    const r = await runCli(['calendar', 'days-off', '--year', 'abc'], env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^Lỗi: .*số nguyên/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
