/**
 * Who may do what with the budget. One place; services call it, responses carry the result
 * (`can`) so the web copies no role list.
 * - program owner (and administrator): rulebooks, allocation runs, execution lines, support ratios;
 * - province officer: reports execution (disbursement) of the provinces it covers;
 * - steering committee, ministries: read;
 * - the public: nothing for now (aggregates may be published later).
 */
import { hasRole, isCentral, type Actor } from '../access/actor';
import type { UnitAccess } from '../access/unit-access';
import type { Permissions } from './contracts';

export type BudgetAction = 'read' | 'manageRulebooks' | 'runAllocations' | 'planExecution' | 'reportExecution';

export function can(actor: Actor | null, action: BudgetAction, unit?: { unitId: string; access: UnitAccess }): boolean {
  if (!actor) return false;
  switch (action) {
    case 'read':
      return hasRole(actor, 'admin', 'program_owner', 'steering_member', 'ministry_lead', 'province_officer');
    case 'manageRulebooks':
    case 'runAllocations':
    case 'planExecution':
      return isCentral(actor);
    case 'reportExecution':
      if (isCentral(actor)) return true;
      if (!hasRole(actor, 'province_officer')) return false;
      return unit ? unit.access.covers(unit.unitId) : true;
  }
}

export function permissions(actor: Actor | null): Permissions {
  return {
    manageRulebooks: can(actor, 'manageRulebooks'),
    runAllocations: can(actor, 'runAllocations'),
    planExecution: can(actor, 'planExecution'),
    reportExecution: can(actor, 'reportExecution'),
  };
}
