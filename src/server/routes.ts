import { registerAgenciesRoutes } from '../modules/agencies/routes';
import { registerAuditRoutes } from '../modules/audit/routes';
import { registerAuthRoutes } from '../modules/auth/routes';
import { registerPlanRoutes } from '../modules/plan/routes';
import { registerPovertyRoutes } from '../modules/poverty/routes';
import { registerUnitsRoutes } from '../modules/units/routes';
import { registerUsersRoutes } from '../modules/users/routes';
import { registerBudgetRoutes } from '../modules/budget/routes';
import { registerResultsRoutes } from '../modules/results/routes';
import { ping } from '../db/client';
import { registerFieldRoutes } from '../modules/field/routes';
import { registerFieldFormsRoutes } from '../modules/field/routes-forms';
import { HealthAnswer, OpenApiAnswer } from './contracts';
import { openApiDocument, type Router } from './route-registry';
import type { AppDeps } from './types';

/** Every module's routes. Add yours here (one line). */
export function registerRoutes(r: Router, deps: AppDeps) {
  r.get(
    '/api/health',
    { summary: 'Tình trạng hệ thống', access: 'public', tags: ['system'], response: HealthAnswer },
    async (): Promise<HealthAnswer> => {
      await ping(deps.db);
      return { status: 'ok', db: deps.dbKind, version: '0.1.0' };
    },
  );
  r.get(
    '/api/openapi.json',
    { summary: 'Tài liệu OpenAPI', access: 'public', tags: ['system'], response: OpenApiAnswer },
    (): OpenApiAnswer => openApiDocument(r.routes),
  );

  registerAuthRoutes(r, deps);
  registerUsersRoutes(r, deps);
  registerAuditRoutes(r, deps);
  registerPlanRoutes(r, deps);
  registerPovertyRoutes(r, deps);
  registerUnitsRoutes(r, deps);
  registerAgenciesRoutes(r, deps);
  registerBudgetRoutes(r, deps);
  registerResultsRoutes(r, deps);
  registerFieldRoutes(r, deps);
  registerFieldFormsRoutes(r, deps);
}
