import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classifyStream } from '../../src/modules/poverty/classify-cli';

async function run(lines: string[], options = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d) => (text += d));
  const done = classifyStream(input, output, options);
  input.end(lines.join('\n') + '\n');
  const summary = await done;
  return {
    summary,
    out: text
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
  };
}

describe('classifyStream: the `poverty classify` contract', () => {
  it('one output line per input line, bad lines answered with {id, error} and the rest still classified', async () => {
    const { summary, out } = await run([
      JSON.stringify({ id: 'h1', year: 2023, area: 'rural', scoreA: 140, deprived: ['1.1', '2.2', '4.2'] }),
      '{not json',
      JSON.stringify({
        id: 'h3',
        year: 2023,
        area: 'urban',
        incomePerCapita: 2_500_000,
        deprived: [],
        occupation: 'salt',
      }),
      JSON.stringify({ id: 'h4', year: 2023, area: 'rural', scoreA: 100, deprived: ['9.9'] }),
      JSON.stringify({ id: 'h5', year: 2023, area: 'rural', deprived: [] }),
      JSON.stringify({ id: 'h6', year: 2021, area: 'rural', scoreA: 100, deprived: [] }),
      JSON.stringify({
        id: 'h7',
        year: 2027,
        area: 'rural',
        incomePerCapita: 2_100_000,
        deprived: ['1.1', '1.2', '5.3'],
      }),
    ]);
    expect(summary).toEqual({ lines: 7, classified: 3, errors: 4 });
    expect(out.map((o) => o.id)).toEqual(['h1', null, 'h3', 'h4', 'h5', 'h6', 'h7']);
    expect(out[0]).toMatchObject({ class: 'poor', standard: 'ND07-2021', scoreB: 30 });
    expect(out[0].reasons.length).toBeGreaterThan(1);
    expect(out[1]).toMatchObject({ line: 2, code: 'malformed_json' });
    expect(out[2]).toMatchObject({ class: 'average', scoreB: 0 });
    expect(out[3]).toMatchObject({ code: 'unknown_indicator' });
    expect(out[3].error).toMatch(/9\.9/);
    expect(out[4]).toMatchObject({ code: 'no_evidence' });
    expect(out[5]).toMatchObject({ code: 'no_standard' });
    expect(out[6]).toMatchObject({ class: 'poor', standard: 'ND351-2025', scoreB: null });
  });

  it('--year fills lines without a year; a line with its own year keeps it; blank lines are skipped', async () => {
    const { summary, out } = await run(
      [
        JSON.stringify({ id: 'a', area: 'rural', incomePerCapita: 1_500_000, deprived: ['1.1', '1.2', '2.1'] }),
        '',
        JSON.stringify({ id: 'b', year: 2027, area: 'rural', incomePerCapita: 1_500_000, deprived: [] }),
      ],
      { year: 2026 },
    );
    expect(summary.lines).toBe(2);
    expect(out[0]).toMatchObject({ id: 'a', class: 'poor', standard: 'ND07-2021' });
    expect(out[1]).toMatchObject({ id: 'b', class: 'near_poor', standard: 'ND351-2025' });
  });

  it('a line without a year and no --year is an error for that line', async () => {
    const { out } = await run([JSON.stringify({ id: 'x', area: 'rural', scoreA: 10, deprived: [] })]);
    expect(out[0]).toMatchObject({ id: 'x', code: 'invalid_input' });
    expect(out[0].error).toMatch(/--year/);
  });

  it.each([
    [{ year: 2023, area: 'rural', scoreA: 1, deprived: [] }, /id/],
    [{ id: 'z', year: 2023, area: 'rural', scoreA: '140', deprived: [] }, /scoreA/],
    [{ id: 'z', year: 2023, area: 'rural', scoreA: 140, deprived: '1.1' }, /deprived/],
    [{ id: 'z', year: 2023, area: 'city', scoreA: 140, deprived: [] }, /area/],
    [[1, 2], /đối tượng/],
  ])('rejects %j', async (line, message) => {
    const { out, summary } = await run([JSON.stringify(line)]);
    expect(summary.errors).toBe(1);
    expect(out[0].error).toMatch(message);
  });

  it('streams many lines', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({
        id: `h${i}`,
        year: 2024,
        area: i % 2 ? 'urban' : 'rural',
        scoreA: 100 + (i % 100),
        deprived: ['1.1', '2.1', '3.1'].slice(0, i % 4),
      }),
    );
    const { summary, out } = await run(lines);
    expect(summary).toEqual({ lines: 20_000, classified: 20_000, errors: 0 });
    expect(out.filter((o) => o.class === 'poor').length).toBeGreaterThan(0);
    expect(out[19_999].id).toBe('h19999');
  });
});
