import { describe, expect, it } from 'vitest';
import { runCli } from '../support/process';

/** The real `giamngheo poverty classify` process: stdin → stdout, exit code 1 when any line is bad. */
describe('giamngheo poverty classify (child process)', () => {
  const env = { GIAMNGHEO_DATA_DIR: '/tmp/poverty-cli-process-test-unused' };

  it('all good lines → exit 0, one JSON line each', async () => {
    const input = [
      { id: 'r1', year: 2024, area: 'rural', scoreA: 140, deprived: ['1.1', '3.2', '5.1'] },
      // The average band is for farm, forestry, fishery and salt households (QĐ 24/2021/QĐ-TTg, Art. 2).
      { id: 'u1', year: 2024, area: 'urban', incomePerCapita: 2_000_001, deprived: [], occupation: 'fishery' },
      { id: 'u2', year: 2024, area: 'urban', incomePerCapita: 2_000_001, deprived: [] },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const r = await runCli(['poverty', 'classify'], env, input + '\n');
    expect(r.code).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => [o.id, o.class])).toEqual([
      ['r1', 'poor'],
      ['u1', 'average'],
      ['u2', 'not_poor'],
    ]);
    expect(out[2].flags).toContain('occupation_unknown');
    expect(r.stderr).toBe('');
  });

  it('a bad line → its own error line, the others classified, exit 1', async () => {
    const input = [
      '{"id":"ok","area":"rural","scoreA":141,"deprived":[]}',
      'oops',
      '{"id":"bad","area":"rural","scoreA":1,"deprived":["0.0"]}',
    ].join('\n');
    const r = await runCli(['poverty', 'classify', '--year', '2025'], env, input);
    expect(r.code).toBe(1);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ id: 'ok', class: 'not_poor' });
    expect(out[1]).toMatchObject({ id: null, code: 'malformed_json' });
    expect(out[2]).toMatchObject({ id: 'bad', code: 'unknown_indicator' });
    expect(r.stderr).toMatch(/^Lỗi: 2\/3 dòng/);
  });

  it('a bad --year is a one-line Vietnamese error', async () => {
    const r = await runCli(['poverty', 'classify', '--year', 'abc'], env, '');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^Lỗi: .*số nguyên/);
  });
});
