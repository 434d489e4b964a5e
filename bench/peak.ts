/**
 * Deadline-day benchmark: in the weeks before the review's reporting deadline, communes import their
 * workbooks while provincial and central officials refresh their dashboards.
 *
 * A real server (`giamngheo serve`, its own process) on a fresh database. N communes of the 2025 review
 * (3,321 after the reform; a tenth on the embedded engine) each upload a workbook of 300–3,000 households
 * made by the benchmarks' generator (published 2024 shares by region, 3.58 members a household) through
 * `POST /api/poverty/communes/:id/import`, signed in as their province's officer, with K concurrent
 * uploaders. Meanwhile R signed-in readers loop over the national summary, a province drill-down (the
 * review progress of the province's communes), the map (the summary by current province), the plan's
 * overdue view and the public page's figures. Afterwards the same readers loop for the same number of
 * rounds with no import running: that is the baseline of the same run.
 *
 * Reports: imports per minute, time to finish, errors (must be 0), p50/p95/p99 of each read while the
 * imports run and when idle, peak RSS of the server process (VmHWM) and of the PostgreSQL backends of
 * the run (sum of their VmRSS, sampled every 0.5 s; on the embedded engine the database is in the server).
 *
 *   npm run bench:peak                                   (PostgreSQL 3,321 communes, embedded 332)
 *   npm run bench:peak -- --communes 200 --uploaders 16  (embedded: a tenth, or --embedded-communes)
 *   npm run bench:peak -- --engines postgres --communes 300 --readers 50
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/open';
import { writeReviewWorkbook } from '../src/modules/poverty/excel';
import { NATIONAL_CATALOG } from '../src/domain/poverty/standards';
import { systemActor } from '../src/modules/audit/audit';
import { createUser } from '../src/modules/users/service';
import { startServe, type ServerProcess } from '../test/support/process';
import { communesOf, generateCommune, regionRates, workbookRows, type BenchCommune } from './households';
import { fmt, freshPostgresDatabase, machine, mulberry32, PG_ADMIN_URL, peakRssMiB, percentile } from './support';

const { values: opts } = parseArgs({
  options: {
    communes: { type: 'string' },
    'embedded-communes': { type: 'string' },
    uploaders: { type: 'string', default: '16' },
    readers: { type: 'string', default: '50' },
    engines: { type: 'string', default: 'postgres,embedded' },
  },
});
const ALL_COMMUNES = 3321;
const POSTGRES_COMMUNES = Number(opts.communes ?? ALL_COMMUNES);
const EMBEDDED_COMMUNES = Number(opts['embedded-communes'] ?? Math.max(1, Math.round(POSTGRES_COMMUNES / 10)));
const UPLOADERS = Number(opts.uploaders);
const READERS = Number(opts.readers);
const ENGINES = opts.engines!.split(',') as ('postgres' | 'embedded')[];
if (!(UPLOADERS >= 1 && UPLOADERS <= 64)) throw new Error('--uploaders: 1–64 (the issue asks 8–32)');
const YEAR = 2025;
const PASSWORD = 'mat-khau-ngay-cao-diem';
const MIN_HOUSEHOLDS = 300;
const MAX_HOUSEHOLDS = 3000;

type ReadName = 'national summary' | 'province drill-down' | 'map' | 'plan overdue' | 'public page';
const READS: ReadName[] = ['national summary', 'province drill-down', 'map', 'plan overdue', 'public page'];

interface Reader {
  owner: string;
  province: string;
}

/** The URL and the session of each read (the drill-down is the province officer's own province). */
function readRequest(name: ReadName, r: Reader): { url: string; cookie?: string } {
  switch (name) {
    case 'national summary':
      return { url: `/api/poverty/summary?year=${YEAR}&level=nation&status=all`, cookie: r.owner };
    case 'province drill-down':
      return { url: `/api/poverty/reviews?year=${YEAR}`, cookie: r.province };
    case 'map':
      return { url: `/api/poverty/summary?year=${YEAR}&level=province&boundaries=current&status=all`, cookie: r.owner };
    case 'plan overdue':
      return { url: `/api/plan/overdue?asOf=${YEAR}-12-31`, cookie: r.owner };
    case 'public page':
      return { url: `/api/results/public` };
  }
}

// ------------------------------------------------------------------ memory of PostgreSQL's backends
function rssMiB(pid: number): number {
  try {
    const kb = Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0; // the backend ended between the listing and the read
  }
}

/** CPU seconds (user + system, all threads) a process has used so far; 0 once it has ended. */
export function cpuSeconds(pid: number, thread?: number): number {
  try {
    const stat = fs.readFileSync(thread ? `/proc/${pid}/task/${thread}/stat` : `/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

function samplePostgres(database: string) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  let peak = 0;
  let stopped = false;
  // CPU of each backend of the run: the last value seen (a backend's CPU only grows)
  const cpu = new Map<number, number>();
  const cpuTotal = () => [...cpu.values()].reduce((a, b) => a + b, 0);
  const done = (async () => {
    await admin.connect();
    while (!stopped) {
      const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
        database,
      ]);
      peak = Math.max(
        peak,
        rows.reduce((s, r) => s + rssMiB(r.pid), 0),
      );
      for (const r of rows) cpu.set(r.pid, Math.max(cpu.get(r.pid) ?? 0, cpuSeconds(r.pid)));
      await new Promise((r) => setTimeout(r, 500));
    }
    await admin.end();
  })();
  return {
    cpuTotal,
    async stop() {
      stopped = true;
      await done;
      return peak;
    },
  };
}

// ------------------------------------------------------------------ one engine
async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** Every n-th commune of the 2025 review, so that the sample covers every province. */
function sample(all: BenchCommune[], n: number): BenchCommune[] {
  const step = all.length / n;
  return Array.from({ length: Math.min(n, all.length) }, (_, i) => all[Math.floor(i * step)]);
}

async function writeWorkbooks(communes: BenchCommune[], rates: Map<string, number>, dir: string) {
  let households = 0;
  let members = 0;
  let bytes = 0;
  for (const c of communes) {
    const g = generateCommune(c, rates);
    households += g.households.length;
    members += g.members.length;
    const file = path.join(dir, `${c.index}.xlsx`);
    const out = fs.createWriteStream(file);
    const closed = new Promise<void>((r) => out.on('close', () => r()));
    await writeReviewWorkbook(out, { communeName: c.fullName, year: YEAR, catalog: NATIONAL_CATALOG }, workbookRows(g));
    await closed;
    bytes += fs.statSync(file).size;
  }
  return { households, members, bytes };
}

type Latencies = Record<ReadName, number[]>;
const emptyLatencies = (): Latencies =>
  Object.fromEntries(READS.map((r) => [r, [] as number[]])) as unknown as Latencies;

/** Each reader loops over the reads until `until()` says stop; every answer must be a 200. */
async function readLoop(base: string, readers: Reader[], until: () => boolean, lat: Latencies, errors: string[]) {
  let rounds = 0;
  await Promise.all(
    readers.map(async (r) => {
      while (!until()) {
        for (const name of READS) {
          const q = readRequest(name, r);
          const t0 = performance.now();
          const res = await fetch(base + q.url, { headers: q.cookie ? { cookie: q.cookie } : {} });
          await res.arrayBuffer();
          lat[name].push(performance.now() - t0);
          if (res.status !== 200) errors.push(`${name}: ${res.status}`);
        }
        rounds++;
      }
    }),
  );
  return rounds;
}

async function run(engine: 'postgres' | 'embedded', n: number) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `gn-peak-${engine}-`));
  const pgdb = engine === 'postgres' ? await freshPostgresDatabase('gn_bench_peak') : null;
  const env = {
    DATABASE_URL: pgdb?.url ?? '',
    GIAMNGHEO_DATA_DIR: path.join(work, 'data'),
    GIAMNGHEO_ADMIN_PASSWORD: 'ngay-cao-diem-quan-tri-1',
    LOG_LEVEL: 'info',
    GIAMNGHEO_SESSION_TTL_MINUTES: '600',
  };
  let server: ServerProcess | undefined;
  try {
    server = await startServe(env, 600_000);
    const base = server.url;
    const opened = await openDatabase(loadConfig(env), { shareRunning: true });
    const db = opened.db;
    const all = await communesOf(db, YEAR, 0, (i) => {
      const x = mulberry32(7_777 + i)();
      return MIN_HOUSEHOLDS + Math.floor(x * (MAX_HOUSEHOLDS - MIN_HOUSEHOLDS + 1));
    });
    const communes = sample(all, n);
    const rates = await regionRates(db);
    const provinces = [...new Set(communes.map((c) => c.provinceId))];
    // accounts: the program owner, and one officer per province (uploads and the drill-down)
    const actor = systemActor('benchmark');
    await createUser(db, actor, {
      username: 'peak.owner',
      displayName: 'Chủ chương trình (đo tải)',
      password: PASSWORD,
      grants: [{ role: 'program_owner', agencyId: null, unitId: null }],
    });
    const officer = (p: string) => `peak.tinh.${provinces.indexOf(p)}`;
    for (const p of provinces)
      await createUser(db, actor, {
        username: officer(p),
        displayName: `Cán bộ tỉnh ${provinces.indexOf(p)} (đo tải)`,
        password: PASSWORD,
        grants: [{ role: 'province_officer', agencyId: null, unitId: p }],
      });
    await opened.close();

    const t0 = performance.now();
    const made = await writeWorkbooks(communes, rates, work);
    console.error(
      `[${engine}] ${communes.length} of ${all.length} communes, ${made.households.toLocaleString('en-US')} households, ${made.members.toLocaleString('en-US')} members, ${fmt(made.bytes / 2 ** 20)} MiB of workbooks written in ${fmt((performance.now() - t0) / 1000)} s`,
    );

    const uploaderCookies = new Map<string, string>();
    for (const p of provinces) uploaderCookies.set(p, await signIn(base, officer(p)));
    const readers: Reader[] = [];
    for (let i = 0; i < READERS; i++)
      readers.push({
        owner: await signIn(base, 'peak.owner'),
        province: await signIn(base, officer(provinces[i % provinces.length])),
      });

    const pgMemory = pgdb ? samplePostgres(new URL(pgdb.url).pathname.slice(1)) : null;

    // 1. the deadline day: K uploaders through the queue of communes, the readers looping meanwhile
    const busy = emptyLatencies();
    const readErrors: string[] = [];
    const importErrors: string[] = [];
    const importMs: number[] = [];
    let next = 0;
    let importing = true;
    const started = performance.now();
    const serverCpu0 = cpuSeconds(server.child.pid!);
    const mainCpu0 = cpuSeconds(server.child.pid!, server.child.pid!); // the main thread: requests, not parsing
    const pgCpu0 = pgMemory?.cpuTotal() ?? 0;
    const reading = readLoop(base, readers, () => !importing, busy, readErrors);
    await Promise.all(
      Array.from({ length: UPLOADERS }, async () => {
        while (next < communes.length) {
          const c = communes[next++];
          const form = new FormData();
          form.append(
            'file',
            new Blob([fs.readFileSync(path.join(work, `${c.index}.xlsx`))]),
            `so-ra-soat-${c.code}.xlsx`,
          );
          const s = performance.now();
          const res = await fetch(`${base}/api/poverty/communes/${encodeURIComponent(c.id)}/import?year=${YEAR}`, {
            method: 'POST',
            body: form,
            headers: { cookie: uploaderCookies.get(c.provinceId)! },
          });
          const body = await res.text();
          importMs.push(performance.now() - s);
          if (res.status !== 200) importErrors.push(`${c.code}: ${res.status} ${body.slice(0, 200)}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    importing = false;
    // CPU per import (the readers' work during the imports included): what the scale on paper starts from
    const serverCpu = cpuSeconds(server.child.pid!) - serverCpu0;
    const mainCpu = cpuSeconds(server.child.pid!, server.child.pid!) - mainCpu0;
    await new Promise((r) => setTimeout(r, 600)); // one more sample of the backends
    const pgCpu = pgMemory ? pgMemory.cpuTotal() - pgCpu0 : null;
    const busyRounds = await reading;

    // 2. the baseline of the same run: the same readers, the same number of rounds, no import
    const idle = emptyLatencies();
    let idleStarted = 0;
    await readLoop(base, readers, () => idleStarted++ >= busyRounds, idle, readErrors);
    const pgPeak = pgMemory ? await pgMemory.stop() : null;
    const serverPeak = peakRssMiB(server.child.pid!);
    importMs.sort((a, b) => a - b);
    return {
      engine,
      communes: communes.length,
      households: made.households,
      members: made.members,
      seconds,
      perMinute: (communes.length / seconds) * 60,
      importP50: percentile(importMs, 50),
      importP95: percentile(importMs, 95),
      importErrors,
      readErrors,
      busy,
      idle,
      busyRounds,
      serverPeak,
      pgPeak,
      serverCpu,
      mainCpu,
      pgCpu,
    };
  } finally {
    await server?.stop();
    await pgdb?.drop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ report
console.log(`giamngheo deadline-day benchmark — ${new Date().toISOString()}`);
console.log(
  `Machine: ${machine()}; load average ${os
    .loadavg()
    .map((x) => fmt(x))
    .join(' ')}`,
);
console.log(
  `${UPLOADERS} concurrent uploaders, ${READERS} signed-in readers, review year ${YEAR}, ${MIN_HOUSEHOLDS}–${MAX_HOUSEHOLDS} households a commune`,
);
const results = [];
for (const engine of ENGINES) {
  const r = await run(engine, engine === 'postgres' ? POSTGRES_COMMUNES : EMBEDDED_COMMUNES);
  results.push(r);
  console.log(
    `[${engine}] ${r.communes} imports in ${fmt(r.seconds)} s (${fmt(r.perMinute)}/min), errors ${r.importErrors.length} + ${r.readErrors.length} reads; load average now ${os
      .loadavg()
      .map((x) => fmt(x))
      .join(' ')}`,
  );
  for (const e of [...r.importErrors, ...r.readErrors].slice(0, 5)) console.log(`  error: ${e}`);
}

const ms = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${fmt(percentile(s, 50), 0)} / ${fmt(percentile(s, 95), 0)} / ${fmt(percentile(s, 99), 0)}`;
};
console.log(
  '\n| Engine | Communes (households, members) | Time to finish | Imports/min | Import p50 / p95 | Errors | Peak RSS server | Peak RSS PostgreSQL backends | CPU s per import: server (main thread) / PostgreSQL |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results)
  console.log(
    `| ${r.engine} | ${r.communes} (${r.households.toLocaleString('en-US')}, ${r.members.toLocaleString('en-US')}) | ${fmt(r.seconds)} s | ${fmt(r.perMinute)} | ${fmt(r.importP50 / 1000)} / ${fmt(r.importP95 / 1000)} s | ${r.importErrors.length + r.readErrors.length} | ${fmt(r.serverPeak, 0)} MiB | ${r.pgPeak === null ? 'in the server' : `${fmt(r.pgPeak, 0)} MiB`} | ${fmt(r.serverCpu / r.communes, 2)} (${fmt(r.mainCpu / r.communes, 2)}) / ${r.pgCpu === null ? 'in the server' : fmt(r.pgCpu / r.communes, 2)} |`,
  );
console.log(
  '\n| Engine | Read | During imports p50 / p95 / p99 (ms) | Idle, same run (baseline) p50 / p95 / p99 (ms) | p95 ratio | Reads (busy / idle) |',
);
console.log('|---|---|---|---|---|---|');
for (const r of results)
  for (const name of READS) {
    const b = [...r.busy[name]].sort((a, c) => a - c);
    const i = [...r.idle[name]].sort((a, c) => a - c);
    console.log(
      `| ${r.engine} | ${name} | ${ms(b)} | ${ms(i)} | ${fmt(percentile(b, 95) / percentile(i, 95))}× | ${b.length} / ${i.length} |`,
    );
  }
const failed = results.some((r) => r.importErrors.length + r.readErrors.length > 0);
process.exit(failed ? 1 : 0);
