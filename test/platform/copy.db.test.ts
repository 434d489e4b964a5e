import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../support/db';

/** Bulk loading (COPY on PostgreSQL, unnest on the embedded engine): the same rows arrive, byte for byte. */
let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
  await t.db.query(
    `CREATE TABLE copy_probe (id int8, name text, ok bool, on_day date, score numeric, tags text[], doc jsonb)`,
  );
});
afterAll(() => t.close());

const COLUMNS = [
  ['id', 'int8'],
  ['name', 'text'],
  ['ok', 'bool'],
  ['on_day', 'date'],
  ['score', 'numeric'],
  ['tags', 'text[]'],
  ['doc', 'jsonb'],
] as const;

describe('Db.copyRows', () => {
  it('loads text with tabs, newlines, backslashes, quotes and Vietnamese letters, nulls, arrays and JSON', async () => {
    const rows = [
      [1, 'Nguyễn Thị Ánh\tTuyết', true, '2024-12-14', 140.5, ['1.1', '2.2'], { a: 'Hộ "nghèo"\n', n: 3 }],
      [2, 'dòng\nmới \\ gạch \r', false, null, null, [], null],
      [3, null, null, '2025-01-01', 0, ['a,b', 'c"d', 'e\\f', null], [1, 2]],
    ];
    await t.db.copyRows('copy_probe', COLUMNS, rows);
    const got = await t.db.query(
      'SELECT id, name, ok, on_day, score::float8 AS score, tags, doc FROM copy_probe ORDER BY id',
    );
    expect(got).toEqual([
      {
        id: 1,
        name: 'Nguyễn Thị Ánh\tTuyết',
        ok: true,
        on_day: '2024-12-14',
        score: 140.5,
        tags: ['1.1', '2.2'],
        doc: { a: 'Hộ "nghèo"\n', n: 3 },
      },
      { id: 2, name: 'dòng\nmới \\ gạch \r', ok: false, on_day: null, score: null, tags: [], doc: null },
      { id: 3, name: null, ok: null, on_day: '2025-01-01', score: 0, tags: ['a,b', 'c"d', 'e\\f', null], doc: [1, 2] },
    ]);
  });

  it('is part of the caller transaction: a failure after the load leaves nothing', async () => {
    await expect(
      t.db.tx(async (tx) => {
        await tx.copyRows('copy_probe', COLUMNS, [[10, 'x', true, null, null, [], null]]);
        expect((await tx.one<{ n: number }>('SELECT count(*)::int AS n FROM copy_probe WHERE id = 10')).n).toBe(1);
        throw new Error('after the load');
      }),
    ).rejects.toThrow('after the load');
    expect((await t.db.one<{ n: number }>('SELECT count(*)::int AS n FROM copy_probe WHERE id = 10')).n).toBe(0);
  });

  it('loads 12,000 rows (more than one chunk) with every row intact', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => [
      100 + i,
      `hộ ${i}`,
      i % 2 === 0,
      null,
      i / 4,
      [String(i)],
      null,
    ]);
    await t.db.copyRows('copy_probe', COLUMNS, rows);
    const got = await t.db.one<{ n: number; s: number; bad: number }>(
      `SELECT count(*)::int AS n, sum(id)::int8 AS s, count(*) FILTER (WHERE name <> 'hộ ' || (id - 100) OR tags <> ARRAY[(id - 100)::text])::int AS bad
       FROM copy_probe WHERE id >= 100`,
    );
    expect(got).toEqual({ n: 12_000, s: 12_000 * 100 + (11_999 * 12_000) / 2, bad: 0 });
  });
});
