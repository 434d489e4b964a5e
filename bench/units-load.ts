/**
 * Loading all administrative-unit versions and lineage (issue 2, benchmarks): seconds, on the
 * embedded engine (PGlite in a data directory, over its socket) and on PostgreSQL.
 *   npx tsx bench/units-load.ts        (GIAMNGHEO_BENCH_PG_URL for another PostgreSQL server)
 * Prints: the pure build (parse the CSVs, derive versions and lineage), the first load into a
 * migrated empty database, and a reload of the same data (upserts, as when the files change).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectPool, type PoolDb } from '../src/db/client';
import { startEmbedded } from '../src/db/embedded';
import { migrate } from '../src/db/migrate';
import { buildUnitSet } from '../src/domain/units';
import { readUnitFiles } from '../src/modules/units/load';
import { writeUnitSet } from '../src/modules/units/repo-load';
import { fmt, freshPostgresDatabase, machine, timed } from './support';

const files = readUnitFiles();
const build = await timed(async () => buildUnitSet(files));
const set = build.value;
console.log(`Machine: ${machine()}`);
console.log(
  `Build (parse 8 CSV files, derive versions and lineage, pure): ${fmt(build.seconds, 2)} s — ${set.units.length} unit versions, ${set.lineage.length} lineage links, ${set.nameAliases.length} aliases, ${set.regionMembers.length} region memberships`,
);

async function measure(db: PoolDb): Promise<{ first: number; reload: number }> {
  await migrate(db);
  const first = await timed(() => db.tx((tx) => writeUnitSet(tx, set)));
  const reload = await timed(() => db.tx((tx) => writeUnitSet(tx, set)));
  const n = await db.one<{ units: number; lineage: number }>(
    `SELECT (SELECT count(*)::int FROM admin_unit) AS units, (SELECT count(*)::int FROM unit_lineage) AS lineage`,
  );
  if (n.units !== set.units.length || n.lineage !== set.lineage.length)
    throw new Error(`loaded ${n.units}/${n.lineage} rows`);
  return { first: first.seconds, reload: reload.seconds };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'units-bench-'));
const embedded = await startEmbedded(dir);
const edb = connectPool(embedded.url, 'embedded', 4);
let emb: { first: number; reload: number };
try {
  emb = await measure(edb);
} finally {
  await edb.close();
  await embedded.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

const pgdb = await freshPostgresDatabase('gn_bench_units');
const pdb = connectPool(pgdb.url, 'postgres', 4);
let pgr: { first: number; reload: number };
try {
  pgr = await measure(pdb);
} finally {
  await pdb.close();
  await pgdb.drop();
}

const rows = [
  ['Load all unit versions and lineage (first load, one transaction)', emb.first, pgr.first],
  ['Reload the same data (upserts)', emb.reload, pgr.reload],
];
console.log('\n| Units load | embedded (PGlite) | PostgreSQL |\n|---|---|---|');
for (const [what, e, p] of rows) console.log(`| ${what} | ${fmt(e as number, 2)} s | ${fmt(p as number, 2)} s |`);
