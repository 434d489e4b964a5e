import type { Db } from './client';

const BATCH = 2000;

/** INSERT … SELECT * FROM unnest(…) in batches; columns given as [name, pgArrayType]. */
export async function insertUnnest(
  tx: Db,
  table: string,
  columns: [string, string][],
  rows: unknown[][],
  suffix = '',
): Promise<void> {
  const list = columns.map((c) => c[0]).join(', ');
  const args = columns.map((c, i) => `$${i + 1}::${c[1]}`).join(', ');
  const sql = `INSERT INTO ${table} (${list}) SELECT * FROM unnest(${args}) ${suffix}`;
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    await tx.query(
      sql,
      columns.map((_, c) => chunk.map((r) => r[c])),
    );
  }
}
