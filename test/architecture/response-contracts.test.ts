import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openApiDocument, Router } from '../../src/server/route-registry';
import { registerRoutes } from '../../src/server/routes';
import type { AppDeps, AppEnv } from '../../src/server/types';

/**
 * Every route answering JSON declares the shape of its answer (`response`, a zod schema from the area's
 * contracts.ts): the OpenAPI document shows it and the tests check every answer against it. A route that
 * answers a file declares its media type (`file`) instead. The routes below predate the rule; the list
 * may only shrink: a new route without a schema fails, and so does a listed route that has one.
 */
const LEGACY: string[] = [
  'GET /api/health',
  'GET /api/openapi.json',
  'GET /api/plan/calendar',
  'GET /api/plan/program',
  'GET /api/plan/plans',
  'GET /api/plan/my-agency',
  'GET /api/plan/tasks/:id',
  'PATCH /api/plan/tasks/:id',
  'PATCH /api/plan/tasks/:id/assignments/:aid',
  'POST /api/plan/reorganise',
  'GET /api/plan/instruments',
  'PATCH /api/plan/instruments/:id',
  'GET /api/plan/committees',
  'GET /api/plan/committees/:id',
  'POST /api/plan/committees/:id/meetings',
  'GET /api/plan/supervision/recommendations',
  'GET /api/plan/supervision',
  'POST /api/plan/supervision/:id/visits',
  'POST /api/plan/supervision',
  'PATCH /api/plan/supervision/recommendations/:id',
  'GET /api/notifications',
  'POST /api/plan/digest',
  'GET /api/results/areas/:group/:seq/successors',
  'GET /api/results/areas/criteria',
  'POST /api/results/areas/criteria',
  'GET /api/results/overview',
  'GET /api/results/targets',
  'POST /api/results/targets',
  'GET /api/results/forms',
  'PUT /api/results/forms/:code/rules',
  'GET /api/results/periods/:periodId/reports',
  'POST /api/plan/committees/:id/members',
  'PATCH /api/plan/committees/:id/members/:memberId',
  'GET /api/field/forms',
];

function routes() {
  const deps = { config: { maxJsonBytes: 1, maxUploadBytes: 1 } } as unknown as AppDeps;
  const router = new Router(new Hono<AppEnv>(), deps);
  registerRoutes(router, deps);
  return router.routes;
}

describe('every JSON route declares its response schema', () => {
  const all = routes();
  const undeclared = all.filter((r) => !r.spec.response && !r.spec.file).map((r) => `${r.method} ${r.path}`);

  it('no route outside the legacy list answers JSON without a schema', () => {
    expect(undeclared.filter((r) => !LEGACY.includes(r))).toEqual([]);
  });

  it('the legacy list only shrinks: a route that declares its schema must leave it', () => {
    expect(LEGACY.filter((r) => !undeclared.includes(r))).toEqual([]);
  });

  it('a route declares a JSON schema or a file, not both', () => {
    expect(all.filter((r) => r.spec.response && r.spec.file).map((r) => r.path)).toEqual([]);
  });

  it('the OpenAPI document carries each declared schema', () => {
    const doc = openApiDocument(all);
    const declared = all.filter((r) => r.spec.response);
    for (const r of declared) {
      const op = doc.paths[r.path.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()] as {
        responses: { '200': { content: { 'application/json': { schema: unknown } } } };
      };
      expect(op.responses['200'].content['application/json'].schema).toEqual(
        z.toJSONSchema(r.spec.response!, { unrepresentable: 'any', io: 'output' }),
      );
    }
  });
});

describe('an answer that does not match its schema fails loudly in tests', () => {
  function appWith(checkResponses: boolean) {
    const app = new Hono<AppEnv>();
    const logged: unknown[] = [];
    const deps = {
      config: { maxJsonBytes: 1000, maxUploadBytes: 1000, checkResponses },
      logger: { error: (o: unknown) => logged.push(o) },
    } as unknown as AppDeps;
    app.use(async (c, next) => {
      c.set('actor', null);
      await next();
    });
    app.onError((err) => Response.json({ code: (err as { code?: string }).code }, { status: 500 }));
    const r = new Router(app, deps);
    const response = z.object({ count: z.number().int() });
    r.get('/right', { summary: 's', access: 'public', response }, () => ({ count: 3 }));
    r.get('/wrong', { summary: 's', access: 'public', response }, () => ({ count: '3' }));
    return { app, logged };
  }

  it('a matching answer is sent as it is', async () => {
    const res = await appWith(true).app.request('/right');
    expect([res.status, await res.json()]).toEqual([200, { count: 3 }]);
  });

  it('a mismatch is a 500 response_contract, logged with the route and the field', async () => {
    const { app, logged } = appWith(true);
    const res = await app.request('/wrong');
    expect([res.status, await res.json()]).toEqual([500, { code: 'response_contract' }]);
    expect(logged).toEqual([
      { route: 'GET /wrong', issues: ['count: Đầu vào không hợp lệ: mong đợi số, nhận được string'] },
    ]);
  });

  it('without the check (production) the answer is sent unchecked', async () => {
    const res = await appWith(false).app.request('/wrong');
    expect([res.status, await res.json()]).toEqual([200, { count: '3' }]);
  });
});
