import { z } from 'zod';
import type { Db } from '../../db/client';
import { audit, type AuditActor } from './audit';
import * as repo from './repo';
import { isoDate } from '../../validate';
import { PAGE_DEFAULT, PAGE_MAX, type AuditPage, type AuditRow } from './contracts';

const AuditFilter = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  entity: z.string().optional(),
  entityId: z.string().optional(),
  actor: z.string().optional(),
  action: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
});
const datesInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const datesMessage = { path: ['to'], message: 'Ngày kết thúc không được trước ngày bắt đầu.' };
export const AuditQuery = AuditFilter.refine(datesInOrder, datesMessage);
export type AuditQuery = z.infer<typeof AuditQuery> & { before?: number };

/**
 * One page of the trail on screen: newest first, `cursor` is the `nextCursor` of the previous page
 * (the trail only grows: one answer with all of it would grow without bound).
 */
export const AuditPageQuery = AuditFilter.extend({
  limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(PAGE_DEFAULT),
  cursor: z.coerce.number({ message: 'Con trỏ trang không hợp lệ.' }).int().positive().optional(),
}).refine(datesInOrder, datesMessage);
export type AuditPageQuery = z.infer<typeof AuditPageQuery>;

export async function listAuditPage(db: Db, q: AuditPageQuery): Promise<AuditPage> {
  const rows = await listAudit(db, { ...q, limit: q.limit + 1, before: q.cursor });
  const items = rows.slice(0, q.limit);
  return { items, nextCursor: rows.length > q.limit ? String(items[items.length - 1].id) : null };
}

export type { AuditRow };

/** Newest first. `to` is inclusive (the whole day, Vietnam time). */
export async function listAudit(db: Db, q: AuditQuery): Promise<AuditRow[]> {
  return (await repo.listAuditRows(db, q)).map((r) => ({
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
    actorDisplayName: r.actor_display_name,
    entityName: r.entity_name,
  }));
}

/** The rows of an export of the trail; the export itself is recorded, since the trail names people. */
export async function exportAudit(db: Db, actor: AuditActor, q: AuditQuery): Promise<AuditRow[]> {
  const rows = await listAudit(db, q);
  await db.tx((tx) =>
    audit(tx, actor, { action: 'audit.log.export', entity: 'audit_log', after: { filter: q, rows: rows.length } }),
  );
  return rows;
}
