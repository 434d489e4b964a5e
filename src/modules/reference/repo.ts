import type { Db } from '../../db/client';

/** The reference-data version counter (bumped by triggers on every reference table, migration 0250). */
export async function referenceVersion(db: Db): Promise<string> {
  const rows = await db.query<{ version: string }>('SELECT version::text AS version FROM reference_version');
  return rows[0].version;
}
