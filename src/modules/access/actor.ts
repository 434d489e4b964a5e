import { forbidden, unauthorized } from '../../errors';

/** Roles of the program (vai trò). A grant gives a role on an agency and/or a unit. */
export const ROLES = [
  'admin', //            quản trị hệ thống
  'program_owner', //    cơ quan chủ quản chương trình (central)
  'ministry_lead', //    bộ, ngành chủ trì dự án / tiểu dự án (scoped to its agency)
  'steering_member', //  thành viên Ban Chỉ đạo: reads everything non-personal, comments
  'province_officer', // cán bộ cấp tỉnh (scoped to a province)
  'commune_officer', //  cán bộ cấp xã (scoped to a commune)
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS_VI: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  program_owner: 'Cơ quan chủ quản chương trình',
  ministry_lead: 'Bộ, ngành chủ trì dự án',
  steering_member: 'Thành viên Ban Chỉ đạo',
  province_officer: 'Cán bộ cấp tỉnh',
  commune_officer: 'Cán bộ cấp xã',
};

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
