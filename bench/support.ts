import fs from 'node:fs';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { connectPool, type PoolDb } from '../src/db/client';
import { startEmbedded } from '../src/db/embedded';

/** Helpers shared by the benchmarks: machine description, timers, a fresh PostgreSQL database. */

export const PG_ADMIN_URL = process.env.GIAMNGHEO_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - t0) / 1000, value };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Peak resident memory of a process (VmHWM), in MiB. */
export function peakRssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? NaN);
  return kb / 1024;
}

export async function freshPostgresDatabase(prefix = 'gn_bench'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: PG_ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A small deterministic pseudo-random generator (mulberry32): the same seed gives the same data in every run. */
export function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * Runs fn on a new, empty database of the engine (a temporary data directory, or a fresh PostgreSQL database) and
 * removes it after.
 */
export async function withBenchDatabase<T>(
  engine: 'embedded' | 'postgres',
  name: string,
  fn: (db: PoolDb) => Promise<T>,
): Promise<T> {
  if (engine === 'embedded') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
    const server = await startEmbedded(dir);
    const db = connectPool(server.url, 'embedded', 4);
    try {
      return await fn(db);
    } finally {
      await db.close();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const pgdb = await freshPostgresDatabase(`gn_bench_${name.replace(/\W/g, '_')}`);
  const db = connectPool(pgdb.url, 'postgres', 4);
  try {
    return await fn(db);
  } finally {
    await db.close();
    await pgdb.drop();
  }
}
