import { z } from 'zod';
import type { Db } from '../../db/client';
import { audit, type AuditActor } from './audit';
import * as repo from './repo';
import { isoDate } from '../../validate';

export const AuditQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    entity: z.string().optional(),
    entityId: z.string().optional(),
    actor: z.string().optional(),
    action: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(10_000).default(200),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'Ngày kết thúc không được trước ngày bắt đầu.',
  });
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
  /** Name of the account that acted, when it still exists. */
  actorDisplayName: string | null;
  /** For an account (entity 'user'): its name and user name, instead of a number. */
  entityName: string | null;
}

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
