import { buildUnitSet, type UnitSet, type UnitVersion } from '../../src/domain/units';
import { readUnitFiles } from '../../src/modules/units/load';

let cached: UnitSet | undefined;
/** The unit set built from reference/admin (built once per test file). */
export function unitSet(): UnitSet {
  return (cached ??= buildUnitSet(readUnitFiles()));
}

export const validOnDate = (u: UnitVersion, d: string) => u.validFrom <= d && (u.validTo === null || d < u.validTo);

export function count(set: UnitSet, level: UnitVersion['level'], d: string, type?: string): number {
  return set.units.filter((u) => u.level === level && validOnDate(u, d) && (!type || u.unitType === type)).length;
}

export function versionOn(set: UnitSet, level: UnitVersion['level'], code: string, d: string): UnitVersion | undefined {
  return set.units.find((u) => u.level === level && u.code === code && validOnDate(u, d));
}
