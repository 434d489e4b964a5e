import type { Db } from '../../db/client';

/**
 * Every unit version covered by the given units: their descendants (through parent
 * links, on any date) and the older units that roll up into them through resolved
 * lineage (and those units' descendants).
 */
export async function coveredUnitIds(db: Db, rootIds: string[]): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `WITH RECURSIVE edge (up, down) AS (
       SELECT parent_id, id FROM admin_unit WHERE parent_id IS NOT NULL
       UNION ALL
       SELECT to_unit_id, from_unit_id FROM unit_lineage WHERE resolved
     ),
     covered (id) AS (
       SELECT unnest($1::text[])
       UNION
       SELECT e.down FROM edge e JOIN covered c ON e.up = c.id
     )
     SELECT id FROM covered`,
    [rootIds],
  );
  return rows.map((r) => r.id);
}
