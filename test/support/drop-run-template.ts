import pg from 'pg';
import { templateHash, TEST_PG_URL } from './template';

/** Drops the PostgreSQL template database of this test run (used by .ci/run at the end). */
const client = new pg.Client({ connectionString: TEST_PG_URL });
await client.connect();
await client.query(`DROP DATABASE IF EXISTS gn_tpl_${templateHash()} WITH (FORCE)`);
await client.end();
