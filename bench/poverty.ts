/**
 * Poverty benchmark: import + classify + aggregate of N synthetic households spread over the real
 * communes of 2024, next to a plain-SQL baseline in the same run (the same households, members and results
 * loaded in bulk into three plain tables, and the same per-commune counts with one query), on the embedded
 * engine (PGlite in a data directory, in this process, over its socket) and on PostgreSQL.
 *
 *   npm run bench:poverty -- 100000            (N; default 100,000)
 *   POVERTY_BENCH_ENGINES=postgres npm run bench:poverty -- 1000000
 *   POVERTY_BENCH_EXCEL=0 npm run bench:poverty -- 100000   (without the Excel read rate)
 *
 * Each engine runs POVERTY_BENCH_RUNS times (default 3) on a fresh database; every run prints its own ratio.
 * Also: re-importing one commune of 2,000 households at N and reading the province summary
 * (how long until the national aggregates are current); another client's read latency while one commune of
 * POVERTY_BENCH_STALL_N households (default 100,000; 0 skips) is imported, the whole import in one transaction
 * (as before) and staged (now); and the Excel read rate of the workbook path.
 * The generator is deterministic (a seeded PRNG per commune); households have 1–7 members, 3.58 on average
 * (see HOUSEHOLD_SIZE).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Db, PoolDb } from '../src/db/client';
import { copyRowsPg } from '../src/db/copy';
import { migrate } from '../src/db/migrate';
import { loadReferenceData } from '../src/db/reference-data';
import { readReviewWorkbook, writeReviewWorkbook } from '../src/modules/poverty/excel';
import { NATIONAL_CATALOG } from '../src/domain/poverty/standards';
import { povertyPublishedDataset, povertyStandardsDataset } from '../src/modules/poverty/load';
import { classifyParsed, importParsed, povertySummary, type CommuneImport } from '../src/modules/poverty/service';
import { unitsDataset } from '../src/modules/units/load';
import { communesOf, generateCommune, regionRates, workbookRows, type BenchCommune } from './households';
import { fmt, machine, percentile, timed, withBenchDatabase } from './support';

const N = Number(process.argv[2] ?? process.env.POVERTY_BENCH_N ?? 100_000);
const ENGINES = (process.env.POVERTY_BENCH_ENGINES ?? 'embedded,postgres').split(',') as ('embedded' | 'postgres')[];
const YEAR = 2024;
/** Runs of the whole comparison per engine (each on a fresh database); the ratio of each run is its own. */
const RUNS = Number(process.env.POVERTY_BENCH_RUNS ?? 3);
/** Households of the one-commune import during which another client's read latency is measured (0: skip). */
const STALL_N = Number(process.env.POVERTY_BENCH_STALL_N ?? 100_000);
const BATCH_HOUSEHOLDS = 5000;
const CALLER = { system: 'benchmark' };

// ------------------------------------------------------------------ memory sampling
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const resetPeak = () => (peakRss = process.memoryUsage().rss);
const peakMiB = () => Math.max(peakRss, process.memoryUsage().rss) / 2 ** 20;

/** Communes grouped into batches of about BATCH_HOUSEHOLDS households. */
function batches(communes: BenchCommune[]): BenchCommune[][] {
  const out: BenchCommune[][] = [];
  let cur: BenchCommune[] = [];
  let n = 0;
  for (const c of communes) {
    if (c.households === 0) continue;
    cur.push(c);
    n += c.households;
    if (n >= BATCH_HOUSEHOLDS) {
      out.push(cur);
      cur = [];
      n = 0;
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

// ------------------------------------------------------------------ the two paths
/** POVERTY_BENCH_PROFILE=1: cumulative milliseconds per SQL statement of our path. */
const PROFILE = process.env.POVERTY_BENCH_PROFILE === '1';
const statementMs = new Map<string, number>();
function profiled(tx: Db): Db {
  // every statement of the import, in its session and its transaction
  if (!PROFILE) return tx;
  const time =
    <A extends unknown[], R>(label: (...args: A) => string, fn: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      const t0 = performance.now();
      try {
        return await fn(...args);
      } finally {
        const key = label(...args);
        statementMs.set(key, (statementMs.get(key) ?? 0) + performance.now() - t0);
      }
    };
  const sqlLabel = (sql: string) =>
    sql
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/poverty_stage_(\w)_[0-9a-f]+/g, 'poverty_stage_$1')
      .slice(0, 70);
  const wrapped: Db = Object.assign(Object.create(Object.getPrototypeOf(tx)), tx);
  wrapped.query = time(sqlLabel, tx.query.bind(wrapped)) as Db['query'];
  wrapped.copyRows = time((...a: Parameters<Db['copyRows']>) => sqlLabel(`copyRows ${a[0]}`), tx.copyRows.bind(tx));
  wrapped.session = (fn) => tx.session((s) => fn(profiled(s)));
  wrapped.tx = (fn) => tx.tx((t) => fn(profiled(t)));
  return wrapped;
}

async function ours(db: PoolDb, communes: BenchCommune[], rates: Map<string, number>) {
  for (const batch of batches(communes)) {
    const items: CommuneImport[] = batch.map((c) => {
      const g = generateCommune(c, rates);
      const { results, problems } = classifyParsed(g.households, YEAR);
      if (problems.length) throw new Error(problems[0].message);
      return {
        commune: c,
        sha: `bench-${c.index}`,
        fileName: 'bench',
        households: g.households,
        members: g.members,
        results,
      };
    });
    await importParsed(profiled(db), CALLER, YEAR, items);
  }
  if (PROFILE) {
    for (const [k, v] of [...statementMs].sort((a, b) => b[1] - a[1]).slice(0, 15))
      console.error(`${fmt(v / 1000, 2).padStart(8)} s  ${k}`);
    statementMs.clear();
  }
}

const arrayLiteral = (v: unknown[]) => `{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/**
 * Rows into a plain table: COPY FROM STDIN on PostgreSQL; on the embedded engine COPY does not pass through
 * the wire server, so one INSERT … SELECT unnest(…) with one array per column.
 */
async function bulkLoad(db: PoolDb, table: string, columns: [name: string, type: string][], rows: unknown[][]) {
  if (db.mode === 'postgres') {
    const client = await db.pool.connect();
    try {
      await copyRowsPg(client, table, columns, rows);
    } finally {
      client.release();
    }
    return;
  }
  await db.query(
    // Array columns travel as their literal text (unnest would flatten an array of arrays).
    `INSERT INTO ${table} (${columns.map((c) => c[0]).join(', ')})
     SELECT ${columns.map((c, i) => (c[1].endsWith('[]') ? `c${i}::${c[1]}` : `c${i}`)).join(', ')}
     FROM unnest(${columns.map((c, i) => `$${i + 1}::${c[1].endsWith('[]') ? 'text' : c[1]}[]`).join(', ')}) AS u(${columns.map((_, i) => `c${i}`).join(', ')})`,
    columns.map((c, i) => rows.map((r) => (c[1].endsWith('[]') ? arrayLiteral(r[i] as unknown[]) : r[i]))),
  );
}

const BASE_HOUSEHOLD: [string, string][] = [
  ['province_id', 'text'],
  ['id', 'bigint'],
  ['commune_id', 'text'],
  ['household_code', 'text'],
  ['head_name', 'text'],
  ['head_ethnicity', 'text'],
  ['ethnic_minority', 'boolean'],
  ['area', 'text'],
  ['members_count', 'int'],
];
const BASE_MEMBER: [string, string][] = [
  ['province_id', 'text'],
  ['household_id', 'bigint'],
  ['seq', 'int'],
  ['full_name', 'text'],
  ['relation', 'text'],
];
const BASE_RESULT: [string, string][] = [
  ['province_id', 'text'],
  ['household_id', 'bigint'],
  ['year', 'int'],
  ['commune_id', 'text'],
  ['area', 'text'],
  ['ethnic_minority', 'boolean'],
  ['standard_id', 'text'],
  ['score_a', 'numeric'],
  ['deprived', 'text[]'],
  ['class', 'text'],
  ['previous_class', 'text'],
  ['flags', 'text[]'],
];

/**
 * The like-for-like baseline: the same generated and classified households, members and results, loaded into
 * three plain tables without indexes or constraints, then the same per-commune counts with one GROUP BY.
 */
async function baseline(db: PoolDb, communes: BenchCommune[], rates: Map<string, number>) {
  const plain = (t: string, cols: [string, string][]) =>
    db.query(`CREATE TABLE ${t} (${cols.map(([n, ty]) => `${n} ${ty}`).join(', ')})`);
  await plain('bench_household', BASE_HOUSEHOLD);
  await plain('bench_member', BASE_MEMBER);
  await plain('bench_result', BASE_RESULT);
  let id = 0;
  let members = 0;
  for (const batch of batches(communes)) {
    const hh: unknown[][] = [];
    const mm: unknown[][] = [];
    const rr: unknown[][] = [];
    for (const c of batch) {
      const g = generateCommune(c, rates);
      const { results, problems } = classifyParsed(g.households, YEAR);
      if (problems.length) throw new Error(problems[0].message);
      const idOf = new Map<string, number>();
      const count = new Map<string, number>();
      for (const m of g.members) count.set(m.householdCode, (count.get(m.householdCode) ?? 0) + 1);
      g.households.forEach((h, k) => {
        idOf.set(h.code, ++id);
        hh.push([
          c.provinceId,
          id,
          c.id,
          h.code,
          h.headName,
          h.headEthnicity,
          h.ethnicMinority,
          h.area,
          count.get(h.code) ?? 0,
        ]);
        const r = results[k];
        rr.push([
          c.provinceId,
          id,
          YEAR,
          c.id,
          h.area,
          h.ethnicMinority,
          r.standardId,
          r.scoreA,
          r.deprived,
          r.class,
          h.previousClass,
          r.flags,
        ]);
      });
      g.members.forEach((m, i) => mm.push([c.provinceId, idOf.get(m.householdCode), i + 1, m.fullName, m.relation]));
      members += g.members.length;
    }
    await bulkLoad(db, 'bench_household', BASE_HOUSEHOLD, hh);
    await bulkLoad(db, 'bench_member', BASE_MEMBER, mm);
    await bulkLoad(db, 'bench_result', BASE_RESULT, rr);
  }
  const counts = await db.query<{ poor: number; near_poor: number; newly_poor: number; households: number }>(
    `SELECT commune_id, area, ethnic_minority, count(*)::int AS households,
            count(*) FILTER (WHERE class = 'poor')::int AS poor, count(*) FILTER (WHERE class = 'near_poor')::int AS near_poor,
            count(*) FILTER (WHERE previous_class = 'poor' AND class <> 'poor')::int AS escaped_poor,
            count(*) FILTER (WHERE previous_class = 'near_poor' AND class NOT IN ('poor', 'near_poor'))::int AS escaped_near_poor,
            -- one year of history: no household was poor before last year, so every poor household not poor
            -- last year is newly poor (nghèo phát sinh), none is a relapse (tái nghèo)
            count(*) FILTER (WHERE class = 'poor' AND previous_class <> 'poor')::int AS newly_poor,
            count(*) FILTER (WHERE class = 'near_poor' AND previous_class NOT IN ('poor', 'near_poor'))::int AS newly_near_poor
     FROM bench_result GROUP BY 1, 2, 3`,
  );
  return { counts, members };
}

interface EngineResult {
  engine: string;
  ours: number;
  oursPeak: number;
  base: number;
  basePeak: number;
  reimport: number;
  summaryQuery: number;
  check: string;
  stalls: Stall[];
}

interface Stall {
  mode: string;
  households: number;
  importSeconds: number;
  reads: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * Another client's reads while one commune of STALL_N households is imported: the whole import in one transaction
 * (as before the stage), then staged (now). The reader loops over a dashboard-like query on its own connection.
 */
async function stalls(db: PoolDb, communes: BenchCommune[], rates: Map<string, number>): Promise<Stall[]> {
  const out: Stall[] = [];
  const modes: [string, (item: CommuneImport) => Promise<unknown>][] = [
    ['one transaction (before)', (item) => db.tx((tx) => importParsed(tx, CALLER, YEAR, [item]))],
    ['staged (now)', (item) => importParsed(db, CALLER, YEAR, [item])],
  ];
  for (const [k, [mode, importOne]] of modes.entries()) {
    const c = communes[Math.floor(communes.length / 3) + k];
    const g = generateCommune({ ...c, households: STALL_N }, rates, STALL_N, 500 + k);
    const { results } = classifyParsed(g.households, YEAR);
    const item = { commune: c, sha: `bench-stall-${k}`, fileName: 'bench', ...g, results };
    let done = false;
    const latencies: number[] = [];
    const t0 = performance.now();
    const imported = importOne(item).finally(() => (done = true));
    const reader = (async () => {
      while (!done) {
        const r0 = performance.now();
        await db.query('SELECT sum(households)::int AS n FROM poverty_aggregate WHERE year = $1', [YEAR]);
        latencies.push(performance.now() - r0);
      }
    })();
    await imported;
    const importSeconds = (performance.now() - t0) / 1000;
    await reader;
    latencies.sort((a, b) => a - b);
    out.push({
      mode,
      households: STALL_N,
      importSeconds,
      reads: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: latencies[latencies.length - 1] ?? NaN,
    });
  }
  return out;
}

async function run(engine: 'embedded' | 'postgres', db: PoolDb): Promise<EngineResult> {
  await migrate(db);
  await loadReferenceData(db, [unitsDataset, povertyStandardsDataset, povertyPublishedDataset]);
  const communes = await communesOf(db, YEAR, N);
  const rates = await regionRates(db);
  console.error(`[${engine}] ${communes.length} communes of ${YEAR}, N = ${N.toLocaleString('en-US')}`);

  resetPeak();
  const b = await timed(() => baseline(db, communes, rates));
  const basePeak = peakMiB();
  await db.query('DROP TABLE bench_household, bench_member, bench_result');
  console.error(`[${engine}] baseline ${fmt(b.seconds)} s`);

  resetPeak();
  const o = await timed(() => ours(db, communes, rates));
  const oursPeak = peakMiB();
  console.error(`[${engine}] ours ${fmt(o.seconds)} s`);

  // Same counts from both paths?
  const mine = await db.one<{ households: number; poor: number; near_poor: number; newly_poor: number }>(
    `SELECT sum(households)::int households, sum(poor)::int poor, sum(near_poor)::int near_poor, sum(newly_poor)::int newly_poor FROM poverty_aggregate WHERE year = $1`,
    [YEAR],
  );
  const sum = (k: 'households' | 'poor' | 'near_poor' | 'newly_poor') => b.value.counts.reduce((s, r) => s + r[k], 0);
  const same =
    mine.households === sum('households') &&
    mine.poor === sum('poor') &&
    mine.near_poor === sum('near_poor') &&
    mine.newly_poor === sum('newly_poor');
  const { members } = await db.one<{ members: number }>('SELECT count(*)::int AS members FROM poverty_member');
  const check = `${same && members === b.value.members ? 'same counts' : 'COUNTS DIFFER'}: ${mine.households} households, ${members} members (baseline ${b.value.members}), ${mine.poor} poor, ${mine.near_poor} near-poor, ${mine.newly_poor} newly poor`;

  // Re-import one commune with 2,000 (different) households, then read the province summary.
  const target = communes[Math.floor(communes.length / 2)];
  const g = generateCommune({ ...target, households: 2000 }, rates, 2000, 99);
  const { results } = classifyParsed(g.households, YEAR);
  const re = await timed(() =>
    importParsed(db, CALLER, YEAR, [
      {
        commune: target,
        sha: 'bench-reimport',
        fileName: 'bench',
        households: g.households,
        members: g.members,
        results,
      },
    ]),
  );
  const q = await timed(() =>
    povertySummary(db, { year: YEAR, level: 'province', boundaries: 'review', by: 'none', status: 'all' }),
  );
  const nation = await povertySummary(db, {
    year: YEAR,
    level: 'nation',
    boundaries: 'review',
    by: 'none',
    status: 'all',
  });
  if (nation.rows[0].registeredHouseholds !== N - target.households + 2000)
    throw new Error(`re-import: nation has ${nation.rows[0].registeredHouseholds} households`);
  return {
    stalls: STALL_N > 0 ? await stalls(db, communes, rates) : [],
    engine,
    ours: o.seconds,
    oursPeak,
    base: b.seconds,
    basePeak,
    reimport: re.seconds,
    summaryQuery: q.seconds,
    check,
  };
}

async function excelRate(rates: Map<string, number>) {
  const n = Math.min(N, 100_000);
  const c: BenchCommune = {
    id: 'x',
    code: '00000',
    fullName: 'Xã thử',
    provinceId: 'x',
    provinceName: 'x',
    index: 1,
    region: 'TDMNPB',
    households: n,
  };
  const g = generateCommune(c, rates);
  const file = path.join(os.tmpdir(), `poverty-bench-${process.pid}.xlsx`);
  const out = fs.createWriteStream(file);
  const w = await timed(async () => {
    await writeReviewWorkbook(out, { communeName: 'Xã thử', year: YEAR, catalog: NATIONAL_CATALOG }, workbookRows(g));
    await finished(out);
  });
  resetPeak();
  const r = await timed(async () => {
    const parsed = await readReviewWorkbook(file);
    if (parsed.problems.length) throw new Error(parsed.problems[0].message);
    return classifyParsed(parsed.households, YEAR);
  });
  const peak = peakMiB();
  fs.rmSync(file, { force: true });
  return { n, members: g.members.length, write: w.seconds, read: r.seconds, peak };
}

// ------------------------------------------------------------------ main
console.log(
  `Machine: ${machine()}, load average ${os
    .loadavg()
    .map((l) => fmt(l))
    .join(' / ')} at start`,
);
console.log(
  `N = ${N.toLocaleString('en-US')} households, review year ${YEAR}, batches of ~${BATCH_HOUSEHOLDS} households, engines: ${ENGINES.join(', ')}, ${RUNS} run(s)`,
);
const results: (EngineResult & { run: number })[] = [];
let rates = new Map<string, number>();
for (let r = 1; r <= RUNS; r++) {
  for (const engine of ENGINES) {
    await withBenchDatabase(engine, 'poverty', async (db) => {
      results.push({ run: r, ...(await run(engine, db)) });
      rates = await regionRates(db);
    });
  }
}
// POVERTY_BENCH_EXCEL=0 skips the Excel read rate (it does not touch the database).
const x = process.env.POVERTY_BENCH_EXCEL === '0' ? null : await excelRate(rates);
clearInterval(sampler);

console.log(
  `\n| Run | N = ${N.toLocaleString('en-US')} | ours: import + classify + aggregate | baseline: same rows into 3 plain tables (COPY on PostgreSQL, unnest embedded) + one GROUP BY | ours / baseline | ours peak RSS | re-import 1 commune (2,000 hh) + aggregates | province summary query |`,
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.run} | ${r.engine} | ${fmt(r.ours)} s (${fmt(N / r.ours, 0)} hh/s) | ${fmt(r.base)} s (${fmt(N / r.base, 0)} hh/s) | ${fmt(r.ours / r.base, 2)}× | ${fmt(r.oursPeak, 0)} MiB (baseline ${fmt(r.basePeak, 0)} MiB) | ${fmt(r.reimport * 1000, 0)} ms | ${fmt(r.summaryQuery * 1000, 0)} ms |`,
  );
}
const range = (v: number[], digits: number, unit: string) =>
  `${fmt(Math.min(...v), digits)}–${fmt(Math.max(...v), digits)}${unit}`;
for (const engine of ENGINES) {
  const mine = results.filter((r) => r.engine === engine);
  console.log(
    `Range (${engine}, ${mine.length} runs): ours ${range(
      mine.map((r) => r.ours),
      1,
      ' s',
    )}, baseline ${range(
      mine.map((r) => r.base),
      1,
      ' s',
    )}, ours / baseline ${range(
      mine.map((r) => r.ours / r.base),
      2,
      '×',
    )}`,
  );
}
for (const r of results) console.log(`Check (run ${r.run}, ${r.engine}): ${r.check}`);
if (results.some((r) => r.stalls.length)) {
  console.log(
    `\n| Run | Engine | One commune of ${STALL_N.toLocaleString('en-US')} households imported | import | another client's reads meanwhile | read p50 / p95 / max |`,
  );
  console.log('|---|---|---|---|---|---|');
  for (const r of results)
    for (const s of r.stalls)
      console.log(
        `| ${r.run} | ${r.engine} | ${s.mode} | ${fmt(s.importSeconds)} s | ${s.reads} | ${fmt(s.p50, 0)} / ${fmt(s.p95, 0)} / ${fmt(s.max, 0)} ms |`,
      );
}
if (x)
  console.log(
    `Excel path: ${x.n.toLocaleString('en-US')} households + ${x.members.toLocaleString('en-US')} member rows written in ${fmt(x.write)} s; streamed read + cell checks + classification in ${fmt(x.read)} s (${fmt(x.n / x.read, 0)} hh/s), peak RSS ${fmt(x.peak, 0)} MiB`,
  );
console.log(
  'Peak RSS is this Node process (it also hosts PGlite in embedded mode); PostgreSQL server memory is not included.',
);
