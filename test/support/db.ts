import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { connectPool, type DbMode, type PoolDb } from '../../src/db/client';
import { embeddedTemplate, pgUrl, postgresTemplate, servePglite, TEST_PG_URL } from './template';

/** The engine database tests run on: GIAMNGHEO_TEST_DB=postgres, or the embedded engine (default). */
export const TEST_MODE: DbMode = process.env.GIAMNGHEO_TEST_DB === 'postgres' ? 'postgres' : 'embedded';

export interface TestDatabase {
  db: PoolDb;
  mode: DbMode;
  /** postgres:// URL of this database, for child processes (CLI tests). */
  url: string;
  close(): Promise<void>;
}

/** A fresh database with every migration and all reference data, private to the caller. */
export async function testDatabase(): Promise<TestDatabase> {
  if (TEST_MODE === 'postgres') {
    const template = await postgresTemplate();
    const name = `gn_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const url = pgUrl(name);
    const db = connectPool(url, 'postgres', 10);
    return {
      db,
      mode: 'postgres',
      url,
      async close() {
        await db.close();
        const a = new pg.Client({ connectionString: TEST_PG_URL });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dump = fs.readFileSync(await embeddedTemplate());
  const served = await servePglite(await PGlite.create({ loadDataDir: new Blob([dump]) }));
  const db = connectPool(served.url, 'embedded', 10);
  return {
    db,
    mode: 'embedded',
    url: served.url,
    async close() {
      await db.close();
      await served.close();
    },
  };
}
