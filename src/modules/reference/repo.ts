import type { Db } from '../../db/client';

/** The reference-data version counter (bumped by triggers on every reference table, migration 0250). */
export async function referenceVersion(db: Db): Promise<string> {
  const rows = await db.query<{ version: string }>('SELECT version::text AS version FROM reference_version');
  return rows[0].version;
}

/** Small tables of the results area behind the public page and the national overview. */
const RESULTS_TABLES = [
  'results_target',
  'results_published',
  'results_area_group',
  'results_area_member',
  'results_area_exit',
  'results_period',
  'results_period_tally',
];

/**
 * The version of the aggregated figures: the poverty figures counter (bumped at the commit of a change,
 * migration 0390), the reference counter (unit names, the program's targets) and a fingerprint of the
 * results area's small tables: their row count and the sum of their rows' creating transaction ids, which
 * any committed insert, update or delete changes (a few hundred rows: well under a millisecond).
 */
export async function figuresVersion(db: Db): Promise<string> {
  const fingerprint = RESULTS_TABLES.map(
    (t) => `(SELECT count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text FROM ${t})`,
  ).join(` || '/' || `);
  const rows = await db.query<{ version: string }>(
    `SELECT f.version::text || '.' || r.version::text || '.' || ${fingerprint} AS version
       FROM figures_version f, reference_version r`,
  );
  return rows[0].version;
}
