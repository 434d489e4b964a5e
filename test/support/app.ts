import pino from 'pino';
import { loadConfig } from '../../src/config';
import type { Db } from '../../src/db/client';
import { ROLES, type Role } from '../../src/modules/access/actor';
import { systemActor } from '../../src/modules/audit/audit';
import { createUser } from '../../src/modules/users/service';
import { createApp } from '../../src/server/app';
import type { Router } from '../../src/server/route-registry';
import type { AppDeps } from '../../src/server/types';
import { testDatabase, type TestDatabase } from './db';

export type TestRole = Role | 'public';
export const TEST_ROLES: TestRole[] = ['public', ...ROLES];
export const TEST_PASSWORD = 'mat-khau-thu-nghiem';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Client {
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
  get<T = any>(path: string): Promise<Reply<T>>;
  post<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
}

export interface TestApp {
  database: TestDatabase;
  db: Db;
  deps: AppDeps;
  router: Router;
  fetch: (req: Request) => Response | Promise<Response>;
  /** A client signed in with one role (or the anonymous public). */
  as(role: TestRole): Promise<Client>;
  client(cookie?: string): Client;
  /** Unit and agency each fixture user is scoped to. */
  scope: { provinceId: string; communeId: string; otherProvinceId: string; agencyId: string };
  close(): Promise<void>;
}

/** Ids of the units and agency the fixture users are scoped to: Hà Nội (01), Phường Ba Đình (00004), Cao Bằng (04). */
async function fixtureScope(db: Db) {
  const unit = async (level: string, code: string) => {
    const row = await db.maybeOne<{ id: string }>(
      `SELECT id FROM admin_unit WHERE level = $1 AND code = $2 AND valid_to IS NULL ORDER BY valid_from DESC LIMIT 1`,
      [level, code],
    );
    if (!row) throw new Error(`test fixture: no current ${level} ${code} (are the units loaded?)`);
    return row.id;
  };
  const agency = await db.maybeOne<{ id: string }>(
    `SELECT id FROM agency WHERE kind = 'ministry' AND valid_to IS NULL ORDER BY id LIMIT 1`,
  );
  if (!agency) throw new Error('test fixture: no current ministry (are the agencies loaded?)');
  return {
    provinceId: await unit('province', '01'),
    communeId: await unit('commune', '00004'),
    otherProvinceId: await unit('province', '04'),
    agencyId: agency.id,
  };
}

export async function testApp(): Promise<TestApp> {
  const database = await testDatabase();
  const db = database.db;
  const deps: AppDeps = {
    db,
    config: { ...loadConfig({}), sessionTtlMinutes: 60, checkResponses: true },
    logger: pino({ level: process.env.GIAMNGHEO_TEST_LOG ?? 'silent' }),
    dbKind: database.mode,
  };
  const { app, router } = createApp(deps);
  const scope = await fixtureScope(db);
  const grantsOf: Record<Role, { role: Role; agencyId: string | null; unitId: string | null }> = {
    admin: { role: 'admin', agencyId: null, unitId: null },
    program_owner: { role: 'program_owner', agencyId: null, unitId: null },
    ministry_lead: { role: 'ministry_lead', agencyId: scope.agencyId, unitId: null },
    steering_member: { role: 'steering_member', agencyId: null, unitId: null },
    province_officer: { role: 'province_officer', agencyId: null, unitId: scope.provinceId },
    commune_officer: { role: 'commune_officer', agencyId: null, unitId: scope.communeId },
  };
  for (const role of ROLES) {
    await createUser(db, systemActor('test'), {
      username: `t.${role.replace('_', '-')}`,
      displayName: `Người thử ${role}`,
      password: TEST_PASSWORD,
      grants: [grantsOf[role]],
    });
  }

  const fetch = (req: Request) => app.fetch(req);
  const client = (cookie?: string): Client => {
    const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const init: RequestInit = { method, headers: { ...(cookie ? { cookie } : {}), ...headers } };
      if (body !== undefined) {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
      const res = await app.request(path, init);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed as any, headers: res.headers };
    };
    return { request, get: (p) => request('GET', p), post: (p, b) => request('POST', p, b ?? {}) };
  };

  return {
    database,
    db,
    deps,
    router,
    fetch,
    scope,
    client,
    async as(role) {
      if (role === 'public') return client();
      const res = await client().post('/api/auth/login', {
        username: `t.${role.replace('_', '-')}`,
        password: TEST_PASSWORD,
      });
      if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
      return client(cookie);
    },
    close: () => database.close(),
  };
}
