import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowsRole } from '../../src/server/route-registry';
import { testApp, TEST_ROLES, type TestApp, type TestRole } from '../support/app';

/**
 * Every declared API route × every role: a role the route does not allow gets 401 (public)
 * or 403 and nothing is written; an allowed role never gets 401/403 from the role check
 * nor a 500 on junk input; and every successful change writes an audit row.
 * Scope within a role (which province, which agency) is tested by each module.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

// changes only: a refusal is itself recorded as a security event (security.access.denied)
const auditCount = async () =>
  (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action <> 'security.access.denied'`))
    .n;

describe('route × role', () => {
  it('declares a sensible number of routes, each with a summary', () => {
    expect(t.router.routes.length).toBeGreaterThan(5);
    for (const r of t.router.routes) expect(r.spec.summary, `${r.method} ${r.path}`).toBeTruthy();
  });

  it('refuses every role a route does not allow, and lets allowed roles through', async () => {
    // sign-out ends the session the rest of the walk needs: walk it last
    const routes = [...t.router.routes].sort(
      (a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'),
    );
    const clients = Object.fromEntries(await Promise.all(TEST_ROLES.map(async (r) => [r, await t.as(r)] as const)));
    const failures: string[] = [];
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => route.spec.example?.[name] ?? 'khong-ton-tai');
      for (const role of TEST_ROLES as TestRole[]) {
        const before = await auditCount();
        const res = await clients[role].request(route.method, path, route.method === 'GET' ? undefined : {});
        const after = await auditCount();
        const label = `${route.method} ${route.path} as ${role}: ${res.status}`;
        const allowed = allowsRole(route.spec.access, role === 'public' ? null : role);
        if (!allowed) {
          if (res.status !== (role === 'public' ? 401 : 403)) failures.push(`${label} (expected refusal)`);
          if (after !== before) failures.push(`${label} wrote ${after - before} audit rows although refused`);
        } else {
          if (res.status >= 500) failures.push(`${label} (server error on junk input: ${JSON.stringify(res.body)})`);
          if (route.spec.access !== 'public' && res.status === 401) failures.push(`${label} (allowed role refused)`);
          if (route.method !== 'GET' && res.status < 300 && after === before)
            failures.push(`${label} changed something without an audit row`);
        }
        if (res.status >= 400 && !(res.body && res.body.error && res.body.error.code && res.body.error.message)) {
          failures.push(`${label} error without the {error:{code,message}} shape`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
