import type { Unit } from '../units/api';

/**
 * Communes per province code: through `provinceId` when the API gives it, otherwise by walking
 * up the parents (commune → district → province before 1 July 2025, commune → province after).
 */
export function communesPerProvince(provinces: Unit[], districts: Unit[], communes: Unit[]): Map<string, number> {
  const byId = new Map([...provinces, ...districts].map((u) => [u.id, u]));
  const counts = new Map<string, number>(provinces.map((p) => [p.code, 0]));
  for (const c of communes) {
    let up = byId.get(c.provinceId ?? c.parentId ?? '');
    while (up && up.level !== 'province') up = byId.get(up.parentId ?? '');
    if (up) counts.set(up.code, (counts.get(up.code) ?? 0) + 1);
  }
  return counts;
}
