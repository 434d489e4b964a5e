/** What the units API answers: the schemas of its answers and the types the web and the CLI may rely on. */
import { z } from 'zod';
import { REGION_SCHEMES, UNIT_LEVELS } from '../../domain/units/types';

export type { LineageRow, RegionRow, UnitRow } from './repo';
export type { Succession } from './service';

const level = z.enum(UNIT_LEVELS);
const relation = z.enum(['full', 'partial']);

export const UnitView = z.object({
  id: z.string(),
  code: z.string(),
  level,
  unitType: z.string(),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string().nullable(),
  parentId: z.string().nullable(),
  parentCode: z.string().nullable(),
  provinceId: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  legalBasis: z.string().nullable(),
  source: z.string(),
  note: z.string().nullable(),
});

export const LineageView = z.object({
  id: z.number(),
  fromId: z.string(),
  fromCode: z.string(),
  fromName: z.string(),
  fromLevel: level,
  fromProvinceCode: z.string(),
  toId: z.string(),
  toCode: z.string(),
  toName: z.string(),
  toProvinceCode: z.string(),
  relation,
  kind: z.string(),
  effective: z.string(),
  legalBasis: z.string().nullable(),
  qaFlag: z.string().nullable(),
  resolved: z.boolean(),
  note: z.string().nullable(),
});

export const UnitsList = z.object({ at: z.string(), items: z.array(UnitView) });
export const UnresolvedLineage = z.object({ count: z.number().int(), items: z.array(LineageView) });
export const UnitMatch = z.object({ unique: z.boolean(), items: z.array(UnitView) });

export const UnitDetail = UnitView.extend({
  aliases: z.array(z.object({ alias: z.string(), kind: z.string(), source: z.string() })),
  regions: z.array(
    z.object({
      id: z.string(),
      scheme: z.string(),
      code: z.string(),
      name: z.string(),
      verified: z.boolean(),
      derived: z.boolean(),
      source: z.string(),
      note: z.string().nullable(),
    }),
  ),
  predecessors: z.array(LineageView),
});

export const UnitChildren = z.object({ unit: UnitView, at: z.string(), items: z.array(UnitView) });

const SuccessorView = z.object({ unit: UnitView, relation, resolved: z.boolean(), path: z.array(z.string()) });
export const UnitSuccession = z.object({
  unit: UnitView,
  successors: z.array(SuccessorView),
  unresolved: z.array(SuccessorView),
  rollupProvince: UnitView.nullable(),
  note: z.string().nullable(),
});

export const RegionsList = z.object({
  at: z.string(),
  scheme: z.enum(REGION_SCHEMES),
  items: z.array(
    z.object({
      id: z.string(),
      scheme: z.string(),
      code: z.string(),
      name: z.string(),
      verified: z.boolean(),
      source: z.string(),
      provinces: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), derived: z.boolean() })),
    }),
  ),
});
