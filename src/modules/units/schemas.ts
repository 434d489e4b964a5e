import { z } from 'zod';
import { REGION_SCHEMES, UNIT_LEVELS } from '../../domain/units';
import { isoDate } from '../../validate';

const level = z.enum(UNIT_LEVELS, { message: 'Cấp phải là province, district hoặc commune.' });

export const UnitsQuery = z.object({
  level: level.optional(),
  at: isoDate.optional(),
  /** Parent version id or code (read on `at`). */
  parent: z.string().trim().min(1).max(40).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(20000).optional(),
});

export const AtQuery = z.object({ at: isoDate.optional() });

export const UnitParams = z.object({ id: z.string().trim().min(1).max(40) });

export const GeoQuery = z.object({ at: isoDate.optional() });

export const RegionsQuery = z.object({
  scheme: z.enum(REGION_SCHEMES, { message: 'Cách chia vùng phải là vung6 hoặc vung8.' }).default('vung6'),
  at: isoDate.optional(),
});

export const MatchQuery = z.object({
  name: z.string().trim().min(1).max(120),
  level,
  at: isoDate.optional(),
  parent: z.string().trim().min(1).max(40).optional(),
});
