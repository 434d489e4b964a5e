/**
 * Scale on paper, checked by a small simulation: how long the deadline day takes for every commune on
 * one PostgreSQL server, from the CPU an import costs as measured by `npm run bench:peak` (server process
 * and PostgreSQL backends, CPU seconds per commune, the readers' work during the imports included).
 *
 * Model (a fluid queue, one-minute steps): uploads arrive by the arrival curve; each minute the
 * application processes and the database together finish as many as the tighter of their CPU budgets
 * allows (cores × 60 s / CPU seconds per import); a Node process uses at most its parse slots plus its
 * main thread, whose share (--main-cpu) cannot use more than one core. Prints, for a few deployments, the
 * time to clear the uploads when all arrive at once and the
 * longest wait of an upload on a deadline day shaped by --last-day-share (an assumption, not data).
 *
 *   npm run bench:scale-sim -- --app-cpu 3.1 --main-cpu 1.2 --db-cpu 0.9
 *   npm run bench:scale-sim -- --app-cpu 3.1 --main-cpu 1.2 --db-cpu 0.9 --communes 3321 --last-day-share 0.5 --hours 8
 */
import { parseArgs } from 'node:util';
import { fmt } from './support';

const { values: o } = parseArgs({
  options: {
    'app-cpu': { type: 'string' },
    'db-cpu': { type: 'string' },
    'main-cpu': { type: 'string' },
    communes: { type: 'string', default: '3321' },
    'last-day-share': { type: 'string', default: '0.5' },
    days: { type: 'string', default: '5' },
    hours: { type: 'string', default: '8' },
  },
});
if (!o['app-cpu'] || !o['db-cpu'])
  throw new Error('--app-cpu and --db-cpu are required: CPU seconds per import from npm run bench:peak');
const APP_CPU = Number(o['app-cpu']);
const DB_CPU = Number(o['db-cpu']);
/** the part of APP_CPU on the process's main thread (requests, classification, SQL): one core at most */
const MAIN_CPU = Number(o['main-cpu'] ?? 0);
const COMMUNES = Number(o.communes);
const LAST_DAY = Number(o['last-day-share']);
const DAYS = Number(o.days);
const HOURS = Number(o.hours);

interface Deployment {
  name: string;
  /** application processes × cores each one may use (main thread + parse slots) */
  appProcesses: number;
  appCores: number;
  dbCores: number;
}

const DEPLOYMENTS: Deployment[] = [
  { name: 'as measured: 1 process, 2 cores shared with PostgreSQL', appProcesses: 1, appCores: 1, dbCores: 1 },
  { name: '1 app process on 4 cores, PostgreSQL 4 cores', appProcesses: 1, appCores: 4, dbCores: 4 },
  { name: '2 app processes × 4 cores, PostgreSQL 4 cores', appProcesses: 2, appCores: 4, dbCores: 4 },
  { name: '4 app processes × 4 cores, PostgreSQL 8 cores', appProcesses: 4, appCores: 4, dbCores: 8 },
];

/** Imports a minute the deployment can finish: the tighter of the two CPU budgets. */
function capacityPerMinute(d: Deployment) {
  const perProcess = Math.min((d.appCores * 60) / APP_CPU, MAIN_CPU > 0 ? 60 / MAIN_CPU : Infinity);
  const app = d.appProcesses * perProcess;
  const db = (d.dbCores * 60) / DB_CPU;
  return { app, db, rate: Math.min(app, db), bound: app <= db ? 'application' : 'database' };
}

/**
 * Minute-by-minute queue over the deadline window: DAYS working days of HOURS hours; the last day receives
 * LAST_DAY of the uploads, the days before share the rest evenly; within a day uploads arrive evenly.
 */
function simulate(ratePerMinute: number) {
  const minutesPerDay = HOURS * 60;
  const arrivals: number[] = [];
  for (let day = 0; day < DAYS; day++) {
    const share = day === DAYS - 1 ? LAST_DAY : (1 - LAST_DAY) / Math.max(1, DAYS - 1);
    for (let m = 0; m < minutesPerDay; m++) arrivals.push((COMMUNES * share) / minutesPerDay);
  }
  let backlog = 0;
  let worstWait = 0;
  let minute = 0;
  for (; minute < arrivals.length || backlog > 1e-9; minute++) {
    backlog += arrivals[minute] ?? 0;
    backlog = Math.max(0, backlog - ratePerMinute);
    worstWait = Math.max(worstWait, backlog / ratePerMinute);
  }
  const overrun = Math.max(0, minute - arrivals.length);
  return { worstWait, overrun };
}

console.log(
  `Per import: ${APP_CPU} CPU s in the application, ${DB_CPU} CPU s in PostgreSQL (measured by npm run bench:peak)`,
);
console.log(
  `${COMMUNES.toLocaleString('en-US')} communes; deadline window: ${DAYS} working days × ${HOURS} h, ${fmt(LAST_DAY * 100, 0)} % of the uploads on the last day (assumption)\n`,
);
console.log(
  '| Deployment | Capacity (imports/min): application / database | Bound by | All communes at once | Deadline day: longest wait | Past the window |',
);
console.log('|---|---|---|---|---|---|');
for (const d of DEPLOYMENTS) {
  const c = capacityPerMinute(d);
  const s = simulate(c.rate);
  console.log(
    `| ${d.name} | ${fmt(c.app)} / ${fmt(c.db)} | ${c.bound} | ${fmt(COMMUNES / c.rate / 60)} h | ${fmt(s.worstWait, 0)} min | ${s.overrun ? `${fmt(s.overrun / 60)} h` : 'none'} |`,
  );
}
