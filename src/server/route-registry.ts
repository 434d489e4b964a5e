import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { AppError, forbidden, unauthorized } from '../errors';
import { hasRole, type Actor, type Role } from '../modules/access/actor';
import type { AppDeps, AppEnv } from './types';
import { parse } from './validate';

/**
 * Every API route is declared here, with who may call it and the shape of its input.
 * The declaration enforces authentication and role on the server, validates input,
 * feeds the OpenAPI document and lets the route × role leak test walk every route.
 * Finer scope (which unit, which agency) is checked by the module's service.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface RouteSpec<Q, B, P> {
  summary: string;
  access: Access;
  tags?: string[];
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  params?: z.ZodType<P>;
  /** multipart/form-data upload read by the handler itself. */
  upload?: boolean;
  /**
   * Open to a user who must change a generated or reset password first (sign-out, the change
   * itself); every other non-public route answers 403 password_change_required until then.
   */
  duringPasswordChange?: boolean;
  /** Example path parameters for the leak test, e.g. { id: '1' }. */
  example?: Record<string, string>;
}

export interface RegisteredRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  spec: RouteSpec<unknown, unknown, unknown>;
}

export interface RouteInput<Q, B, P> {
  c: Context<AppEnv>;
  actor: Actor | null;
  deps: AppDeps;
  query: Q;
  body: B;
  params: P;
}

type Method = RegisteredRoute['method'];

export class Router {
  readonly routes: RegisteredRoute[] = [];
  constructor(
    private readonly app: Hono<AppEnv>,
    private readonly deps: AppDeps,
  ) {}

  get<Q = unknown, P = unknown>(path: string, spec: RouteSpec<Q, never, P>, handler: (i: RouteInput<Q, never, P>) => unknown) {
    this.add('GET', path, spec, handler);
  }
  post<Q = unknown, B = unknown, P = unknown>(path: string, spec: RouteSpec<Q, B, P>, handler: (i: RouteInput<Q, B, P>) => unknown) {
    this.add('POST', path, spec, handler);
  }
  put<Q = unknown, B = unknown, P = unknown>(path: string, spec: RouteSpec<Q, B, P>, handler: (i: RouteInput<Q, B, P>) => unknown) {
    this.add('PUT', path, spec, handler);
  }
  patch<Q = unknown, B = unknown, P = unknown>(path: string, spec: RouteSpec<Q, B, P>, handler: (i: RouteInput<Q, B, P>) => unknown) {
    this.add('PATCH', path, spec, handler);
  }
  delete<Q = unknown, P = unknown>(path: string, spec: RouteSpec<Q, never, P>, handler: (i: RouteInput<Q, never, P>) => unknown) {
    this.add('DELETE', path, spec, handler);
  }

  private add<Q, B, P>(method: Method, path: string, spec: RouteSpec<Q, B, P>, handler: (i: RouteInput<Q, B, P>) => unknown) {
    this.routes.push({ method, path, spec: spec as RouteSpec<unknown, unknown, unknown> });
    this.app.on(method, path, async (c) => {
      const actor = c.get('actor');
      checkAccess(spec.access, actor);
      if (actor?.mustChangePassword && spec.access !== 'public' && !spec.duringPasswordChange) throw passwordChangeRequired();
      const query = spec.query ? parse(spec.query, c.req.query(), 'query') : (undefined as Q);
      const params = spec.params ? parse(spec.params, c.req.param(), 'params') : (undefined as P);
      let body = undefined as B;
      if (spec.body) {
        const raw = await c.req.json().catch(() => undefined);
        body = parse(spec.body, raw ?? {}, 'body');
      }
      const result = await handler({ c, actor, deps: this.deps, query, body, params });
      if (result instanceof Response) return result;
      return c.json(result ?? { ok: true });
    });
  }
}

const passwordChangeRequired = () => new AppError(403, 'password_change_required', 'Bạn cần đổi mật khẩu trước khi tiếp tục.');

export function checkAccess(access: Access, actor: Actor | null): void {
  if (access === 'public') return;
  if (!actor) throw unauthorized();
  if (access === 'authenticated') return;
  if (!hasRole(actor, ...access)) throw forbidden();
}

/** Roles allowed by an access rule ('public' and 'authenticated' allow every role). */
export function allowsRole(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'authenticated' || access.includes(role);
}

/** The OpenAPI 3.1 document of every declared route. */
export function openApiDocument(routes: RegisteredRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const p = r.path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (r.spec.query) {
      const schema = z.toJSONSchema(r.spec.query, { unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(schema.properties ?? {})) {
        parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: s });
      }
    }
    (paths[p] ??= {})[r.method.toLowerCase()] = {
      summary: r.spec.summary,
      tags: r.spec.tags,
      'x-access': r.spec.access,
      parameters,
      requestBody: r.spec.body
        ? { required: true, content: { 'application/json': { schema: z.toJSONSchema(r.spec.body, { unrepresentable: 'any' }) } } }
        : r.spec.upload
          ? { required: true, content: { 'multipart/form-data': { schema: { type: 'object' } } } }
          : undefined,
      responses: {
        '200': { description: 'OK' },
        default: { description: 'Lỗi', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'giamngheo API', version: '0.1.0', description: 'Hệ thống thông tin quản lý Chương trình MTQG giảm nghèo bền vững' },
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
              required: ['code', 'message'],
            },
          },
        },
      },
    },
  };
}
