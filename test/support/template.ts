import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { connectPool, type Db, type PoolDb } from '../../src/db/client';
import { serveWire } from '../../src/db/wire-server';
import { DATASETS } from '../../src/app/datasets';
import { migrate } from '../../src/db/migrate';
import { loadReferenceData } from '../../src/db/reference-data';

/**
 * A prepared database (all migrations + reference data) that each test copies:
 * a PGlite data-directory dump for the embedded engine, a template database on PostgreSQL.
 * Its name carries a hash of everything that shapes it, so a change rebuilds it.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
export const CACHE_DIR = path.join(ROOT, '.cache');
export const TEST_PG_URL = process.env.GIAMNGHEO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function listFiles(dir: string, keep: (f: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .filter(keep)
    .sort();
}

export function templateHash(): string {
  const files = [
    ...listFiles(path.join(ROOT, 'src/db'), () => true),
    ...listFiles(path.join(ROOT, 'src/app'), () => true),
    ...listFiles(path.join(ROOT, 'src/domain'), () => true),
    ...listFiles(path.join(ROOT, 'reference'), () => true),
    ...listFiles(path.join(ROOT, 'src/modules'), (f) => /\/(load|seed)[^/]*\.ts$/.test(f)),
  ];
  const h = createHash('sha256');
  for (const f of files) h.update(path.relative(ROOT, f)).update(fs.readFileSync(f));
  // CI sets a run id so that its PostgreSQL template is built fresh in every run
  h.update(process.env.GIAMNGHEO_TEST_RUN_ID ?? '');
  return h.digest('hex').slice(0, 12);
}

export async function prepare(db: Db) {
  await migrate(db);
  await loadReferenceData(db, DATASETS);
}

/** Runs fn while holding an exclusive lock file (other test processes wait). */
async function withFileLock<T>(lockFile: string, fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const holder = Number(fs.readFileSync(lockFile, 'utf8') || 0);
      let alive = true;
      try {
        process.kill(holder, 0);
      } catch {
        alive = false;
      }
      if (!alive) fs.rmSync(lockFile, { force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockFile}`);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}

export interface ServedPglite {
  pglite: PGlite;
  url: string;
  close(): Promise<void>;
}

export async function servePglite(pglite: PGlite): Promise<ServedPglite> {
  const server = await serveWire(pglite);
  return {
    pglite,
    url: `postgres://postgres@127.0.0.1:${server.port}/postgres`,
    async close() {
      await server.close();
      await pglite.close();
    },
  };
}

/** Path of the embedded template dump, built if missing. */
export async function embeddedTemplate(): Promise<string> {
  const file = path.join(CACHE_DIR, `template-${templateHash()}.tar.gz`);
  if (fs.existsSync(file)) return file;
  return withFileLock(`${file}.lock`, async () => {
    if (fs.existsSync(file)) return file;
    const served = await servePglite(await PGlite.create());
    const db = connectPool(served.url, 'embedded', 4);
    try {
      await prepare(db);
    } finally {
      await db.close();
    }
    const dump = await served.pglite.dumpDataDir('gzip');
    await served.close();
    fs.writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(`${file}.tmp`, file);
    return file;
  });
}

function pgUrl(database: string): string {
  const u = new URL(TEST_PG_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Name of the PostgreSQL template database, built if missing. */
export async function postgresTemplate(): Promise<string> {
  const name = `gn_tpl_${templateHash()}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(727001)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const db: PoolDb = connectPool(pgUrl(building), 'postgres', 4);
      try {
        await prepare(db);
      } finally {
        await db.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
    await admin.end();
  }
}

export { pgUrl };
