import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openApiDocument, Router } from '../../src/server/route-registry';
import { registerRoutes } from '../../src/server/routes';
import type { AppDeps, AppEnv } from '../../src/server/types';

/**
 * Every route answering JSON declares the shape of its answer (`response`, a zod schema from the area's
 * contracts.ts): the OpenAPI document shows it and the tests check every answer against it. A route that
 * answers a file declares its media type (`file`) instead.
 */
function routes() {
  const deps = { config: { maxJsonBytes: 1, maxUploadBytes: 1 } } as unknown as AppDeps;
  const router = new Router(new Hono<AppEnv>(), deps);
  registerRoutes(router, deps);
  return router.routes;
}

describe('every JSON route declares its response schema', () => {
  const all = routes();
  const undeclared = all.filter((r) => !r.spec.response && !r.spec.file).map((r) => `${r.method} ${r.path}`);

  it('no route answers JSON without a schema', () => {
    expect(undeclared).toEqual([]);
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
