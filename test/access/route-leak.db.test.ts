import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowsRole, type RegisteredRoute } from '../../src/server/route-registry';
import { testApp, TEST_ROLES, type Client, type Reply, type TestApp, type TestRole } from '../support/app';

/**
 * Every declared API route × every role: a role the route does not allow gets 401 (public)
 * or 403 and nothing is written; an allowed role never gets 401/403 from the role check
 * nor a 500 on junk input; and every successful change writes an audit row.
 * Scope within a role (which province, which agency) is tested by each module.
 */
let t: TestApp;
let clients: Record<TestRole, Client>;
/** The walk in order; sign-out ends the session the rest of the walk needs: walked last. */
let walk: RegisteredRoute[];
beforeAll(async () => {
  t = await testApp();
  // one sign-in per role for the whole walk: verifying a password is deliberately slow
  clients = Object.fromEntries(await Promise.all(TEST_ROLES.map(async (r) => [r, await t.as(r)] as const))) as Record<
    TestRole,
    Client
  >;
  walk = [...t.router.routes].sort(
    (a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'),
  );
});
afterAll(() => t?.close());

// changes only: a refusal is itself recorded as a security event (security.access.denied)
const auditCount = async () =>
  (await t.db.one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action <> 'security.access.denied'`))
    .n;

/** The walk in parts, each its own test: no single test holds the time of the whole walk. */
const PARTS = 8;
/** Allowed reads in flight at once (on PostgreSQL they overlap; the embedded engine takes them in turn). */
const CONCURRENT_READS = 4;

interface Case {
  route: RegisteredRoute;
  role: TestRole;
  path: string;
  allowed: boolean;
}

async function send(c: Case): Promise<Reply> {
  return clients[c.role].request(c.route.method, c.path, c.route.method === 'GET' ? undefined : {});
}

/** Runs fn over items with at most `limit` running at once. */
async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Walks routes in order, each with every role. Requests whose audit rows are checked (every refusal, every
 * allowed change) run one at a time, the audit count read after each: the rows added since the previous
 * read are that request's own. Allowed reads have no audit check; a run of consecutive read routes sends
 * its refusals first, one at a time, then its allowed reads side by side, and reads the count again after.
 */
async function walkRoutes(routes: RegisteredRoute[]): Promise<string[]> {
  const failures: string[] = [];
  const check = (c: Case, res: Reply, written: number | null) => {
    const label = `${c.route.method} ${c.route.path} as ${c.role}: ${res.status}`;
    if (!c.allowed) {
      if (res.status !== (c.role === 'public' ? 401 : 403)) failures.push(`${label} (expected refusal)`);
      if (written !== 0) failures.push(`${label} wrote ${written} audit rows although refused`);
    } else {
      if (res.status >= 500) failures.push(`${label} (server error on junk input: ${JSON.stringify(res.body)})`);
      if (c.route.spec.access !== 'public' && res.status === 401) failures.push(`${label} (allowed role refused)`);
      if (c.route.method !== 'GET' && res.status < 300 && written === 0)
        failures.push(`${label} changed something without an audit row`);
    }
    if (res.status >= 400 && !(res.body && res.body.error && res.body.error.code && res.body.error.message)) {
      failures.push(`${label} error without the {error:{code,message}} shape`);
    }
  };
  let audited = await auditCount();
  const oneAtATime = async (c: Case) => {
    const res = await send(c);
    const now = await auditCount();
    check(c, res, now - audited);
    audited = now;
  };
  for (let i = 0; i < routes.length;) {
    let end = i + 1;
    if (routes[i].method === 'GET') while (end < routes.length && routes[end].method === 'GET') end++;
    const cases = routes.slice(i, end).flatMap((route) => {
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => route.spec.example?.[name] ?? 'khong-ton-tai');
      return TEST_ROLES.map((role) => ({
        route,
        role,
        path,
        allowed: allowsRole(route.spec.access, role === 'public' ? null : role),
      }));
    });
    if (routes[i].method !== 'GET') {
      for (const c of cases) await oneAtATime(c);
    } else {
      for (const c of cases.filter((x) => !x.allowed)) await oneAtATime(c);
      await inParallel(
        cases.filter((x) => x.allowed),
        CONCURRENT_READS,
        async (c) => check(c, await send(c), null),
      );
      audited = await auditCount();
    }
    i = end;
  }
  return failures;
}

describe('route × role', () => {
  it('declares a sensible number of routes, each with a summary', () => {
    expect(t.router.routes.length).toBeGreaterThan(5);
    for (const r of t.router.routes) expect(r.spec.summary, `${r.method} ${r.path}`).toBeTruthy();
  });

  for (let part = 0; part < PARTS; part++) {
    it(`refuses every role a route does not allow, and lets allowed roles through (part ${part + 1} of ${PARTS})`, async () => {
      const size = Math.ceil(walk.length / PARTS);
      const routes = walk.slice(part * size, (part + 1) * size);
      expect(routes.length).toBeGreaterThan(0);
      expect(await walkRoutes(routes)).toEqual([]);
    });
  }
});
