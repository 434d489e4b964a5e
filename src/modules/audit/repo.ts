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

/** One audit row as stored; before/after are JSON text, already redacted. */
export interface AuditRow {
  actorUserId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  unitId: string | null;
  agencyId: string | null;
  before: string | null;
  after: string | null;
  requestId: string | null;
}

export async function insertAuditRow(tx: Db, r: AuditRow): Promise<void> {
  await insertAuditRows(tx, [r]);
}

/**
 * Writes audit rows in one statement, chained in the given order (the chain trigger of each row sees the
 * rows before it in the same statement). A batch takes the chain's lock once instead of once a row.
 */
export async function insertAuditRows(tx: Db, rows: AuditRow[]): Promise<void> {
  if (!rows.length) return;
  const col = <K extends keyof AuditRow>(k: K) => rows.map((r) => r[k]);
  await tx.query(
    `INSERT INTO audit_log (actor_user_id, actor_name, action, entity, entity_id, unit_id, agency_id, before, after, request_id)
     SELECT u, n, a, e, i, un, ag, b::jsonb, af::jsonb, rq
     FROM unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
       WITH ORDINALITY AS x(u, n, a, e, i, un, ag, b, af, rq, ord)
     ORDER BY ord`,
    [
      col('actorUserId'),
      col('actorName'),
      col('action'),
      col('entity'),
      col('entityId'),
      col('unitId'),
      col('agencyId'),
      col('before'),
      col('after'),
      col('requestId'),
    ],
  );
}

export interface AuditFilter {
  from?: string;
  to?: string;
  entity?: string;
  entityId?: string;
  actor?: string;
  /** A prefix of the action, e.g. 'users.' */
  action?: string;
  /** Only rows older than this id (the cursor of the previous page). */
  before?: number;
  limit: number;
}

/** Newest first. `to` is inclusive (the whole day, Vietnam time). */
export async function listAuditRows(db: Db, q: AuditFilter) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.from) add(`a.at >= (?::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`, q.from);
  if (q.to) add(`a.at < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`, q.to);
  if (q.entity) add('a.entity = ?', q.entity);
  if (q.entityId) add('a.entity_id = ?', q.entityId);
  if (q.actor) add('a.actor_name = ?', q.actor);
  if (q.action) add('a.action LIKE ?', `${q.action}%`);
  if (q.before) add('a.id < ?', q.before);
  params.push(q.limit);
  return db.query<{
    id: number;
    at: Date;
    actor_name: string;
    action: string;
    entity: string;
    entity_id: string | null;
    unit_id: string | null;
    agency_id: string | null;
    before: unknown;
    after: unknown;
    actor_display_name: string | null;
    entity_name: string | null;
  }>(
    `SELECT a.id, a.at, a.actor_name, a.action, a.entity, a.entity_id, a.unit_id, a.agency_id, a.before, a.after,
            actor.display_name AS actor_display_name,
            CASE WHEN target.id IS NOT NULL THEN target.display_name || ' (' || target.username || ')' END AS entity_name
       FROM audit_log a
       LEFT JOIN app_user actor ON actor.id = a.actor_user_id
       LEFT JOIN app_user target ON a.entity = 'user' AND a.entity_id = target.id::text
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.id DESC LIMIT $${params.length}`,
    params,
  );
}
