/** What the agencies API answers. */
import { z } from 'zod';

export const AGENCY_KINDS = [
  'government',
  'ministry',
  'central_agency',
  'people_committee',
  'department',
  'other',
] as const;

export const AgencyView = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(AGENCY_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
  nameEn: z.string().nullable(),
  parentId: z.string().nullable(),
  unitId: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  successorId: z.string().nullable(),
  legalBasis: z.string().nullable(),
  source: z.string(),
  verified: z.boolean(),
  note: z.string().nullable(),
});

export const AgenciesList = z.object({ at: z.string(), items: z.array(AgencyView) });
