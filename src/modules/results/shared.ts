/** Helpers shared by the results services: who is calling, audit identity, scope. */
import type { Db } from '../../db/client';
import { forbidden } from '../../errors';
import { unitAccess } from '../access/unit-access';
import { systemActor, type AuditActor } from '../audit/audit';
import { can, type Caller, type ResultsAction, type ResultsResource } from './policy';

export type { Caller };

export const isSystem = (c: Caller): c is { system: string } => 'system' in c;
export const auditActorOf = (c: Caller): AuditActor =>
  isSystem(c) ? systemActor(c.system) : { userId: c.userId, username: c.username };
export const nameOf = (c: Caller) => (isSystem(c) ? c.system : c.username);

/** Whether the caller's unit grants cover a unit (through the units' lineage). */
export async function covers(db: Db, caller: Caller, unitId: string): Promise<boolean> {
  if (isSystem(caller)) return true;
  return (await unitAccess(db, caller)).covers(unitId);
}

export function assertCan(caller: Caller, action: ResultsAction, r: ResultsResource = {}, message?: string): void {
  if (!can(caller, action, r)) throw forbidden(message);
}
