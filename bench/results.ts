/**
 * Results benchmark: periodic reports of every commune (3,321) with 60 data elements a month over 5
 * years (2026-2030: 199,260 reports, about 12 million values) on PostgreSQL, and a tenth (the first 6
 * months) on the embedded engine. Measured through the real HTTP handlers (in process, signed in),
 * 50 concurrent clients:
 *   - the national dashboard          GET /api/results/overview            (program owner)
 *   - a province drill-down           GET /api/results/periods/:id/reports (Hà Nội's officer)
 * next to one SQL query giving the same answer in the same run, and the time for the dashboard to
 * reflect one commune's newly approved report (approve through the server + the next dashboard read).
 * And the public figures file anyone may download, GET /api/results/public.csv (anonymous, served from
 * the figures snapshot): its first (building) request, then the same load, next to the baseline of
 * building it on every call (what each request cost before the snapshot; a quarter of the requests,
 * each takes a few hundred ms).
 *
 *   npm run bench:results
 *   RESULTS_BENCH_ENGINES=postgres RESULTS_BENCH_MONTHS=12 npm run bench:results
 */
import pino from 'pino';
import { loadConfig } from '../src/config';
import type { PoolDb } from '../src/db/client';
import { DATASETS } from '../src/app/datasets';
import { migrate } from '../src/db/migrate';
import { loadReferenceData } from '../src/db/reference-data';
import { systemActor } from '../src/modules/audit/audit';
import { rebuildTallies } from '../src/modules/results/repo';
import { openPeriod, publicFiguresCsv } from '../src/modules/results/service';
import { createUser } from '../src/modules/users/service';
import { createApp } from '../src/server/app';
import { fmt, machine, percentile, timed, withBenchDatabase } from './support';

const ENGINES = (process.env.RESULTS_BENCH_ENGINES ?? 'embedded,postgres').split(',') as ('embedded' | 'postgres')[];
const MONTHS: Record<string, number> = {
  postgres: Number(process.env.RESULTS_BENCH_MONTHS ?? 60),
  embedded: Number(process.env.RESULTS_BENCH_MONTHS_EMBEDDED ?? 6),
};
const CLIENTS = 50;
const REQUESTS = Number(process.env.RESULTS_BENCH_REQUESTS ?? 200);
const ELEMENTS = 60;
const PASSWORD = 'mat-khau-do-hieu-nang';
const NEEDED = ['admin-units', 'agencies', 'poverty-standards', 'poverty-published', 'results'];

async function generate(db: PoolDb, months: number) {
  const t0 = performance.now();
  const fields = Array.from({ length: ELEMENTS }, (_, i) => ({
    code: `e${i + 1}`,
    labelVi: `Chỉ tiêu thử ${i + 1}`,
    unit: 'hộ',
    integer: true,
  }));
  await db.query(
    `INSERT INTO results_form (code, number, annex, name_vi, legal_basis, status, period_type, unit_level, deadline_working_days, fields, rules)
     VALUES ('BENCH-60', 'Biểu thử', '—', 'Biểu thử hiệu năng (60 chỉ tiêu)', 'benchmark', 'unverified', 'monthly', 'commune', 15, $1, '[]')`,
    [JSON.stringify(fields)],
  );
  const periods: number[] = [];
  for (let m = 0; m < months; m++) {
    const key = `${2026 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    periods.push((await openPeriod(db, { system: 'benchmark' }, { form: 'BENCH-60', periodKey: key })).id);
  }
  // Every commune reports every month; 1 in 8 late; all approved up the chain except 1 in 50 (submitted only).
  for (const id of periods) {
    await db.query(
      `INSERT INTO results_report (province_id, period_id, unit_id, values, approvals, submitted_on, updated_by)
       SELECT u.province_id, p.id, u.id,
              (SELECT jsonb_object_agg('e' || i, abs(hashtext(u.id || p.id::text || i::text)) % 1000) FROM generate_series(1, ${ELEMENTS}) i),
              CASE WHEN abs(hashtext(u.id)) % 50 = 0 THEN '[{"level":"commune","on":"2026-01-01","by":"bench"}]'::jsonb
                   ELSE '[{"level":"commune","on":"2026-01-01","by":"bench"},{"level":"province","on":"2026-01-02","by":"bench"},{"level":"central","on":"2026-01-03","by":"bench"}]'::jsonb END,
              p.deadline + CASE WHEN abs(hashtext(u.id || p.id::text)) % 8 = 0 THEN 3 ELSE -2 END, 'benchmark'
         FROM results_period p JOIN admin_unit u ON u.level = 'commune' AND u.valid_from <= p.ends_on AND (u.valid_to IS NULL OR u.valid_to > p.ends_on)
        WHERE p.id = $1`,
      [id],
    );
  }
  await rebuildTallies(db);
  await db.query('ANALYZE');
  const n = (await db.one<{ n: number }>('SELECT count(*)::int AS n FROM results_report')).n;
  return { periods, reports: n, values: n * ELEMENTS, seconds: (performance.now() - t0) / 1000 };
}

/** `total` calls spread over `clients` concurrent workers: p50, p95 and throughput. */
async function load(clients: number, total: number, fn: (i: number) => Promise<void>) {
  await fn(0);
  const ms: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const s = performance.now();
        await fn(i);
        ms.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), rps: total / seconds };
}

async function run(engine: 'embedded' | 'postgres', db: PoolDb) {
  await migrate(db);
  await loadReferenceData(
    db,
    DATASETS.filter((d) => NEEDED.includes(d.name)),
  );
  const gen = await generate(db, MONTHS[engine]);
  console.log(
    `[${engine}] ${gen.periods.length} monthly periods, ${gen.reports.toLocaleString('en-US')} reports, ${gen.values.toLocaleString('en-US')} values in ${fmt(gen.seconds)} s`,
  );
  const hanoi = (
    await db.one<{ id: string }>(
      `SELECT id FROM admin_unit WHERE level = 'province' AND code = '01' AND valid_to IS NULL`,
    )
  ).id;
  for (const [username, role, unitId] of [
    ['bench.owner', 'program_owner', null],
    ['bench.hanoi', 'province_officer', hanoi],
  ] as const) {
    await createUser(db, systemActor('benchmark'), {
      username,
      displayName: username,
      password: PASSWORD,
      grants: [{ role, agencyId: null, unitId }],
    });
  }
  const { app } = createApp({
    db,
    config: { ...loadConfig({}), sessionTtlMinutes: 600 },
    logger: pino({ level: 'silent' }),
    dbKind: engine,
  });
  const cookie = async (username: string) => {
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0];
  };
  const owner = await cookie('bench.owner');
  const province = await cookie('bench.hanoi');
  const get = async (c: string, url: string) => {
    const res = await app.request(url, { headers: { cookie: c } });
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
  const last = gen.periods.at(-1)!;

  const dashboard = await load(CLIENTS, REQUESTS, async () => void (await get(owner, '/api/results/overview')));
  const dashboardSql = `SELECT p.id, count(r.submitted_on) AS submitted, count(*) FILTER (WHERE r.submitted_on <= p.deadline) AS on_time,
      count(*) FILTER (WHERE jsonb_array_length(r.approvals) = cardinality(p.chain)) AS approved
    FROM results_period p LEFT JOIN results_report r ON r.period_id = p.id GROUP BY p.id`;
  const dashboardBase = await load(CLIENTS, REQUESTS, async () => void (await db.query(dashboardSql)));
  const drill = await load(
    CLIENTS,
    REQUESTS,
    async () => void (await get(province, `/api/results/periods/${last}/reports`)),
  );
  const drillBase = await load(
    CLIENTS,
    REQUESTS,
    async () =>
      void (await db.query(
        `SELECT u.id, u.code, u.full_name, r.id AS report, r.approvals, r.submitted_on FROM admin_unit u
         LEFT JOIN results_report r ON r.unit_id = u.id AND r.period_id = $1
        WHERE u.level = 'commune' AND u.province_id = $2 AND u.valid_to IS NULL ORDER BY u.code`,
        [last, hanoi],
      )),
  );

  // The public CSV: the first request builds it, the next ones are served from the figures snapshot.
  const publicCsv = async () => {
    const res = await app.request('/api/results/public.csv');
    if (res.status !== 200) throw new Error(`public.csv: ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  };
  const csvCold = await timed(publicCsv);
  if (!csvCold.value.equals(Buffer.from(await publicFiguresCsv(db))))
    throw new Error('public.csv differs from its builder');
  const csv = await load(CLIENTS, REQUESTS, async () => void (await publicCsv()));
  const csvBase = await load(CLIENTS, Math.ceil(REQUESTS / 4), async () => void (await publicFiguresCsv(db)));

  // One commune's report approved at the centre: how long until the dashboard shows it.
  const pending = await db.one<{ id: number }>(
    `SELECT id FROM results_report WHERE period_id = $1 AND jsonb_array_length(approvals) = 1 LIMIT 1`,
    [last],
  );
  const before = (await get(owner, '/api/results/overview')).reporting.find(
    (r: { periodId: number }) => r.periodId === last,
  ).approved;
  await db.query(
    `UPDATE results_report SET approvals = approvals || '[{"level":"province","on":"2026-01-02","by":"bench"}]'::jsonb WHERE id = $1`,
    [pending.id],
  );
  const reflect = await timed(async () => {
    // through the server, as the owner does: a write there makes the figures snapshot check again at once
    const res = await app.request(`/api/results/reports/${pending.id}/approve`, {
      method: 'POST',
      headers: { cookie: owner, 'content-type': 'application/json' },
      body: '{}',
    });
    if (res.status !== 200) throw new Error(`approve: ${res.status} ${await res.text()}`);
    const after = (await get(owner, '/api/results/overview')).reporting.find(
      (r: { periodId: number }) => r.periodId === last,
    ).approved;
    if (after !== before + 1) throw new Error(`dashboard shows ${after} approved, expected ${before + 1}`);
  });
  return {
    engine,
    gen,
    dashboard,
    dashboardBase,
    drill,
    drillBase,
    reflect: reflect.seconds,
    csvCold: csvCold.seconds,
    csv,
    csvBase,
  };
}

console.log(`Machine: ${machine()}`);
console.log(`${CLIENTS} concurrent clients, ${REQUESTS} requests per figure, engines: ${ENGINES.join(', ')}`);
const results = [];
for (const engine of ENGINES) results.push(await withBenchDatabase(engine, 'results', (db) => run(engine, db)));
const f = (x: { p95: number; rps: number }) => `${fmt(x.p95, 0)} ms, ${fmt(x.rps, 0)}/s`;
console.log(
  '\n| Engine | Reports (values) | National dashboard p95, req/s | Baseline (one SQL query) | Province drill-down p95, req/s | Baseline | Approve → dashboard shows it |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.engine} | ${r.gen.reports.toLocaleString('en-US')} (${r.gen.values.toLocaleString('en-US')}) | ${f(r.dashboard)} | ${f(r.dashboardBase)} | ${f(r.drill)} | ${f(r.drillBase)} | ${fmt(r.reflect * 1000, 0)} ms |`,
  );
}
console.log(
  '\n| Engine | Public CSV: first request | Public CSV from the snapshot p95, req/s | Baseline (built every call) |',
);
console.log('|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.engine} | ${fmt(r.csvCold * 1000, 0)} ms | ${f(r.csv)} | ${f(r.csvBase)} |`);
}
