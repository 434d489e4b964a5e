import type { Db } from '../../db/client';
import { coveredUnitIds } from '../units/repo';
import { isCentral, type Actor } from './actor';

/**
 * Which administrative units an actor may see at personal-data level and act on.
 * A unit grant covers the unit's descendants on any date and, across the 2025 reform,
 * the old units that roll up into it (through resolved lineage).
 */
export interface UnitAccess {
  /** null = every unit. */
  unitIds: ReadonlySet<string> | null;
  covers(unitId: string): boolean;
}

export const ALL_UNITS: UnitAccess = { unitIds: null, covers: () => true };
export const NO_UNITS: UnitAccess = { unitIds: new Set(), covers: () => false };

export async function unitAccess(db: Db, actor: Actor | null): Promise<UnitAccess> {
  if (!actor) return NO_UNITS;
  if (isCentral(actor)) return ALL_UNITS;
  const roots = actor.grants
    .filter((g) => (g.role === 'province_officer' || g.role === 'commune_officer') && g.unitId)
    .map((g) => g.unitId as string);
  if (roots.length === 0) return NO_UNITS;
  const ids = new Set(await coveredUnitIds(db, roots));
  return { unitIds: ids, covers: (id) => ids.has(id) };
}
