/**
 * Names of the units and agencies that grants point to, for screens that would otherwise show an
 * internal id (a unit version id such as C:00004:2025-07-01, an agency code).
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Unit } from './api';

/** Unit id → full name ("Phường Ba Đình, Thành phố Hà Nội"); an id still loading is absent. */
export function useUnitNames(ids: (string | null | undefined)[]): Map<string, string> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))].slice(0, 200);
  return useQueries({
    queries: unique.map((id) => ({
      queryKey: ['unit', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api<Unit>(`/api/units/${encodeURIComponent(id)}`, { signal }),
      staleTime: 30 * 60_000,
    })),
    combine: (results) => new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data.fullName] as const] : []))),
  });
}

/** Agency id → name, fetched only when some agency is to be named. */
export function useAgencyNames(enabled: boolean): Map<string, string> | undefined {
  return useQuery({
    queryKey: ['agencies', 'all-today'],
    queryFn: ({ signal }) =>
      api<{ items: { id: string; name: string }[] }>('/api/agencies', { signal }).then(
        (r) => new Map(r.items.map((a) => [a.id, a.name])),
      ),
    enabled,
    staleTime: 30 * 60_000,
  }).data;
}
