import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NewVisits } from '../../src/modules/plan/schemas';
import { ReportValues } from '../../src/modules/results/contracts';
import { Router } from '../../src/server/route-registry';
import { registerRoutes } from '../../src/server/routes';
import type { AppDeps, AppEnv } from '../../src/server/types';
import { parse } from '../../src/validate';

/**
 * A body's byte limit alone does not bound the work it causes: 20,000 short recommendations fit in a
 * megabyte and kept the server busy for seconds. Every list and map in a request body therefore carries
 * its own maximum (`maxItems` for arrays, `maxProperties` for maps, see `boundedRecord`).
 */
function routes() {
  const deps = { config: { maxJsonBytes: 1, maxUploadBytes: 1 } } as unknown as AppDeps;
  const router = new Router(new Hono<AppEnv>(), deps);
  registerRoutes(router, deps);
  return router.routes;
}

type Json = { [k: string]: unknown };

function unbounded(schema: unknown, path: string, found: string[]): void {
  if (Array.isArray(schema)) {
    schema.forEach((s, i) => unbounded(s, `${path}[${i}]`, found));
    return;
  }
  if (schema === null || typeof schema !== 'object') return;
  const s = schema as Json;
  if (s.type === 'array' && typeof s.maxItems !== 'number') found.push(`${path} (mảng không có maxItems)`);
  const isMap = typeof s.additionalProperties === 'object' || s.propertyNames !== undefined;
  const keysListed = Array.isArray((s.propertyNames as Json | undefined)?.enum);
  if (s.type === 'object' && isMap && !keysListed && typeof s.maxProperties !== 'number')
    found.push(`${path} (bảng khoá không có maxProperties)`);
  for (const [k, v] of Object.entries(s)) unbounded(v, `${path}.${k}`, found);
}

describe('request bodies are bounded', () => {
  const withBody = routes().filter((r) => r.spec.body);

  it('finds the routes that take a JSON body', () => {
    expect(withBody.length).toBeGreaterThan(20);
  });

  it('every array and map in a request body has a maximum', () => {
    const found: string[] = [];
    for (const r of withBody) {
      const schema = z.toJSONSchema(r.spec.body!, { unrepresentable: 'any', io: 'input' });
      unbounded(schema, `${r.method} ${r.path}`, found);
    }
    expect(found).toEqual([]);
  });
});

describe('an oversized list is refused with one Vietnamese message', () => {
  it('20,000 recommendations of one finding', () => {
    const recommendations = Array.from({ length: 20_000 }, () => ({ body: 'Khắc phục' }));
    const body = { visits: [{ visitedOn: '2026-03-02', findings: [{ body: 'Chậm tiến độ', recommendations }] }] };
    expect(() => parse(NewVisits, body, 'body')).toThrow(
      expect.objectContaining({
        status: 422,
        details: {
          problems: [{ path: 'body.visits.0.findings.0.recommendations', message: 'Không được quá 100 mục.' }],
        },
      }),
    );
  });

  it('a map with more keys than its maximum', () => {
    const values = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`E${i}`, i]));
    expect(ReportValues.safeParse({ values }).error?.issues.map((i) => i.message)).toEqual([
      'Không được quá 1000 mục.',
    ]);
    expect(ReportValues.safeParse({ values: { E1: 1 } }).success).toBe(true);
  });
});
