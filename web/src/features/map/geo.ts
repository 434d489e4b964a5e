/** Province boundaries on a date (GET /api/geo/provinces?at=…, TopoJSON object `provinces`) as GeoJSON. */
import { queryOptions } from '@tanstack/react-query';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { api, query } from '../../app/api';
import { texts } from '../../app/app-texts';

export interface ProvinceProps {
  code: string;
  name: string;
  full_name: string;
  name_en?: string;
}

export type Provinces = FeatureCollection<Geometry, ProvinceProps>;

export const provincesGeoQuery = (at: string) =>
  queryOptions({
    queryKey: ['geo', 'provinces', at],
    queryFn: async ({ signal }) => {
      const topo = await api<Topology>(`/api/geo/provinces${query({ at })}`, { signal });
      return feature(topo, topo.objects.provinces) as unknown as Provinces;
    },
    staleTime: Infinity,
  });

/** The archipelagos a map must show (rough boxes around them, lon/lat). */
export const ARCHIPELAGOS = [
  {
    id: 'hoang-sa',
    label: { vi: texts.vi.mapIndicators.hoangSa, en: texts.en.mapIndicators.hoangSa },
    box: [111, 15.5, 113, 17.3],
    at: [112.1, 16.95],
  },
  {
    id: 'truong-sa',
    label: { vi: texts.vi.mapIndicators.truongSa, en: texts.en.mapIndicators.truongSa },
    box: [111, 6, 118, 12],
    at: [114.8, 9.9],
  },
] as const;

function* positions(g: Geometry): Generator<Position> {
  switch (g.type) {
    case 'Polygon':
      for (const ring of g.coordinates) yield* ring;
      break;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const ring of poly) yield* ring;
      break;
    case 'GeometryCollection':
      for (const child of g.geometries) yield* positions(child);
      break;
    default:
      break;
  }
}

/** Which archipelagos have land in the boundaries, and the province each belongs to. */
export function archipelagosIn(fc: Provinces): { id: string; provinceCode: string }[] {
  const found: { id: string; provinceCode: string }[] = [];
  for (const a of ARCHIPELAGOS) {
    const [x0, y0, x1, y1] = a.box;
    const f = fc.features.find((ft) => {
      for (const [x, y] of positions(ft.geometry)) if (x >= x0 && x <= x1 && y >= y0 && y <= y1) return true;
      return false;
    });
    if (f) found.push({ id: a.id, provinceCode: f.properties.code });
  }
  return found;
}
