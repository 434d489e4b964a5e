/**
 * Who may do what with the administrative units: everyone reads them (public reference data); only the
 * system administrator reviews the lineage links not yet verified (they are never used to add up).
 */
import { hasRole, type Actor, type Role } from '../access/actor';

export type UnitsAction = 'lineage.review';

export const UNITS_ROLES = { 'lineage.review': ['admin'] } as const satisfies Record<UnitsAction, readonly Role[]>;

export const can = (actor: Actor | null, action: UnitsAction): boolean => hasRole(actor, ...UNITS_ROLES[action]);
