/**
 * Who may do what with the plans, their tasks, committees and supervision: one pure function. The routes
 * declare the role sets below, the services ask `can` for the scope within the role, and the web receives
 * the answers as `can: {…}` (GET /api/auth/me) instead of copying role lists.
 *
 * The split follows the plan (QĐ 1705/QĐ-TTg, source qd-1705-2021 in reference/legal/plan.csv, read in its
 * published summary): "Xác định nội dung công việc phải gắn với trách nhiệm và phát huy vai trò chủ động, tích
 * cực của cơ quan chủ quản Chương trình, các cơ quan chủ trì dự án, tiểu dự án thuộc Chương trình là các bộ, cơ
 * quan Trung ương và cơ quan thực hiện Chương trình ở địa phương là UBND các tỉnh". So the program owner
 * tracks every task; ministries and provinces report on their own assignments and manage the plans they
 * issue; steering committees follow and comment. The roles are those of README "Access and audit".
 */
import { hasRole, type Actor, type Role } from '../access/actor';

export type PlanAction =
  | 'read' // plans, tasks, committees, supervision (non-personal)
  | 'task.create' // add a task to a plan (the plan's owner; see 'plan.manage')
  | 'plan.manage' // manage a plan's tasks: resource = the plan's issuer and fan-out, the actor's agencies
  | 'assignment.update' // report on an assignment: resource = the assignment's agency, the actor's agencies
  | 'submission.record' // the lead agency's submission date
  | 'comment'
  | 'committee.record' // meetings and supervision of a steering committee (scope checked by the service)
  | 'national.manage' // the program owner's own actions (hand-overs, fan-out to every province or ministry)
  | 'recommendation.respond' // a supervision recommendation's follow-up
  | 'digest.run'
  | 'my_agency.open'; // the "my agency" page

/** The role of each action, as the routes declare it (scope inside the role is the resource's). */
export const PLAN_ROLES = {
  read: ['admin', 'program_owner', 'ministry_lead', 'steering_member', 'province_officer', 'commune_officer'],
  'task.create': ['admin', 'program_owner', 'ministry_lead', 'province_officer'],
  'plan.manage': ['admin', 'program_owner', 'ministry_lead', 'province_officer'],
  'assignment.update': ['admin', 'program_owner', 'ministry_lead', 'province_officer'],
  'submission.record': ['admin', 'program_owner', 'ministry_lead'],
  comment: ['admin', 'program_owner', 'ministry_lead', 'steering_member', 'province_officer'],
  'committee.record': ['admin', 'program_owner', 'province_officer', 'commune_officer'],
  'national.manage': ['admin', 'program_owner'],
  'recommendation.respond': ['admin', 'program_owner', 'ministry_lead', 'province_officer'],
  'digest.run': ['admin'],
  'my_agency.open': ['admin', 'program_owner', 'ministry_lead', 'province_officer', 'steering_member'],
} as const satisfies Record<PlanAction, readonly Role[]>;

export interface PlanResource {
  /** the agencies the actor acts for (its ministry grants, the People's Committees of its provinces) */
  actingAgencies?: readonly string[];
  /** 'plan.manage': the plan's issuing agency and the task's fan-out */
  issuerAgencyId?: string | null;
  fanOut?: string;
  /** 'assignment.update': the assignment's agency */
  agencyId?: string;
}

/** Why `can` said no, in Vietnamese, for the services' 403 (null: allowed). */
export function refusal(actor: Actor | null, action: PlanAction, r: PlanResource = {}): string | null {
  // the program owner (and the administrator) act on every plan and assignment
  if (hasRole(actor, 'admin', 'program_owner') && PLAN_ROLES[action].some((x) => x === 'program_owner')) return null;
  const mine = (id: string | null | undefined) => !!id && (r.actingAgencies ?? []).includes(id);
  switch (action) {
    case 'plan.manage':
      if (r.fanOut && r.fanOut !== 'none')
        return 'Giao việc cho tất cả các tỉnh / bộ: chỉ cơ quan thường trực Chương trình.';
      return mine(r.issuerAgencyId) ? null : 'Bạn chỉ quản lý nhiệm vụ trong kế hoạch do cơ quan mình ban hành.';
    case 'assignment.update':
      return hasRole(actor, 'ministry_lead', 'province_officer') && mine(r.agencyId)
        ? null
        : 'Bạn chỉ được cập nhật phân công của cơ quan mình.';
    default:
      return hasRole(actor, ...PLAN_ROLES[action]) ? null : 'Bạn không có quyền thực hiện thao tác này.';
  }
}

export function can(actor: Actor | null, action: PlanAction, r: PlanResource = {}): boolean {
  return refusal(actor, action, r) === null;
}

/** The answers the web needs to decide what to show (no resource: "may do it somewhere"). */
export function permissions(actor: Actor | null) {
  return {
    createTask: can(actor, 'task.create'),
    national: can(actor, 'national.manage'),
    comment: can(actor, 'comment'),
    recordCommittee: can(actor, 'committee.record'),
    updateAssignment: hasRole(actor, ...PLAN_ROLES['assignment.update']),
    respondRecommendation: can(actor, 'recommendation.respond'),
    openMyAgency: can(actor, 'my_agency.open'),
  };
}
