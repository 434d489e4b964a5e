/** The units API (GET /api/units) as seen by the screens. */
import { queryOptions } from '@tanstack/react-query';
import type { UnitLevel } from '../../../../src/domain/units/types';
import { api, query } from '../../app/api';
import { compareVi, foldVietnamese } from '../../app/format';

export { DATA_LOWER_BOUND, REFORM_DATE } from '../../../../src/domain/units/dates';
export type { UnitLevel };

export interface Unit {
  id: string;
  code: string;
  name: string;
  fullName: string;
  level: UnitLevel;
  unitType: string;
  parentId: string | null;
  parentCode: string | null;
  /** The province version the unit belongs to, when the API gives it. */
  provinceId?: string;
  validFrom: string;
  validTo: string | null;
}

export interface UnitsParams {
  level: UnitLevel;
  at: string;
  parent?: string;
  q?: string;
}

export const unitsQuery = (p: UnitsParams) =>
  queryOptions({
    queryKey: ['units', p.level, p.at, p.parent ?? null, p.q ?? null],
    queryFn: ({ signal }) =>
      api<{ items: Unit[] }>(`/api/units${query({ level: p.level, at: p.at, parent: p.parent, q: p.q })}`, {
        signal,
      }).then((r) => r.items),
    staleTime: 30 * 60_000,
  });

/** Levels in force on a date: no district level from 1 July 2025. */
export function levelsOn(at: string, reformDate: string): UnitLevel[] {
  return at < reformDate ? ['province', 'district', 'commune'] : ['province', 'commune'];
}

/** The text a unit is found by: full name, short name and code, without diacritics. */
export function searchKey(u: Unit): string {
  return foldVietnamese(`${u.fullName} ${u.name} ${u.code}`);
}

/** Does a folded key contain every word of the (unfolded) query? "thanh hoa" finds "Thanh Hóa". */
export function matchesQuery(key: string, q: string): boolean {
  const words = foldVietnamese(q).split(' ').filter(Boolean);
  return words.every((w) => key.includes(w));
}

/**
 * Units matching a typed text, best first: names starting with the text, then Vietnamese
 * alphabetical order (then code, for homonyms such as the many "Xã Tân Phú").
 */
export function rankUnits(units: { unit: Unit; key: string }[], q: string): Unit[] {
  const folded = foldVietnamese(q);
  const hits = folded ? units.filter((u) => matchesQuery(u.key, folded)) : units;
  const starts = (u: Unit) => (foldVietnamese(u.name).startsWith(folded) ? 0 : 1);
  return hits
    .map((h) => h.unit)
    .sort((a, b) => starts(a) - starts(b) || compareVi(a.name, b.name) || a.code.localeCompare(b.code));
}
