/**
 * Who may read the audit trail: the system administrator only (README "Access and audit": the trail
 * names people; reading and exporting it is itself recorded).
 */
import { hasRole, type Actor, type Role } from '../access/actor';

export type AuditAction = 'read' | 'export';

export const AUDIT_ROLES = { read: ['admin'], export: ['admin'] } as const satisfies Record<
  AuditAction,
  readonly Role[]
>;

export const can = (actor: Actor | null, action: AuditAction): boolean => hasRole(actor, ...AUDIT_ROLES[action]);
