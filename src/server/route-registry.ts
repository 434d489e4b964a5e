import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { AppError, forbidden, unauthorized } from '../errors';
import { hasRole, type Actor, type Role } from '../modules/access/actor';
import { FileAnswer, figuresSnapshotOf, referenceSnapshotOf } from '../modules/reference/snapshot';
import { todayInVietnam } from '../domain/text';
import { PUBLIC_MAX_AGE_S, sendReferenceAnswer } from './reference-answer';
import type { AppDeps, AppEnv } from './types';
import { assertCleanText, parse } from '../validate';

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
  /**
   * Shape of the JSON answer (schemas live in the area's contracts.ts; the web and CLI use their
   * z.infer). Documented in OpenAPI and, when config.checkResponses is set (tests), every answer is
   * checked against it. Routes that answer a file (CSV, Excel, PDF) declare `file` instead.
   */
  response?: z.ZodType;
  /** Media type of a route that answers a file rather than JSON, e.g. 'text/csv'. */
  file?: string;
  /** multipart/form-data upload read by the handler itself. */
  upload?: boolean;
  /** A raw body read by the handler itself (a photo), refused as it arrives beyond this size. */
  maxBodyBytes?: number;
  /**
   * Open to a user who must change a generated or reset password first (sign-out, the change
   * itself); every other non-public route answers 403 password_change_required until then.
   */
  duringPasswordChange?: boolean;
  /** Example path parameters for the leak test, e.g. { id: '1' }. */
  example?: Record<string, string>;
  /**
   * Reference data whose answer depends only on the URL and the day (not on who asks): served from the
   * in-process snapshot with ETag/304 and Cache-Control, after the access check.
   */
  reference?: boolean;
  /**
   * Aggregated figures whose answer depends only on the URL and the day (not on who asks, no unit below
   * what the role may read): served like reference data from the figures snapshot, rebuilt when an import,
   * an approval or a published figure changes them. A file route (`file`) is kept as the bytes it sent.
   */
  figures?: boolean;
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

  get<Q = unknown, P = unknown>(
    path: string,
    spec: RouteSpec<Q, never, P>,
    handler: (i: RouteInput<Q, never, P>) => unknown,
  ) {
    this.add('GET', path, spec, handler);
  }
  post<Q = unknown, B = unknown, P = unknown>(
    path: string,
    spec: RouteSpec<Q, B, P>,
    handler: (i: RouteInput<Q, B, P>) => unknown,
  ) {
    this.add('POST', path, spec, handler);
  }
  put<Q = unknown, B = unknown, P = unknown>(
    path: string,
    spec: RouteSpec<Q, B, P>,
    handler: (i: RouteInput<Q, B, P>) => unknown,
  ) {
    this.add('PUT', path, spec, handler);
  }
  patch<Q = unknown, B = unknown, P = unknown>(
    path: string,
    spec: RouteSpec<Q, B, P>,
    handler: (i: RouteInput<Q, B, P>) => unknown,
  ) {
    this.add('PATCH', path, spec, handler);
  }
  delete<Q = unknown, P = unknown>(
    path: string,
    spec: RouteSpec<Q, never, P>,
    handler: (i: RouteInput<Q, never, P>) => unknown,
  ) {
    this.add('DELETE', path, spec, handler);
  }

  private add<Q, B, P>(
    method: Method,
    path: string,
    spec: RouteSpec<Q, B, P>,
    handler: (i: RouteInput<Q, B, P>) => unknown,
  ) {
    this.routes.push({ method, path, spec: spec as RouteSpec<unknown, unknown, unknown> });
    // The size of a body is checked as it arrives, before it is buffered: uploads may be larger than JSON.
    const maxBytes =
      spec.maxBodyBytes ?? (spec.upload ? this.deps.config.maxUploadBytes : this.deps.config.maxJsonBytes);
    const limit = bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw new AppError(413, 'payload_too_large', `Dữ liệu gửi lên vượt quá giới hạn ${formatBytesVi(maxBytes)}.`);
      },
    });
    this.app.on(method, path, limit, async (c) => {
      const actor = c.get('actor');
      checkAccess(spec.access, actor);
      if (actor?.mustChangePassword && spec.access !== 'public' && !spec.duringPasswordChange)
        throw passwordChangeRequired();
      assertWellEncoded(c.req.url);
      const rawQuery = c.req.query();
      const rawParams = c.req.param();
      assertCleanText(rawQuery, 'query');
      assertCleanText(rawParams, 'params');
      const query = spec.query ? parse(spec.query, rawQuery, 'query') : (undefined as Q);
      const params = spec.params ? parse(spec.params, rawParams, 'params') : (undefined as P);
      if (spec.reference || spec.figures) {
        // the key: the route, its parameters and query as parsed (an unknown query parameter, which the
        // handler never sees, must not make a new answer), and the day (a missing `at` or `year` is today's)
        const key = `${todayInVietnam()} ${path} ${JSON.stringify(params ?? null)} ${JSON.stringify(query ?? null)}`;
        const snapshot = spec.figures ? figuresSnapshotOf(this.deps.db) : referenceSnapshotOf(this.deps.db);
        const answer = await snapshot.answer(
          key,
          async () => {
            const result = await handler({ c, actor, deps: this.deps, query, body: undefined as B, params });
            return result instanceof Response
              ? fileAnswerOf(result)
              : this.checked(method, path, spec.response, result);
          },
          // public figures may lag one rebuild behind (at most as long as any cache may keep them)
          spec.figures && spec.access === 'public' ? PUBLIC_MAX_AGE_S * 1000 : 0,
        );
        return sendReferenceAnswer(c, answer, spec.access === 'public');
      }
      let body = undefined as B;
      if (spec.body) {
        body = parse(spec.body, await jsonBody(c), 'body');
      }
      let result: unknown;
      try {
        result = await handler({ c, actor, deps: this.deps, query, body, params });
      } finally {
        // a change made here is seen by the next read of the same process at once, not after the recheck delay
        if (method !== 'GET') {
          figuresSnapshotOf(this.deps.db).expire();
          referenceSnapshotOf(this.deps.db).expire();
        }
      }
      if (result instanceof Response) return result;
      return c.json(this.checked(method, path, spec.response, result ?? { ok: true }));
    });
  }

  /** The answer unchanged; under config.checkResponses, a 500 when it does not match the declared schema. */
  private checked(method: Method, path: string, response: z.ZodType | undefined, result: unknown) {
    if (!this.deps.config.checkResponses || !response || result instanceof Response) return result;
    const r = response.safeParse(result);
    if (r.success) return result;
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`);
    this.deps.logger.error({ route: `${method} ${path}`, issues }, 'response does not match its contract');
    throw new AppError(500, 'response_contract', `Trả lời của ${method} ${path} không khớp lược đồ đã khai báo.`, {
      issues,
    });
  }
}

/** A file route's answer kept in a snapshot: its bytes and the headers that describe them. */
async function fileAnswerOf(res: Response): Promise<FileAnswer> {
  if (res.status !== 200) throw new Error(`a file kept in a snapshot must be a 200 answer, not ${res.status}`);
  return new FileAnswer(
    new Uint8Array(await res.arrayBuffer()),
    res.headers.get('content-type') ?? 'application/octet-stream',
    res.headers.get('content-disposition'),
  );
}

/** A path or query with a broken %-escape (not UTF-8) would reach the handler undecoded: refused. */
function assertWellEncoded(url: string) {
  const u = new URL(url);
  try {
    decodeURIComponent(u.pathname);
    decodeURIComponent(u.search.replace(/\+/g, ' '));
  } catch {
    throw new AppError(400, 'bad_url', 'Địa chỉ yêu cầu có ký tự mã hoá không hợp lệ (không phải UTF-8).');
  }
}

/** The JSON body (an empty body is `{}`), its text checked; malformed JSON is a 400. */
async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError(400, 'bad_json', 'Nội dung gửi lên không phải JSON hợp lệ.');
  }
  assertCleanText(raw, 'body');
  return raw ?? {};
}

function formatBytesVi(n: number): string {
  return n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MiB`
    : `${Math.round(n / 1024)} KiB`;
}

const passwordChangeRequired = () =>
  new AppError(403, 'password_change_required', 'Bạn cần đổi mật khẩu trước khi tiếp tục.');

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
    const parameters: unknown[] = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (r.spec.query) {
      const schema = z.toJSONSchema(r.spec.query, { unrepresentable: 'any' }) as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
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
        ? {
            required: true,
            content: { 'application/json': { schema: z.toJSONSchema(r.spec.body, { unrepresentable: 'any' }) } },
          }
        : r.spec.upload
          ? { required: true, content: { 'multipart/form-data': { schema: { type: 'object' } } } }
          : undefined,
      responses: {
        '200': r.spec.response
          ? {
              description: 'OK',
              content: {
                'application/json': {
                  schema: z.toJSONSchema(r.spec.response, { unrepresentable: 'any', io: 'output' }),
                },
              },
            }
          : r.spec.file
            ? { description: 'OK', content: { [r.spec.file]: { schema: { type: 'string', format: 'binary' } } } }
            : { description: 'OK' },
        default: {
          description: 'Lỗi',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'giamngheo API',
      version: '0.1.0',
      description: 'Hệ thống thông tin quản lý Chương trình MTQG giảm nghèo bền vững',
    },
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
