/**
 * Who may act in a commune's periodic review: the one table of the area. The service refuses with it
 * and sends its answer with the commune (`can`), so the screens copy no role list.
 *
 * The chain follows QĐ 24/2021/QĐ-TTg, Điều 7 khoản 1–3 and Điều 9 khoản 1 điểm c (see CHAIN_INFO):
 * the commune reports up, the district (until 30/06/2025) and the province receive and aggregate, the
 * ministry announces. Which system role acts for which level is the system's choice: no district role
 * exists, so a province officer acts for the district of pre-2025 periods.
 */
import type { Role } from '../roles';
import type { ReportLevel } from './review';

/**
 * Roles that work on communes' reviews: the commune pages of the API (their routes' access) and the commune
 * section of the poverty screen.
 */
export const COMMUNE_WORKERS: Role[] = ['admin', 'program_owner', 'province_officer', 'commune_officer'];

/** Roles that read the area's figures (the summary, the reviews' progress, the published results): every role. */
export const READERS: readonly Role[] = [
  'admin',
  'program_owner',
  'ministry_lead',
  'steering_member',
  'province_officer',
  'commune_officer',
];

/**
 * What a signed-in user may open in the area, from the same lists the routes check (the routes still check the
 * communes of every request): `read` the figures (the poverty page, the map's poverty rate), `communeWork` the
 * commune section (reviews, households, applications).
 */
export function povertyPermissions(roles: readonly Role[]): { read: boolean; communeWork: boolean } {
  return {
    read: roles.some((r) => READERS.includes(r)),
    communeWork: roles.some((r) => COMMUNE_WORKERS.includes(r)),
  };
}

/** Roles that act for each level (besides the central roles, which act for every level). */
export const LEVEL_ROLES: Record<ReportLevel, readonly Role[] | 'central'> = {
  commune: ['commune_officer'],
  district: ['province_officer'],
  province: ['province_officer'],
  central: 'central',
};

/** Roles that record the steps of the review (QĐ 24/2021, Điều 4: the commune organises the review). */
export const STEP_ROLES: readonly Role[] = ['commune_officer'];

/** What the policy needs to know of the caller, facing one commune. */
export interface ReviewActor {
  /** The local operator (CLI): full rights. */
  system: boolean;
  /** admin or program_owner: every unit. */
  central: boolean;
  roles: readonly Role[];
  /** One of the caller's unit grants covers the commune. */
  coversCommune: boolean;
}

export type ReviewAction = { kind: 'record_step' } | { kind: 'approve' | 'return'; level: ReportLevel };

/** Why an action is refused: the service words the error from it. */
export type ReviewRefusal = 'central_only' | 'role' | 'scope';

export function reviewRefusal(actor: ReviewActor, action: ReviewAction): ReviewRefusal | null {
  if (actor.system || actor.central) return null;
  const roles = action.kind === 'record_step' ? STEP_ROLES : LEVEL_ROLES[action.level];
  if (roles === 'central') return 'central_only';
  if (!actor.roles.some((r) => roles.includes(r))) return 'role';
  return actor.coversCommune ? null : 'scope';
}

export const canReview = (actor: ReviewActor, action: ReviewAction): boolean => reviewRefusal(actor, action) === null;

/** The caller's permissions on one commune's review, as responses carry them. */
export interface ReviewCan {
  recordStep: boolean;
  approve: Record<ReportLevel, boolean>;
}

export function reviewCan(actor: ReviewActor): ReviewCan {
  const level = (l: ReportLevel) => canReview(actor, { kind: 'approve', level: l });
  return {
    recordStep: canReview(actor, { kind: 'record_step' }),
    approve: {
      commune: level('commune'),
      district: level('district'),
      province: level('province'),
      central: level('central'),
    },
  };
}
