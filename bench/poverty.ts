/**
 * Poverty benchmark (issue 4): import + classify + aggregate of N synthetic households spread over the
 * real communes of 2024, next to a plain-SQL baseline in the same run (the database loading the same
 * rows in bulk into a plain table and computing the same per-commune counts with one query), on the embedded engine
 * (PGlite in a data directory, in this process, over its socket) and on PostgreSQL.
 *
 *   npm run bench:poverty -- 100000            (N; default 100,000)
 *   POVERTY_BENCH_ENGINES=postgres npm run bench:poverty -- 1000000
 *
 * Also: re-importing one commune of 2,000 households at N and reading the province summary
 * (how long until the national aggregates are current), and the Excel read rate of the workbook path.
 * The generator is deterministic (a seeded PRNG per commune); households have one member row (the head).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Db, PoolDb } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { loadReferenceData } from '../src/db/reference-data';
import type { HouseholdClass } from '../src/domain/poverty/types';
import type { ParsedHousehold, ParsedMember } from '../src/domain/poverty/workbook';
import { readReviewWorkbook, writeReviewWorkbook } from '../src/modules/poverty/excel';
import { povertyPublishedDataset, povertyStandardsDataset } from '../src/modules/poverty/load';
import type { CommuneRow } from '../src/modules/poverty/repo';
import { classifyParsed, importParsed, povertySummary, type CommuneImport } from '../src/modules/poverty/service';
import { unitsDataset } from '../src/modules/units/load';
import { fmt, machine, mulberry32, timed, withBenchDatabase } from './support';

const N = Number(process.argv[2] ?? process.env.POVERTY_BENCH_N ?? 100_000);
const ENGINES = (process.env.POVERTY_BENCH_ENGINES ?? 'embedded,postgres').split(',') as ('embedded' | 'postgres')[];
const YEAR = 2024;
const BATCH_HOUSEHOLDS = 5000;
const CALLER = { system: 'benchmark' };
const INDICATORS = ['1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '4.1', '4.2', '5.1', '5.2', '6.1', '6.2'];

// ------------------------------------------------------------------ memory sampling
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const resetPeak = () => (peakRss = process.memoryUsage().rss);
const peakMiB = () => Math.max(peakRss, process.memoryUsage().rss) / 2 ** 20;

// ------------------------------------------------------------------ generator

interface BenchCommune extends CommuneRow {
  index: number;
  region: string | null;
  households: number;
}

/** Published 2024 poor + near-poor rates of the 6 regions (reference/poverty), national split poor : near-poor = 1.93 : 2.13. */
async function regionRates(db: PoolDb): Promise<Map<string, number>> {
  const rows = await db.query<{ area_code: string; rate_pct: number }>(
    `SELECT area_code, rate_pct::float8 FROM poverty_published WHERE year = 2024 AND indicator = 'multidim' AND scope IN ('region', 'national')`,
  );
  return new Map(rows.map((r) => [r.area_code, r.rate_pct / 100]));
}

const REGION_CODE_BY_NAME: Record<string, string> = {
  'Trung du và miền núi phía Bắc': 'TDMNPB', 'Đồng bằng sông Hồng': 'DBSH', 'Bắc Trung Bộ và duyên hải miền Trung': 'BTB_DHMT',
  'Tây Nguyên': 'TN', 'Đông Nam Bộ': 'DNB', 'Đồng bằng sông Cửu Long': 'DBSCL',
};
const MINORITY_SHARE: Record<string, number> = { TDMNPB: 0.6, TN: 0.35, BTB_DHMT: 0.1, DBSCL: 0.08, DBSH: 0.02, DNB: 0.05 };

async function communesOf(db: PoolDb): Promise<BenchCommune[]> {
  const rows = await db.query<CommuneRow & { region: string | null }>(
    `SELECT c.id, c.code, c.full_name AS "fullName", c.province_id AS "provinceId", p.full_name AS "provinceName", r.name AS region
     FROM admin_unit c JOIN admin_unit p ON p.id = c.province_id
     LEFT JOIN region_member rm ON rm.unit_id = c.province_id AND rm.region_id LIKE 'R6:%' LEFT JOIN region r ON r.id = rm.region_id
     WHERE c.level = 'commune' AND c.valid_from <= $1 AND (c.valid_to IS NULL OR c.valid_to > $1) ORDER BY c.id`,
    [`${YEAR}-12-14`],
  );
  // Deterministic sizes: weight 0.5 … 1.5 per commune, scaled to N.
  const weights = rows.map((_, i) => 0.5 + mulberry32(1_000_003 * (i + 1))());
  const total = weights.reduce((a, b) => a + b, 0);
  let assigned = 0;
  const out = rows.map((r, i) => {
    const n = i === rows.length - 1 ? N - assigned : Math.floor((N * weights[i]) / total);
    assigned += n;
    return { ...r, index: i, region: r.region ? (REGION_CODE_BY_NAME[r.region] ?? null) : null, households: n };
  });
  return out;
}

function generateCommune(c: BenchCommune, rates: Map<string, number>, size = c.households, salt = 0): { households: ParsedHousehold[]; members: ParsedMember[] } {
  const rnd = mulberry32(c.index * 7919 + 17 + salt);
  const multidim = rates.get(c.region ?? '') ?? rates.get('VN') ?? 0.04;
  const poorShare = 1.93 / (1.93 + 2.13);
  const minority = MINORITY_SHARE[c.region ?? ''] ?? 0.1;
  const households: ParsedHousehold[] = [];
  const members: ParsedMember[] = [];
  for (let k = 0; k < size; k++) {
    const area = rnd() < 0.35 ? 'urban' : 'rural';
    const line = area === 'rural' ? 140 : 175;
    const target = rnd() < multidim ? (rnd() < poorShare ? 'poor' : 'near_poor') : 'none';
    const scoreA = target === 'none' ? line + 1 + Math.floor(rnd() * 150) : line - Math.floor(rnd() * 60);
    const nDeprived = target === 'poor' ? 3 + Math.floor(rnd() * 4) : target === 'near_poor' ? Math.floor(rnd() * 3) : Math.floor(rnd() * 5);
    const start = Math.floor(rnd() * 12);
    const deprived = Array.from({ length: nDeprived }, (_, j) => INDICATORS[(start + j) % 12]);
    const x = rnd();
    const previousClass: HouseholdClass =
      target === 'poor' ? (x < 0.7 ? 'poor' : x < 0.85 ? 'near_poor' : 'not_poor')
        : target === 'near_poor' ? (x < 0.6 ? 'near_poor' : x < 0.8 ? 'poor' : 'not_poor')
          : x < 0.01 ? 'poor' : x < 0.03 ? 'near_poor' : 'not_poor';
    const isMinority = rnd() < minority;
    const code = `H${String(k + 1).padStart(6, '0')}`;
    const name = `Chủ hộ ${c.code}-${k + 1}`;
    households.push({
      row: k + 2, code, headName: name, headIdNumber: null, headEthnicity: isMinority ? 'Tày' : 'Kinh', ethnicMinority: isMinority,
      village: null, area, scoreA, income: null, deprived, scoreB: null, previousClass, decisionNo: null, decisionDate: null,
      occupation: null, noLabourCapacity: null,
    });
    members.push({ row: k + 2, householdCode: code, fullName: name, relation: 'Chủ hộ', birthDate: null, sex: null, idNumber: null, ethnicity: null });
  }
  return { households, members };
}

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
  if (!PROFILE) return tx;
  const query = tx.query.bind(tx);
  return Object.assign(Object.create(Object.getPrototypeOf(tx)), tx, {
    query: async (sql: string, params?: unknown[]) => {
      const t0 = performance.now();
      try {
        return await query(sql, params);
      } finally {
        const key = sql.trim().replace(/\s+/g, ' ').slice(0, 70);
        statementMs.set(key, (statementMs.get(key) ?? 0) + performance.now() - t0);
      }
    },
  });
}

async function ours(db: PoolDb, communes: BenchCommune[], rates: Map<string, number>) {
  for (const batch of batches(communes)) {
    const items: CommuneImport[] = batch.map((c) => {
      const g = generateCommune(c, rates);
      const { results, problems } = classifyParsed(g.households, YEAR);
      if (problems.length) throw new Error(problems[0].message);
      return { commune: c, sha: `bench-${c.index}`, fileName: 'bench', households: g.households, members: g.members, results };
    });
    await db.tx((tx) => importParsed(profiled(tx), CALLER, YEAR, items));
  }
  if (PROFILE) {
    for (const [k, v] of [...statementMs].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.error(`${fmt(v / 1000, 2).padStart(8)} s  ${k}`);
    statementMs.clear();
  }
}

async function baseline(db: PoolDb, communes: BenchCommune[], rates: Map<string, number>) {
  await db.query(`CREATE TABLE IF NOT EXISTS bench_baseline (province_id text, commune_id text, household_code text, area text,
    ethnic_minority boolean, score_a numeric, n_deprived int, previous_class text)`);
  await db.query('TRUNCATE bench_baseline');
  for (const batch of batches(communes)) {
    const rows = batch.flatMap((c) => generateCommune(c, rates).households.map((h) => ({ c, h })));
    await db.query(
      `INSERT INTO bench_baseline SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bool[], $6::numeric[], $7::int[], $8::text[])`,
      [rows.map((r) => r.c.provinceId), rows.map((r) => r.c.id), rows.map((r) => r.h.code), rows.map((r) => r.h.area), rows.map((r) => r.h.ethnicMinority),
        rows.map((r) => r.h.scoreA), rows.map((r) => r.h.deprived.length), rows.map((r) => r.h.previousClass)],
    );
  }
  return db.query<{ poor: number; near_poor: number; newly_poor: number; households: number }>(
    `WITH k AS (
       SELECT commune_id, area, ethnic_minority, previous_class,
              CASE WHEN score_a <= CASE area WHEN 'rural' THEN 140 ELSE 175 END
                   THEN CASE WHEN n_deprived >= 3 THEN 'poor' ELSE 'near_poor' END ELSE 'not_poor' END AS class
       FROM bench_baseline)
     SELECT commune_id, area, ethnic_minority, count(*)::int AS households,
            count(*) FILTER (WHERE class = 'poor')::int AS poor, count(*) FILTER (WHERE class = 'near_poor')::int AS near_poor,
            count(*) FILTER (WHERE previous_class = 'poor' AND class <> 'poor')::int AS escaped_poor,
            count(*) FILTER (WHERE previous_class = 'near_poor' AND class NOT IN ('poor', 'near_poor'))::int AS escaped_near_poor,
            -- one year of history: no household was poor before last year, so every poor household not poor
            -- last year is newly poor (nghèo phát sinh), none is a relapse (tái nghèo)
            count(*) FILTER (WHERE class = 'poor' AND previous_class <> 'poor')::int AS newly_poor,
            count(*) FILTER (WHERE class = 'near_poor' AND previous_class NOT IN ('poor', 'near_poor'))::int AS newly_near_poor
     FROM k GROUP BY 1, 2, 3`,
  );
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
}

async function run(engine: 'embedded' | 'postgres', db: PoolDb): Promise<EngineResult> {
  await migrate(db);
  await loadReferenceData(db, [unitsDataset, povertyStandardsDataset, povertyPublishedDataset]);
  const communes = await communesOf(db);
  const rates = await regionRates(db);
  console.error(`[${engine}] ${communes.length} communes of ${YEAR}, N = ${N.toLocaleString('en-US')}`);

  resetPeak();
  const b = await timed(() => baseline(db, communes, rates));
  const basePeak = peakMiB();
  await db.query('DROP TABLE bench_baseline');
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
  const sum = (k: 'households' | 'poor' | 'near_poor' | 'newly_poor') => b.value.reduce((s, r) => s + r[k], 0);
  const same = mine.households === sum('households') && mine.poor === sum('poor') && mine.near_poor === sum('near_poor') && mine.newly_poor === sum('newly_poor');
  const check = `${same ? 'same counts' : 'COUNTS DIFFER'}: ${mine.households} households, ${mine.poor} poor, ${mine.near_poor} near-poor, ${mine.newly_poor} newly poor`;

  // Re-import one commune with 2,000 (different) households, then read the province summary.
  const target = communes[Math.floor(communes.length / 2)];
  const g = generateCommune({ ...target, households: 2000 }, rates, 2000, 99);
  const { results } = classifyParsed(g.households, YEAR);
  const re = await timed(() => db.tx((tx) => importParsed(tx, CALLER, YEAR, [{ commune: target, sha: 'bench-reimport', fileName: 'bench', households: g.households, members: g.members, results }])));
  const q = await timed(() => povertySummary(db, { year: YEAR, level: 'province', boundaries: 'review', by: 'none', status: 'all' }));
  const nation = await povertySummary(db, { year: YEAR, level: 'nation', boundaries: 'review', by: 'none', status: 'all' });
  if (nation.rows[0].registeredHouseholds !== N - target.households + 2000) throw new Error(`re-import: nation has ${nation.rows[0].registeredHouseholds} households`);
  return { engine, ours: o.seconds, oursPeak, base: b.seconds, basePeak, reimport: re.seconds, summaryQuery: q.seconds, check };
}

async function excelRate(rates: Map<string, number>) {
  const n = Math.min(N, 100_000);
  const c: BenchCommune = { id: 'x', code: '00000', fullName: 'Xã thử', provinceId: 'x', provinceName: 'x', index: 1, region: 'TDMNPB', households: n };
  const g = generateCommune(c, rates);
  const file = path.join(os.tmpdir(), `poverty-bench-${process.pid}.xlsx`);
  const out = fs.createWriteStream(file);
  const w = await timed(async () => {
    await writeReviewWorkbook(out, { communeName: 'Xã thử', year: YEAR, standardId: 'ND07-2021' }, {
      households: g.households.map((h) => [h.code, h.headName, null, h.headEthnicity, null, h.area === 'rural' ? 'Nông thôn' : 'Thành thị', h.scoreA, null, h.deprived.join('; '), null, null, null, null]),
      members: g.members.map((m) => [m.householdCode, m.fullName, m.relation, null, null, null, null]),
    });
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
  return { n, write: w.seconds, read: r.seconds, peak };
}

// ------------------------------------------------------------------ main
console.log(`Machine: ${machine()}`);
console.log(`N = ${N.toLocaleString('en-US')} households, review year ${YEAR}, batches of ~${BATCH_HOUSEHOLDS} households, engines: ${ENGINES.join(', ')}`);
const results: EngineResult[] = [];
let rates = new Map<string, number>();
for (const engine of ENGINES) {
  await withBenchDatabase(engine, 'poverty', async (db) => {
    results.push(await run(engine, db));
    rates = await regionRates(db);
  });
}
const x = await excelRate(rates);
clearInterval(sampler);

console.log(`\n| N = ${N.toLocaleString('en-US')} | ours: import + classify + aggregate | baseline: bulk load + one SQL query | ours / baseline | ours peak RSS | re-import 1 commune (2,000 hh) + aggregates | province summary query |`);
console.log('|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.engine} | ${fmt(r.ours)} s (${fmt(N / r.ours, 0)} hh/s) | ${fmt(r.base)} s (${fmt(N / r.base, 0)} hh/s) | ${fmt(r.ours / r.base, 2)}× | ${fmt(r.oursPeak, 0)} MiB (baseline ${fmt(r.basePeak, 0)} MiB) | ${fmt(r.reimport * 1000, 0)} ms | ${fmt(r.summaryQuery * 1000, 0)} ms |`,
  );
}
for (const r of results) console.log(`Check (${r.engine}): ${r.check}`);
console.log(`Excel path: ${x.n.toLocaleString('en-US')} households + ${x.n.toLocaleString('en-US')} member rows written in ${fmt(x.write)} s; streamed read + cell checks + classification in ${fmt(x.read)} s (${fmt(x.n / x.read, 0)} hh/s), peak RSS ${fmt(x.peak, 0)} MiB`);
console.log('Peak RSS is this Node process (it also hosts PGlite in embedded mode); PostgreSQL server memory is not included.');
