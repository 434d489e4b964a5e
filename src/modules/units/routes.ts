import { formatDateVi, todayInVietnam } from '../../domain/text';
import { REFORM_DATE } from '../../domain/units';
import { AppError } from '../../errors';
import type { Router } from '../../server/route-registry';
import type { AppDeps } from '../../server/types';
import { communeLayer, provinceLayer } from './geo';
import { listRegions } from './repo';
import {
  RegionsList,
  UnitChildren,
  UnitDetail,
  UnitMatch,
  UnitsList,
  UnitSuccession,
  UnresolvedLineage,
} from './contracts';
import { AtQuery, GeoQuery, MatchQuery, RegionsQuery, UnitParams, UnitsQuery } from './schemas';
import { UNITS_ROLES } from './policy';
import {
  checkDateInRange,
  findUnits,
  listUnresolvedLineage,
  matchUnitsByName,
  unitChildren,
  unitDetail,
  unitSuccessors,
} from './service';

/** Administrative units over time: public reference data (the unresolved lineage list is for administrators). */
export function registerUnitsRoutes(r: Router, deps: AppDeps) {
  const db = deps.db;
  const tags = ['units'];
  const example = { id: 'P:01:2025-07-01' };

  r.get(
    '/api/units',
    {
      summary: 'Đơn vị hành chính có hiệu lực vào một ngày (lọc theo cấp, đơn vị cấp trên, tên không dấu)',
      access: 'public',
      tags,
      query: UnitsQuery,
      reference: true,
      response: UnitsList,
    },
    async ({ query }) => {
      const at = query.at ?? todayInVietnam();
      return { at, items: await findUnits(db, { ...query, at }) };
    },
  );

  // Declared before /api/units/:id so that "lineage" and "match" are not read as ids.
  r.get(
    '/api/units/lineage/unresolved',
    {
      summary: 'Quan hệ kế thừa chưa được xác minh (SUSPECT), không dùng để cộng dồn',
      access: UNITS_ROLES['lineage.review'],
      tags,
      reference: true,
      response: UnresolvedLineage,
    },
    async () => {
      const items = await listUnresolvedLineage(db);
      return { count: items.length, items };
    },
  );

  r.get(
    '/api/units/match',
    {
      summary:
        'Tìm đơn vị theo tên viết trong văn bản ("TX Nghi Sơn", "Hoà Bình"), trong một đơn vị cấp trên, vào một ngày',
      access: 'public',
      tags,
      query: MatchQuery,
      reference: true,
      response: UnitMatch,
    },
    ({ query }) => matchUnitsByName(db, query),
  );

  r.get(
    '/api/units/:id',
    {
      summary: 'Một phiên bản đơn vị hành chính (mã phiên bản, hoặc mã đơn vị đọc theo ngày at)',
      access: 'public',
      tags,
      params: UnitParams,
      query: AtQuery,
      example,
      reference: true,
      response: UnitDetail,
    },
    ({ params, query }) => unitDetail(db, params.id, query.at),
  );

  r.get(
    '/api/units/:id/children',
    {
      summary: 'Các đơn vị trực thuộc vào một ngày',
      access: 'public',
      tags,
      params: UnitParams,
      query: AtQuery,
      example,
      reference: true,
      response: UnitChildren,
    },
    ({ params, query }) => unitChildren(db, params.id, query.at),
  );

  r.get(
    '/api/units/:id/successors',
    {
      summary: 'Đơn vị kế thừa (đơn vị cũ đã trở thành gì; cộng dồn lên tỉnh mới nào)',
      access: 'public',
      tags,
      params: UnitParams,
      query: AtQuery,
      example,
      reference: true,
      response: UnitSuccession,
    },
    ({ params, query }) => unitSuccessors(db, params.id, query.at),
  );

  r.get(
    '/api/regions',
    {
      summary:
        'Vùng (6 vùng thống kê — suy ra, chưa xác minh — hoặc 8 vùng của danh mục) và các tỉnh thuộc vùng vào một ngày',
      access: 'public',
      tags,
      query: RegionsQuery,
      reference: true,
      response: RegionsList,
    },
    async ({ query }) => {
      const at = query.at ?? todayInVietnam();
      checkDateInRange(at);
      return { at, scheme: query.scheme, items: await listRegions(db, query.scheme, at) };
    },
  );

  r.get(
    '/api/geo/provinces',
    {
      summary: 'Ranh giới tỉnh (TopoJSON, đối tượng provinces): 34 tỉnh từ 01/07/2025, 63 tỉnh trước đó',
      access: 'public',
      tags,
      query: GeoQuery,
      file: 'application/json',
    },
    ({ c, query }) => {
      const at = query.at ?? todayInVietnam();
      checkDateInRange(at);
      c.header('Content-Type', 'application/json; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(provinceLayer(at));
    },
  );

  r.get(
    '/api/geo/communes',
    {
      summary: 'Ranh giới 3.321 xã, phường, đặc khu từ 01/07/2025 (TopoJSON, đối tượng communes)',
      access: 'public',
      tags,
      query: GeoQuery,
      file: 'application/json',
    },
    ({ c, query }) => {
      const at = query.at ?? todayInVietnam();
      checkDateInRange(at);
      if (at < REFORM_DATE) {
        throw new AppError(
          400,
          'no_boundaries',
          `Chưa có ranh giới cấp xã cho ngày ${formatDateVi(at)}; chỉ có ranh giới các xã từ ${formatDateVi(REFORM_DATE)}.`,
        );
      }
      c.header('Content-Type', 'application/json; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(communeLayer());
    },
  );
}
