/**
 * Plan benchmark (issue 3): a generated plan of 2,000 tasks, each fanned out to the 34 provincial
 * People's Committees and 30 agencies (64 assignments a task, 128,000 in all), with 10 progress updates
 * per assignment (1.28 million rows). Measured through the real HTTP handlers (in process, signed in):
 *   - the overdue report   GET /api/plan/overdue?asOf=…     (program owner)
 *   - the "my agency" page GET /api/plan/my-agency?asOf=…  (a ministry officer, a province officer)
 *   - the daily digest for all users (service call), seconds
 * next to a plain-SQL baseline of the same answers (one query each), on the embedded engine (PGlite in
 * a data directory, over its socket) and on PostgreSQL.
 *
 *   npm run bench:plan                       (both engines)
 *   PLAN_BENCH_ENGINES=postgres PLAN_BENCH_TASKS=500 npm run bench:plan
 */
import pino from 'pino';
import { loadConfig } from '../src/config';
import type { PoolDb } from '../src/db/client';
import { DATASETS } from '../src/app/datasets';
import { migrate } from '../src/db/migrate';
import { loadReferenceData } from '../src/db/reference-data';
import { addDays } from '../src/domain/calendar/dates';
import { rollUp } from '../src/domain/plan/rollup';
import type { TaskStatus } from '../src/domain/plan/status';
import type { Role } from '../src/domain/roles';
import { systemActor } from '../src/modules/audit/audit';
import { runDigest } from '../src/modules/plan/service';
import { insertUnnest } from '../src/modules/units/load';
import { createUser } from '../src/modules/users/service';
import { createApp } from '../src/server/app';
import { fmt, machine, mulberry32, percentile, timed, withBenchDatabase } from './support';

const TASKS = Number(process.env.PLAN_BENCH_TASKS ?? 2000);
const AGENCIES = 30;
const UPDATES = Number(process.env.PLAN_BENCH_UPDATES ?? 10);
const ITER = Number(process.env.PLAN_BENCH_ITER ?? 40);
const ENGINES = (process.env.PLAN_BENCH_ENGINES ?? 'embedded,postgres').split(',') as ('embedded' | 'postgres')[];
const AS_OF = '2025-11-28';
const PASSWORD = 'mat-khau-do-hieu-nang';
const NEEDED = ['admin-units', 'agencies', 'plan-1705'];

interface Generated {
  agencies: string[];
  provinces: { agency: string; unit: string }[];
  seconds: number;
  assignments: number;
  updates: number;
}

async function generate(db: PoolDb): Promise<Generated> {
  const t0 = performance.now();
  const agencies = Array.from({ length: AGENCIES }, (_, i) => `BENCH-${String(i + 1).padStart(2, '0')}`);
  await db.query(
    `INSERT INTO agency (id, code, kind, name, search_key, valid_from, source, verified)
     SELECT a, a, 'ministry', 'Cơ quan thử ' || a, lower(a), '2021-01-01', 'benchmark', false FROM unnest($1::text[]) AS a ON CONFLICT DO NOTHING`,
    [agencies],
  );
  const provinces = await db.query<{ agency: string; unit: string }>(
    `SELECT g.id AS agency, u.id AS unit FROM agency g JOIN admin_unit u ON u.id = g.unit_id
      WHERE g.kind = 'people_committee' AND u.level = 'province' AND u.valid_from <= $1 AND (u.valid_to IS NULL OR u.valid_to > $1) ORDER BY u.code`,
    ['2025-07-01'],
  );
  if (provinces.length !== 34) throw new Error(`expected 34 provinces on 2025-07-01, got ${provinces.length}`);
  const plan = await db.one<{ id: number }>(
    `INSERT INTO plan (code, title, issued_on, source) VALUES ('BENCH', 'Kế hoạch thử hiệu năng', '2024-01-01', 'benchmark') RETURNING id`,
  );
  const rnd = mulberry32(42);
  const statuses: TaskStatus[] = [
    'completed',
    'completed',
    'completed',
    'completed',
    'in_progress',
    'in_progress',
    'in_progress',
    'not_started',
    'not_started',
    'submitted',
  ];
  const targets = [
    ...provinces.map((p) => ({ agency: p.agency, unit: p.unit as string | null })),
    ...agencies.map((a) => ({ agency: a, unit: null })),
  ];
  let assignments = 0;
  let updates = 0;
  const BATCH_TASKS = 100;
  for (let b = 0; b < TASKS; b += BATCH_TASKS) {
    const n = Math.min(BATCH_TASKS, TASKS - b);
    const tasks = Array.from({ length: n }, (_, k) => {
      const i = b + k;
      const due = addDays('2024-03-31', Math.floor(rnd() * 1000));
      const start = addDays(due, -90 - Math.floor(rnd() * 200));
      const items = targets.map((tg) => {
        const status = statuses[Math.floor(rnd() * statuses.length)];
        const percent = status === 'completed' ? 100 : status === 'not_started' ? 0 : Math.floor(rnd() * 95);
        const completedOn = status === 'completed' ? addDays(due, Math.floor(rnd() * 60) - 40) : null;
        return { ...tg, status, percent, completedOn, due };
      });
      const r = rollUp(items, AS_OF);
      return { i, due, start, items, r };
    });
    const ids = await db.query<{ id: number }>(
      `INSERT INTO task (plan_id, position, title, fan_out, deadline_text, deadline_kind, due_on, start_on, status, percent, completed_on, fact_status, source)
       SELECT $1, p, ti, 'all', dt, 'date', d, s, st, pc, co, 'VERIFIED', 'benchmark'
         FROM unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::text[], $8::numeric[], $9::date[]) AS x (p, ti, dt, d, s, st, pc, co)
       RETURNING id`,
      [
        plan.id,
        tasks.map((t) => `B.${t.i + 1}`),
        tasks.map((t) => `Nhiệm vụ thử số ${t.i + 1}`),
        tasks.map((t) => t.due),
        tasks.map((t) => t.due),
        tasks.map((t) => t.start),
        tasks.map((t) => t.r.status),
        tasks.map((t) => t.r.percent),
        tasks.map((t) => t.r.completedOn),
      ],
    );
    const rows: unknown[][] = [];
    tasks.forEach((t, k) =>
      t.items.forEach((a) => rows.push([ids[k].id, a.agency, a.unit, a.status, a.percent, a.completedOn, t.start])),
    );
    await insertUnnest(
      db,
      'task_assignment',
      [
        ['task_id', 'bigint[]'],
        ['agency_id', 'text[]'],
        ['unit_id', 'text[]'],
        ['status', 'text[]'],
        ['percent', 'numeric[]'],
        ['completed_on', 'date[]'],
        ['valid_from', 'date[]'],
      ],
      rows,
    );
    assignments += rows.length;
    // 10 progress updates per assignment, generated in SQL from the rows just inserted
    const res = await db.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO progress_update (task_id, assignment_id, reported_on, percent, narrative, by_name)
         SELECT a.task_id, a.id, a.valid_from + g * 7, LEAST(100, a.percent * g / $2), 'Báo cáo tiến độ lần ' || g, 'benchmark'
           FROM task_assignment a CROSS JOIN generate_series(1, $2) AS g
          WHERE a.task_id = ANY($1::bigint[])
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [ids.map((x) => x.id), UPDATES],
    );
    updates += res[0].n;
  }
  await db.query('ANALYZE');
  return { agencies, provinces, seconds: (performance.now() - t0) / 1000, assignments, updates };
}

async function createUsers(db: PoolDb, g: Generated) {
  const users: { username: string; role: Role; agencyId: string | null; unitId: string | null }[] = [
    { username: 'bench.owner', role: 'program_owner', agencyId: null, unitId: null },
    { username: 'bench.steering', role: 'steering_member', agencyId: null, unitId: null },
    ...g.agencies.map((a) => ({
      username: `bench.${a.toLowerCase()}`,
      role: 'ministry_lead' as Role,
      agencyId: a,
      unitId: null,
    })),
    ...g.provinces.map((p) => ({
      username: `bench.p${p.unit.split(':')[1]}`,
      role: 'province_officer' as Role,
      agencyId: null,
      unitId: p.unit,
    })),
  ];
  for (const u of users) {
    await createUser(db, systemActor('benchmark'), {
      username: u.username,
      displayName: u.username,
      email: `${u.username}@example.vn`,
      password: PASSWORD,
      grants: [{ role: u.role, agencyId: u.agencyId, unitId: u.unitId }],
    });
  }
  return users;
}

async function p95(fn: (i: number) => Promise<void>): Promise<{ p50: number; p95: number }> {
  await fn(0); // warm-up
  const ms: number[] = [];
  for (let i = 1; i <= ITER; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

interface Result {
  engine: string;
  gen: Generated;
  overdue: { p50: number; p95: number; rows: number };
  overdueBase: { p50: number; p95: number; rows: number };
  myMinistry: { p50: number; p95: number };
  myProvince: { p50: number; p95: number };
  myBase: { p50: number; p95: number };
  digest: { seconds: number; users: number; notifications: number; emails: number };
  digestBase: number;
}

async function run(engine: string, db: PoolDb): Promise<Result> {
  await migrate(db);
  await loadReferenceData(
    db,
    DATASETS.filter((d) => NEEDED.includes(d.name)),
  );
  const gen = await generate(db);
  console.log(
    `[${engine}] generated ${TASKS} tasks, ${gen.assignments.toLocaleString('en-US')} assignments, ${gen.updates.toLocaleString('en-US')} progress updates in ${fmt(gen.seconds)} s`,
  );
  const users = await createUsers(db, gen);
  const { app } = createApp({
    db,
    config: { ...loadConfig({}), sessionTtlMinutes: 600 },
    logger: pino({ level: 'silent' }),
    dbKind: engine as 'embedded' | 'postgres',
  });
  const cookies = new Map<string, string>();
  const login = async (username: string) => {
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    cookies.set(username, (res.headers.get('set-cookie') ?? '').split(';')[0]);
  };
  for (const u of users) await login(u.username);
  const get = async (username: string, url: string) => {
    const res = await app.request(url, { headers: { cookie: cookies.get(username)! } });
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };

  let overdueRows = 0;
  const overdue = await p95(async () => {
    overdueRows = (await get('bench.owner', `/api/plan/overdue?asOf=${AS_OF}`)).items.length;
  });
  let baseRows = 0;
  const overdueBase = await p95(async () => {
    baseRows = (
      await db.query(
        `SELECT t.id, t.position, t.title, t.due_on, t.status, t.percent,
                count(*) FILTER (WHERE a.status NOT IN ('completed', 'cancelled') AND t.due_on < $1)::int AS overdue_assignments
           FROM task t JOIN task_assignment a ON a.task_id = t.id AND a.valid_to IS NULL
          WHERE t.status NOT IN ('completed', 'cancelled') AND t.due_on < $1
          GROUP BY t.id ORDER BY t.id`,
        [AS_OF],
      )
    ).length;
  });
  const ministries = users.filter((u) => u.role === 'ministry_lead');
  const provinces = users.filter((u) => u.role === 'province_officer');
  const myMinistry = await p95(
    async (i) => void (await get(ministries[i % ministries.length].username, `/api/plan/my-agency?asOf=${AS_OF}`)),
  );
  const myProvince = await p95(
    async (i) => void (await get(provinces[i % provinces.length].username, `/api/plan/my-agency?asOf=${AS_OF}`)),
  );
  const myBase = await p95(async (i) => {
    await db.query(
      `SELECT t.id, t.position, t.title, a.status, a.percent, a.completed_on, COALESCE(a.due_on, t.due_on) AS due_on
         FROM task_assignment a JOIN task t ON t.id = a.task_id WHERE a.agency_id = $1 AND a.valid_to IS NULL ORDER BY t.id`,
      [ministries[i % ministries.length].agencyId],
    );
  });
  const d = await timed(() => runDigest(db, AS_OF));
  const digestBase = await timed(() =>
    db.query(
      `SELECT a.agency_id, count(*) FILTER (WHERE COALESCE(a.due_on, t.due_on) < $1)::int AS overdue,
              count(*) FILTER (WHERE COALESCE(a.due_on, t.due_on) BETWEEN $1 AND $1::date + 7)::int AS soon
         FROM task_assignment a JOIN task t ON t.id = a.task_id
        WHERE a.valid_to IS NULL AND a.status NOT IN ('completed', 'cancelled') GROUP BY a.agency_id`,
      [AS_OF],
    ),
  );
  if (overdueRows < baseRows) throw new Error(`overdue report has ${overdueRows} rows, baseline ${baseRows}`);
  return {
    engine,
    gen,
    overdue: { ...overdue, rows: overdueRows },
    overdueBase: { ...overdueBase, rows: baseRows },
    myMinistry,
    myProvince,
    myBase,
    digest: { seconds: d.seconds, users: d.value.users, notifications: d.value.notifications, emails: d.value.emails },
    digestBase: digestBase.seconds,
  };
}

console.log(`Machine: ${machine()}`);
console.log(
  `${TASKS} tasks × (34 provinces + ${AGENCIES} agencies), ${UPDATES} progress updates per assignment, as of ${AS_OF}, ${ITER} timed requests per figure, engines: ${ENGINES.join(', ')}`,
);
const results: Result[] = [];
for (const engine of ENGINES) {
  results.push(await withBenchDatabase(engine, 'plan', (db) => run(engine, db)));
}
const ms = (x: { p50: number; p95: number }) => `${fmt(x.p95, 0)} ms (p50 ${fmt(x.p50, 0)})`;
console.log(
  '\n| engine | overdue report p95 (ours, HTTP) | overdue baseline p95 (one SQL query) | my agency p95: ministry | my agency p95: province | my agency baseline p95 | daily digest, all users | digest baseline query |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(
    `| ${r.engine} | ${ms(r.overdue)}, ${r.overdue.rows} tasks | ${ms(r.overdueBase)}, ${r.overdueBase.rows} tasks | ${ms(r.myMinistry)} | ${ms(r.myProvince)} | ${ms(r.myBase)} | ${fmt(r.digest.seconds, 2)} s (${r.digest.users} users, ${r.digest.notifications} notifications, ${r.digest.emails} e-mails) | ${fmt(r.digestBase, 2)} s |`,
  );
}
for (const r of results)
  console.log(
    `Data (${r.engine}): ${r.gen.assignments.toLocaleString('en-US')} assignments, ${r.gen.updates.toLocaleString('en-US')} progress updates, generated in ${fmt(r.gen.seconds)} s`,
  );
