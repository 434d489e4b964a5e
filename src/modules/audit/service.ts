import { z } from 'zod';
import type { Db } from '../../db/client';
import { audit, type AuditActor } from './audit';
import { isoDate } from '../../validate';

export const AuditQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  entity: z.string().optional(),
  entityId: z.string().optional(),
  actor: z.string().optional(),
  action: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'Ngày kết thúc không được trước ngày bắt đầu.' });
export type AuditQuery = z.infer<typeof AuditQuery>;

export interface AuditRow {
  id: number;
  at: string;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  unitId: string | null;
  agencyId: string | null;
  before: unknown;
  after: unknown;
}

/** Newest first. `to` is inclusive (the whole day, Vietnam time). */
export async function listAudit(db: Db, q: AuditQuery): Promise<AuditRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.from) add(`at >= (?::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`, q.from);
  if (q.to) add(`at < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`, q.to);
  if (q.entity) add('entity = ?', q.entity);
  if (q.entityId) add('entity_id = ?', q.entityId);
  if (q.actor) add('actor_name = ?', q.actor);
  if (q.action) add('action LIKE ?', `${q.action}%`);
  params.push(q.limit);
  const rows = await db.query<{
    id: number; at: Date; actor_name: string; action: string; entity: string; entity_id: string | null;
    unit_id: string | null; agency_id: string | null; before: unknown; after: unknown;
  }>(
    `SELECT id, at, actor_name, action, entity, entity_id, unit_id, agency_id, before, after
       FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    unitId: r.unit_id,
    agencyId: r.agency_id,
    before: r.before,
    after: r.after,
  }));
}

/** The rows of an export of the trail; the export itself is recorded, since the trail names people. */
export async function exportAudit(db: Db, actor: AuditActor, q: AuditQuery): Promise<AuditRow[]> {
  const rows = await listAudit(db, q);
  await db.tx((tx) => audit(tx, actor, { action: 'audit.log.export', entity: 'audit_log', after: { filter: q, rows: rows.length } }));
  return rows;
}
