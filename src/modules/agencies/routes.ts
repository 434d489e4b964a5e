import { z } from 'zod';
import { foldVietnamese, todayInVietnam } from '../../domain/text';
import type { Router } from '../../server/route-registry';
import type { AppDeps } from '../../server/types';
import { isoDate } from '../../validate';
import { checkDateInRange } from '../units/service';
import { AGENCY_KINDS, AgenciesList } from './contracts';
import { listAgencies } from './repo';

export const AgenciesQuery = z.object({
  at: isoDate.optional(),
  q: z.string().trim().max(100).optional(),
  kind: z.enum(AGENCY_KINDS).optional(),
  unit: z.string().trim().max(40).optional(),
});

export function registerAgenciesRoutes(r: Router, deps: AppDeps) {
  r.get(
    '/api/agencies',
    {
      summary: 'Cơ quan (bộ, ngành, UBND tỉnh, sở) có hiệu lực vào một ngày',
      access: 'public',
      tags: ['units'],
      query: AgenciesQuery,
      reference: true,
      response: AgenciesList,
    },
    async ({ query }) => {
      const at = query.at ?? todayInVietnam();
      checkDateInRange(at);
      const q = query.q ? foldVietnamese(query.q) : undefined;
      return {
        at,
        items: await listAgencies(deps.db, { at, q: q || undefined, kind: query.kind, unitId: query.unit }),
      };
    },
  );
}
