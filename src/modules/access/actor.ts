import { forbidden, unauthorized } from '../../errors';

import type { Role } from '../../domain/roles';

export { ROLES, ROLE_LABELS_VI, type Role } from '../../domain/roles';

export interface Grant {
  role: Role;
  agencyId: string | null;
  unitId: string | null;
}

/** Who is acting. `null` everywhere means the anonymous public. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  grants: Grant[];
  /** The password was generated or reset: until it is changed, only the password change is allowed. */
  mustChangePassword?: boolean;
}

export function hasRole(actor: Actor | null, ...roles: Role[]): boolean {
  return !!actor && actor.grants.some((g) => roles.includes(g.role));
}

/** Central roles see every unit, including personal data. */
export function isCentral(actor: Actor | null): boolean {
  return hasRole(actor, 'admin', 'program_owner');
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthorized();
  return actor;
}

export function assertRole(actor: Actor | null, ...roles: Role[]): Actor {
  const a = requireActor(actor);
  if (!hasRole(a, ...roles)) throw forbidden();
  return a;
}

/** Agencies the actor may act for (ministry_lead grants, and agency-bound local grants). */
export function actingAgencyIds(actor: Actor | null): string[] {
  return actor ? [...new Set(actor.grants.map((g) => g.agencyId).filter((x): x is string => !!x))] : [];
}
