import type { Db } from '../../db/client';

export interface ChainRow {
  id: number;
  seq: number | null;
  prevHash: string | null;
  rowHash: string | null;
  content: string;
}

/** A page of the trail in chain order, after a chain position (rows outside the chain come last). */
export function chainPage(db: Db, afterSeq: number, limit: number): Promise<ChainRow[]> {
  return db.query<ChainRow>(
    `SELECT id, chain_seq AS seq, prev_hash AS "prevHash", row_hash AS "rowHash", audit_log_content(a) AS content
       FROM audit_log a WHERE chain_seq > $1 ORDER BY chain_seq LIMIT $2`,
    [afterSeq, limit],
  );
}

/** Rows without a chain position: inserted while the chain trigger was disabled. */
export function unchainedRows(db: Db): Promise<{ id: number }[]> {
  return db.query<{ id: number }>(`SELECT id FROM audit_log WHERE chain_seq IS NULL ORDER BY id LIMIT 10`);
}
