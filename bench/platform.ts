/**
 * npm run bench — platform figures (issue 2), printed as a table for the README:
 *  1. first start of the embedded mode on an empty data directory until the first page is
 *     served, and a restart: seconds and peak memory of the server process;
 *  2. loading all administrative-unit versions and lineage (all reference data): seconds,
 *     embedded vs PostgreSQL;
 *  3. GET of the children of a province under 20 concurrent clients for 10 s: requests/s and
 *     p95, embedded vs PostgreSQL, next to two baselines measured in the same run: the static
 *     index page `/` of the same server under the same load (the goal: children ≥ 30 % of it,
 *     reference data being served from the in-process snapshot), and the same query through the
 *     repository function with 20 concurrent callers and no HTTP.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { connectPool } from '../src/db/client';
import { DATASETS } from '../src/app/datasets';
import { migrate } from '../src/db/migrate';
import { loadReferenceData } from '../src/db/reference-data';
import { startEmbedded } from '../src/db/embedded';
import { childrenOf } from '../src/modules/units/repo';
import { startServe, type ServerProcess } from '../test/support/process';
import { fmt, freshPostgresDatabase, machine, peakRssMiB, percentile, timed } from './support';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const AT = '2026-11-28';
const rows: string[][] = [];
const report = (what: string, embedded: string, postgres: string, note = '') => {
  rows.push([what, embedded, postgres, note]);
  console.log(`${what}: embedded ${embedded} | PostgreSQL ${postgres} ${note}`);
};

async function untilPageServed(server: ServerProcess): Promise<void> {
  for (;;) {
    const res = await fetch(server.url + '/').catch(() => undefined);
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function startAndMeasure(
  env: Record<string, string>,
): Promise<{ seconds: number; peak: number; server: ServerProcess }> {
  const t0 = performance.now();
  const server = await startServe(env, 600_000);
  await untilPageServed(server);
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, peak: peakRssMiB(server.child.pid!), server };
}

async function httpLoad(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ rps: number; p95: number; errors: number }> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  return { rps: result.requests.average, p95: percentile(latencies, 95), errors: result.errors + result.non2xx };
}

async function directLoad(call: () => Promise<unknown>): Promise<{ rps: number; p95: number }> {
  const latencies: number[] = [];
  const end = performance.now() + DURATION_S * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await call();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / DURATION_S, p95: percentile(latencies, 95) };
}

async function provinceId(baseUrl: string): Promise<string> {
  const res = await (await fetch(`${baseUrl}/api/units?level=province&at=${AT}&q=thanh hoa`)).json();
  return res.items[0].id;
}

async function main() {
  console.log(`giamngheo platform benchmark — ${new Date().toISOString()}\n${machine()}\n`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gn-bench-'));
  const env = {
    GIAMNGHEO_DATA_DIR: dataDir,
    DATABASE_URL: '',
    GIAMNGHEO_ADMIN_PASSWORD: 'bench-password-1',
    LOG_LEVEL: 'info',
  };

  // 1. first start and restart (embedded)
  const first = await startAndMeasure(env);
  await first.server.stop();
  const restart = await startAndMeasure(env);
  report(
    'First start, empty data dir → first page (s / peak RSS)',
    `${fmt(first.seconds)} s / ${fmt(first.peak, 0)} MiB`,
    '—',
  );
  report('Restart → first page (s / peak RSS)', `${fmt(restart.seconds)} s / ${fmt(restart.peak, 0)} MiB`, '—');

  // 2. reference data load, both engines
  const pgLoadDb = await freshPostgresDatabase();
  const pgDb = connectPool(pgLoadDb.url, 'postgres');
  await migrate(pgDb);
  const pgLoad = await timed(() => loadReferenceData(pgDb, DATASETS));
  await pgDb.close();
  await pgLoadDb.drop();
  const loadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gn-bench-load-'));
  const emb = await startEmbedded(loadDir);
  const embDb = connectPool(emb.url, 'embedded');
  await migrate(embDb);
  const embLoad = await timed(() => loadReferenceData(embDb, DATASETS));
  await embDb.close();
  await emb.close();
  fs.rmSync(loadDir, { recursive: true, force: true });
  report(
    'Load all reference data (units, lineage, agencies, …)',
    `${fmt(embLoad.seconds)} s`,
    `${fmt(pgLoad.seconds)} s`,
  );

  // 3. children of a province under load: embedded server (restarted above) vs PostgreSQL server
  const pgServeDb = await freshPostgresDatabase();
  const pgServer = await startServe({ ...env, DATABASE_URL: pgServeDb.url, GIAMNGHEO_DATA_DIR: '' }, 600_000);
  type Load = Awaited<ReturnType<typeof httpLoad>>;
  const sizes: Record<string, { index: number; children: number }> = {};
  const results: Record<
    string,
    { http: Load; index: Load; gzip: Load; direct: Awaited<ReturnType<typeof directLoad>> }
  > = {};
  for (const [name, server, dbUrl] of [
    ['embedded', restart.server, null],
    ['postgres', pgServer, pgServeDb.url],
  ] as const) {
    const id = await provinceId(server.url);
    // the static page and the reference route, one after the other, same load
    const index = await httpLoad(`${server.url}/`);
    const childrenUrl = `${server.url}/api/units/${encodeURIComponent(id)}/children?at=${AT}`;
    const http = await httpLoad(childrenUrl);
    sizes[name] = {
      index: (await (await fetch(`${server.url}/`)).arrayBuffer()).byteLength,
      children: (await (await fetch(childrenUrl)).arrayBuffer()).byteLength,
    };
    // as a browser asks (Accept-Encoding): the snapshot's gzip copy, ≈ 1/8 of the bytes
    const gzip = await httpLoad(childrenUrl, { 'accept-encoding': 'gzip, deflate, br' });
    // baseline: the same repository query without HTTP, on the same database
    let direct;
    if (dbUrl) {
      const db = connectPool(dbUrl, 'postgres', CONNECTIONS);
      direct = await directLoad(() => childrenOf(db, id, AT));
      await db.close();
    } else {
      const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'giamngheo.lock'), 'utf8'));
      const db = connectPool(`postgres://postgres@127.0.0.1:${lock.port}/postgres`, 'embedded', CONNECTIONS);
      direct = await directLoad(() => childrenOf(db, id, AT));
      await db.close();
    }
    results[name] = { http, index, gzip, direct };
  }
  await pgServer.stop();
  await restart.server.stop();
  await pgServeDb.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const r = results;
  report(
    `GET /api/units/:province/children, ${CONNECTIONS} clients × ${DURATION_S} s (req/s, p95)`,
    `${fmt(r.embedded.http.rps, 0)} req/s, p95 ${fmt(r.embedded.http.p95)} ms`,
    `${fmt(r.postgres.http.rps, 0)} req/s, p95 ${fmt(r.postgres.http.p95)} ms`,
    r.embedded.http.errors + r.postgres.http.errors
      ? `(${r.embedded.http.errors + r.postgres.http.errors} errors)`
      : '',
  );
  report(
    `Static index page /, same server, same load (req/s, p95)`,
    `${fmt(r.embedded.index.rps, 0)} req/s, p95 ${fmt(r.embedded.index.p95)} ms`,
    `${fmt(r.postgres.index.rps, 0)} req/s, p95 ${fmt(r.postgres.index.p95)} ms`,
    r.embedded.index.errors + r.postgres.index.errors
      ? `(${r.embedded.index.errors + r.postgres.index.errors} errors)`
      : '',
  );
  const ratio = (x: { http: Load; index: Load }) => `${fmt((100 * x.http.rps) / x.index.rps, 0)} %`;
  report('Children / index page (goal ≥ 30 %)', ratio(r.embedded), ratio(r.postgres));
  const size = (x: { index: number; children: number }) =>
    `${fmt(x.children / 1024)} KiB vs ${fmt(x.index / 1024)} KiB`;
  report('Answer sizes: children vs index page (uncompressed)', size(sizes.embedded), size(sizes.postgres));
  report(
    'Children with Accept-Encoding: gzip (req/s, p95; ratio to the index page)',
    `${fmt(r.embedded.gzip.rps, 0)} req/s, p95 ${fmt(r.embedded.gzip.p95)} ms, ${ratio({ http: r.embedded.gzip, index: r.embedded.index })}`,
    `${fmt(r.postgres.gzip.rps, 0)} req/s, p95 ${fmt(r.postgres.gzip.p95)} ms, ${ratio({ http: r.postgres.gzip, index: r.postgres.index })}`,
    r.embedded.gzip.errors + r.postgres.gzip.errors
      ? `(${r.embedded.gzip.errors + r.postgres.gzip.errors} errors)`
      : '',
  );
  report(
    'Baseline: same query via the repository, no HTTP (calls/s, p95)',
    `${fmt(r.embedded.direct.rps, 0)} /s, p95 ${fmt(r.embedded.direct.p95)} ms`,
    `${fmt(r.postgres.direct.rps, 0)} /s, p95 ${fmt(r.postgres.direct.p95)} ms`,
  );

  console.log('\n| Measure | Embedded (PGlite) | PostgreSQL 15 | |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
