import type { LineageKind, Relation } from './types';

/** A lineage link as the walk sees it. */
export interface LineageEdge {
  fromId: string;
  toId: string;
  relation: Relation;
  resolved: boolean;
  kind: LineageKind;
}

export interface Successor {
  unitId: string;
  /** full: the whole old unit is inside this one (every step full); partial: only part of it. */
  relation: Relation;
  /** false: every path to this unit crosses an unresolved (SUSPECT) link: not usable for roll-ups. */
  resolved: boolean;
  /** The unit ids from the start to this successor, both included. */
  path: string[];
}

/**
 * What a unit version became, following lineage transitively (admin-units.md §9 rule 2):
 * the first units on each path that satisfy `isTarget` (default: units with no further lineage).
 * A successor reached by several paths keeps the best one: resolved before unresolved, then full
 * before partial. Partial relations stay partial: an aggregate cannot be split exactly (rule 3).
 */
export function successorsOf(
  startId: string,
  edges: LineageEdge[],
  isTarget?: (unitId: string) => boolean,
): Successor[] {
  const out = new Map<string, LineageEdge[]>();
  for (const e of edges) out.set(e.fromId, [...(out.get(e.fromId) ?? []), e]);
  const target = isTarget ?? ((id: string) => !out.has(id));
  const best = new Map<string, Successor>();
  const rank = (s: Successor) => (s.resolved ? 2 : 0) + (s.relation === 'full' ? 1 : 0);
  const walk = (id: string, path: string[], relation: Relation, resolved: boolean) => {
    if (path.length > 1 && target(id)) {
      const s: Successor = { unitId: id, relation, resolved, path };
      const prev = best.get(id);
      if (!prev || rank(s) > rank(prev)) best.set(id, s);
      return;
    }
    for (const e of out.get(id) ?? []) {
      if (path.includes(e.toId)) continue; // no cycles in the data, but never loop
      walk(e.toId, [...path, e.toId], e.relation === 'partial' ? 'partial' : relation, resolved && e.resolved);
    }
  };
  walk(startId, [startId], 'full', true);
  return [...best.values()];
}

/** The level a code belongs to, by its length (province 2 digits, district 3, commune 5). */
export function levelOfCode(code: string): 'province' | 'district' | 'commune' | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return ({ 2: 'province', 3: 'district', 5: 'commune' } as const)[code.length as 2 | 3 | 5];
}
