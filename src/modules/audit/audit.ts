import type { Db } from '../../db/client';
import { insertAuditRow, insertAuditRows, type AuditRow } from './repo';

export interface AuditEntry {
  /** '<area>.<entity>.<verb>', e.g. 'users.user.create', 'poverty.household.export'. */
  action: string;
  entity: string;
  entityId?: string | number | null;
  unitId?: string | null;
  agencyId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string;
}

/** Who made a change: a signed-in user, or the system (CLI, first start). */
export interface AuditActor {
  userId: number | null;
  username: string;
}

export const systemActor = (name = 'hệ thống'): AuditActor => ({ userId: null, username: name });

/** Secrets never reach the audit trail. */
const SECRET_KEYS = new Set(['password', 'passwordHash', 'password_hash', 'token']);
function redact(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (k, v) => (SECRET_KEYS.has(k) ? '[ẩn]' : v)));
}

/** Writes one audit row. Call it with the transaction handle of the change it records. */
export async function audit(tx: Db, actor: AuditActor | null, e: AuditEntry): Promise<void> {
  await insertAuditRow(tx, auditRow(actor, e));
}

/**
 * Writes several audit rows of one change in one statement, in order. Called last in its transaction, it
 * holds the audit chain's lock (which serialises every writer of the trail) only until the commit.
 */
export async function auditMany(tx: Db, actor: AuditActor | null, entries: AuditEntry[]): Promise<void> {
  await insertAuditRows(
    tx,
    entries.map((e) => auditRow(actor, e)),
  );
}

function auditRow(actor: AuditActor | null, e: AuditEntry): AuditRow {
  const by = actor ?? systemActor();
  return {
    actorUserId: by.userId,
    actorName: by.username,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId == null ? null : String(e.entityId),
    unitId: e.unitId ?? null,
    agencyId: e.agencyId ?? null,
    before: e.before === undefined ? null : JSON.stringify(redact(e.before)),
    after: e.after === undefined ? null : JSON.stringify(redact(e.after)),
    requestId: e.requestId ?? null,
  };
}
