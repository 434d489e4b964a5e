import { insertUnnest } from '../../db/bulk';
import type { Db } from '../../db/client';

/** SQL of the published review results (reference data, replaced whole when its files change). */

const COLUMNS: [string, string][] = [
  ['year', 'int[]'],
  ['year_text', 'text[]'],
  ['scope', 'text[]'],
  ['area_code', 'text[]'],
  ['area_name', 'text[]'],
  ['indicator', 'text[]'],
  ['rate_pct', 'numeric[]'],
  ['households', 'int8[]'],
  ['total_households', 'int8[]'],
  ['status', 'text[]'],
  ['decision', 'text[]'],
  ['source_url', 'text[]'],
  ['note', 'text[]'],
];

/** Replaces the published results by the rows, each in the order of COLUMNS. */
export async function replacePublished(tx: Db, rows: unknown[][]): Promise<void> {
  await tx.query('DELETE FROM poverty_published');
  await insertUnnest(tx, 'poverty_published', COLUMNS, rows);
}
