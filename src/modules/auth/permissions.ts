/**
 * The signed-in user's permissions, from each area's policy, sent with GET /api/auth/me: the web shows a
 * page, a menu entry or a form from these answers and copies no role list (the server still checks
 * every request).
 */
import { povertyPermissions } from '../../domain/poverty/policy';
import type { Actor } from '../access/actor';
import { can as auditCan } from '../audit/policy';
import { can as budgetCan } from '../budget/policy';
import { can as fieldCan } from '../field/policy';
import { permissions as planPermissions } from '../plan/policy';
import { can as resultsCan } from '../results/policy';
import { can as unitsCan } from '../units/policy';
import { can as usersCan } from '../users/policy';

export function permissionsOf(actor: Actor | null) {
  return {
    plan: planPermissions(actor),
    audit: { read: auditCan(actor, 'read') },
    units: { reviewLineage: unitsCan(actor, 'lineage.review') },
    users: { list: usersCan(actor, 'list') },
    budget: { read: budgetCan(actor, 'read') },
    poverty: povertyPermissions(actor?.grants.map((g) => g.role) ?? []),
    // the communes the grants cover are checked per request; the page is for whoever may survey some
    field: {
      survey: fieldCan(actor, 'survey.submit', { covers: true }),
      read: fieldCan(actor, 'survey.read', { covers: true }),
    },
    results: {
      overview: resultsCan(actor, 'overview.read'),
      // a province officer enters the targets of the provinces their grants cover (checked per request)
      enterTargets: resultsCan(actor, 'target.enter', { covers: true }),
    },
  };
}

export type Permissions = ReturnType<typeof permissionsOf>;
