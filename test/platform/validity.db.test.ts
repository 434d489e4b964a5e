import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inForce, inForceSql, type IntervalEnd } from '../../src/domain/validity';
import { testDatabase, type TestDatabase } from '../support/db';

/**
 * "In force on a date" has one definition (src/domain/validity.ts) with a TypeScript and a SQL form.
 * Both are evaluated here over the same intervals and dates; they must give the same answer everywhere.
 */
const INTERVALS: { name: string; from: string | null; to: string | null }[] = [
  { name: 'open end', from: '2025-07-01', to: null },
  { name: 'closed, a successor from 01/07/2025', from: '2021-01-01', to: '2025-07-01' },
  { name: 'starts and ends the same day', from: '2025-07-01', to: '2025-07-01' },
  { name: 'one day long', from: '2025-06-30', to: '2025-07-01' },
  { name: 'null from (since always)', from: null, to: '2025-07-01' },
  { name: 'null from, open end', from: null, to: null },
  { name: 'across a year end', from: '2025-12-31', to: '2026-01-01' },
];
const DATES = [
  '2020-12-31',
  '2021-01-01',
  '2025-06-29',
  '2025-06-30',
  '2025-07-01',
  '2025-07-02',
  '2025-12-31',
  '2026-01-01',
];

let t: TestDatabase;
beforeAll(async () => {
  t = await testDatabase();
});
afterAll(() => t?.close());

describe('in force on a date', () => {
  it('reads as the rule says (exclusive end: gone on the day the successor starts; inclusive: the last day holds)', () => {
    const unit = { validFrom: '2021-01-01', validTo: '2025-07-01' };
    expect([inForce(unit, '2021-01-01'), inForce(unit, '2025-06-30'), inForce(unit, '2025-07-01')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(inForce(unit, '2025-07-01', 'inclusive')).toBe(true);
    expect(inForce(unit, '2025-07-02', 'inclusive')).toBe(false);
    expect(inForce({ validFrom: '2025-07-01', validTo: '2025-07-01' }, '2025-07-01')).toBe(false);
    expect(inForce({ validFrom: '2025-07-01', validTo: '2025-07-01' }, '2025-07-01', 'inclusive')).toBe(true);
    expect(inForce({ validFrom: null, validTo: null }, '1900-01-01')).toBe(true);
  });

  for (const end of ['exclusive', 'inclusive'] as IntervalEnd[]) {
    it(`the SQL fragment and the TypeScript agree on every interval and date (${end} end)`, async () => {
      const rows = await t.db.query<{ i: number; d: string; nullable: boolean; strict: boolean | null }>(
        `SELECT iv.i::int AS i, dt.d::text AS d,
                ${inForceSql('iv.f', 'iv.t', 'dt.d', { end, nullableFrom: true })} AS nullable,
                CASE WHEN iv.f IS NOT NULL THEN ${inForceSql('iv.f', 'iv.t', 'dt.d', { end })} END AS strict
           FROM unnest($1::date[], $2::date[]) WITH ORDINALITY AS iv (f, t, i)
          CROSS JOIN unnest($3::date[]) AS dt (d)
          ORDER BY 1, 2`,
        [INTERVALS.map((x) => x.from), INTERVALS.map((x) => x.to), DATES],
      );
      expect(rows).toHaveLength(INTERVALS.length * DATES.length);
      const disagreements = rows.flatMap((r) => {
        const iv = INTERVALS[r.i - 1];
        const ts = inForce({ validFrom: iv.from, validTo: iv.to }, r.d, end);
        const bad = [r.nullable !== ts ? 'nullable' : null, iv.from !== null && r.strict !== ts ? 'strict' : null];
        return bad.filter(Boolean).map((form) => `${iv.name} on ${r.d} (${form}): SQL ${!ts}, TS ${ts}`);
      });
      expect(disagreements).toEqual([]);
      // the table has both answers, so agreement is not agreement on a constant
      expect(new Set(rows.map((r) => r.nullable))).toEqual(new Set([true, false]));
    });
  }
});
