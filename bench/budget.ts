/**
 * Budget benchmark. Pure part (no database): allocation runs for 34 and 63 provinces × 10
 * sub-projects with 20 criteria each, and a what-if of 100 scenarios (each a full 10-sub-project run
 * plus the per-province comparison), next to a baseline in the same run: the bare float split
 * pool × points / Σ points with Math.round on the same precomputed points (no validation, no
 * explanation, no exact rounding; its parts do not always add up to the pool).
 * Database part: the execution dashboard of one year with 5 years of monthly lines for all
 * provinces (63 × 10 sub-projects × 4 sources a year, assigned + 12 monthly disbursements each),
 * p50/p95 of the service call, next to one plain SQL query giving the per-province totals, on the
 * embedded engine and on PostgreSQL.
 *
 *   npm run bench:budget
 *   BUDGET_BENCH_ENGINES=postgres BUDGET_BENCH_ITER=10 npm run bench:budget
 */
import { migrate } from '../src/db/migrate';
import { DATASETS } from '../src/app/datasets';
import { loadReferenceData } from '../src/db/reference-data';
import {
  allocate,
  compareAllocations,
  scoreProvinces,
  CRITERIA,
  type ProvinceInputs,
  type Rulebook,
} from '../src/domain/budget';
import type { Actor } from '../src/modules/access/actor';
import { executionDashboard } from '../src/modules/budget/service-execution';
import type { PoolDb } from '../src/db/client';
import { fmt, machine, mulberry32, percentile, timed, withBenchDatabase } from './support';

const ITER = Number(process.env.BUDGET_BENCH_ITER ?? 20);
const ENGINES = (process.env.BUDGET_BENCH_ENGINES ?? 'embedded,postgres').split(',').filter(Boolean) as (
  'embedded' | 'postgres'
)[];
const SUBPROJECTS = 10;
const rand = mulberry32(2026);

function rulebook(seed: number): Rulebook {
  const criteria = CRITERIA.slice(0, 20).map((c, i) =>
    i % 5 === 4
      ? {
          code: c.code,
          bands: [
            { min: 0, max: 10, points: 1 },
            { min: 10, max: 50, points: 3 + seed },
            { min: 50, max: null, points: 8 },
          ],
        }
      : { code: c.code, perUnit: Math.round((0.5 + rand() * 20) * 1000) / 1000 },
  );
  return { name: `Tiểu dự án ${seed}`, legalBasis: 'benchmark', criteria };
}
const provinces = (n: number): ProvinceInputs[] =>
  Array.from({ length: n }, (_, i) => ({
    province: String(i + 1).padStart(2, '0'),
    values: Object.fromEntries(CRITERIA.slice(0, 20).map((c) => [c.code, Math.floor(rand() * 100)])),
  }));

function median(fn: () => void, times = ITER): number {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return percentile(
    ms.sort((a, b) => a - b),
    50,
  );
}

function pureBench() {
  const books = Array.from({ length: SUBPROJECTS }, (_, i) => rulebook(i));
  const pool = 48_000_000_000_000n / 10n;
  console.log('\nAllocation (pure, median of', ITER, 'runs; ms for 10 sub-projects × 20 criteria)');
  console.log(
    '| Provinces | Ours (validated, exact largest remainder, explanation) | Baseline (float split, Math.round) |',
  );
  console.log('|---|---|---|');
  for (const n of [34, 63]) {
    const inputs = provinces(n);
    const ours = median(() => {
      for (const b of books) if (!allocate(b, inputs, pool, 'million').ok) throw new Error('allocation failed');
    });
    const points = books.map((b) => {
      const s = scoreProvinces(b, inputs);
      if (!s.ok) throw new Error('score');
      return s.value.map((p) => p.micro);
    });
    const base = median(() => {
      for (const pts of points) {
        const total = pts.reduce((a, b) => a + b, 0);
        pts.map((p) => Math.round((Number(pool / 1_000_000n) * p) / total));
      }
    });
    console.log(`| ${n} | ${fmt(ours, 2)} | ${fmt(base, 3)} |`);
  }
  const inputs = provinces(63);
  const baseRuns = books.map((b) => allocate(b, inputs, pool, 'million'));
  const whatIf = median(
    () => {
      for (let s = 0; s < 100; s++) {
        books.forEach((b, i) => {
          const changed = {
            ...b,
            criteria: b.criteria.map((c, j) => (j === s % 16 && c.perUnit ? { ...c, perUnit: c.perUnit * 1.1 } : c)),
          };
          const r = allocate(changed, inputs, pool, 'million');
          const base = baseRuns[i];
          if (!r.ok || !base.ok) throw new Error('what-if failed');
          const ids = (lines: { province: string; points: number; amount: number }[]) =>
            lines.map((l) => ({ unitId: l.province, points: l.points, amount: l.amount }));
          compareAllocations(ids(base.value.lines), ids(r.value.lines));
        });
      }
    },
    Math.max(3, Math.round(ITER / 4)),
  );
  console.log(
    `\nWhat-if, 100 scenarios × 10 sub-projects × 63 provinces, with the per-province comparison: ${fmt(whatIf, 1)} ms`,
  );
}

async function generate(db: PoolDb) {
  const years = [2021, 2022, 2023, 2024, 2025];
  const units = await db.query<{ id: string }>(
    `SELECT id FROM admin_unit WHERE level = 'province' AND valid_from <= '2025-06-30' AND valid_to = '2025-07-01' ORDER BY code`,
  );
  const sources = ['central_investment', 'central_recurrent', 'local', 'other'];
  const l = { year: [] as number[], unit: [] as string[], project: [] as string[], source: [] as string[] };
  for (const y of years)
    for (const u of units)
      for (let s = 1; s <= SUBPROJECTS; s++)
        for (const src of sources) {
          l.year.push(y);
          l.unit.push(u.id);
          l.project.push(`TDA${s}`);
          l.source.push(src);
        }
  const ids = await db.query<{ id: number }>(
    `INSERT INTO budget_line (year, unit_id, project, source) SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) RETURNING id`,
    [l.year, l.unit, l.project, l.source],
  );
  const tx = { line: [] as number[], phase: [] as string[], month: [] as (number | null)[], amount: [] as number[] };
  for (const { id } of ids) {
    const assigned = Math.round(1_000 + rand() * 50_000) * 1_000_000;
    tx.line.push(id);
    tx.phase.push('assigned');
    tx.month.push(null);
    tx.amount.push(assigned);
    for (let m = 1; m <= 12; m++) {
      tx.line.push(id);
      tx.phase.push('disbursed');
      tx.month.push(m);
      tx.amount.push(Math.floor((assigned / 14) * rand()));
    }
  }
  for (let i = 0; i < tx.line.length; i += 50_000) {
    await db.query(
      `INSERT INTO budget_transaction (line_id, phase, month, amount, reported_by) SELECT l, p, m, a, 'benchmark' FROM unnest($1::bigint[], $2::text[], $3::int[], $4::numeric[]) AS x(l, p, m, a)`,
      [
        tx.line.slice(i, i + 50_000),
        tx.phase.slice(i, i + 50_000),
        tx.month.slice(i, i + 50_000),
        tx.amount.slice(i, i + 50_000),
      ],
    );
  }
  return { lines: ids.length, transactions: tx.line.length };
}

async function p(fn: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < ITER; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return `${fmt(percentile(ms, 50), 0)} / ${fmt(percentile(ms, 95), 0)}`;
}

async function dbBench(engine: 'embedded' | 'postgres') {
  return withBenchDatabase(engine, 'budget', async (db) => {
    await migrate(db);
    await loadReferenceData(
      db,
      DATASETS.filter((d) => d.name === 'admin-units'),
    );
    const g = await timed(() => generate(db));
    const owner: Actor = {
      userId: 0,
      username: 'bench',
      displayName: 'bench',
      grants: [{ role: 'program_owner', agencyId: null, unitId: null }],
    };
    const recorded = await p(() => executionDashboard(db, owner, { year: 2024, boundaries: 'recorded' }));
    const current = await p(() => executionDashboard(db, owner, { year: 2025, boundaries: 'current' }));
    const base = await p(() =>
      db.query(
        `SELECT l.unit_id, sum(t.amount) FILTER (WHERE t.phase = 'assigned') AS assigned, sum(t.amount) FILTER (WHERE t.phase = 'disbursed') AS disbursed
           FROM budget_line l JOIN budget_transaction t ON t.line_id = l.id WHERE l.year = $1 GROUP BY l.unit_id`,
        [2024],
      ),
    );
    console.log(
      `| ${engine} | ${g.value.lines.toLocaleString('en-US')} lines, ${g.value.transactions.toLocaleString('en-US')} transactions (${fmt(g.seconds)} s) | ${recorded} | ${current} | ${base} |`,
    );
  });
}

console.log(`Budget benchmark on ${machine()}`);
pureBench();
console.log(`\nExecution dashboard, one year of 5 (ms p50 / p95 of ${ITER} calls of the service)`);
console.log(
  '| Engine | Data | Dashboard (boundaries of the time) | Dashboard rolled up to current provinces | Baseline: one SQL GROUP BY |',
);
console.log('|---|---|---|---|---|');
for (const e of ENGINES) await dbBench(e);
