import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { AppError, fromDatabaseError } from '../errors';
import { hashToken, lookupSession, SESSION_COOKIE } from '../modules/auth/session';
import { RefusalRecorder } from '../modules/audit/security-events';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { registerRoutes } from './routes';
import { Router } from './route-registry';
import type { AppDeps, AppEnv } from './types';

const PWA_FILES = [
  ['sw.js', 'text/javascript; charset=utf-8'],
  ['manifest.webmanifest', 'application/manifest+json'],
  ['icon.svg', 'image/svg+xml'],
] as const;

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface App {
  app: Hono<AppEnv>;
  router: Router;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Refusals whose use case writes its own audit row (a sign-in to a locked account): not recorded twice. */
const AUDITED_BY_USE_CASE = new Set(['account_locked']);

/** A refusal in the audit trail (bounded); a failure to record it never changes the answer. */
async function recordRefusal(deps: AppDeps, refusals: RefusalRecorder, c: Context<AppEnv>, code: string) {
  let address = 'unknown';
  try {
    address = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    /* app.request() in tests has no socket */
  }
  const actor = c.get('actor') ?? null;
  await refusals
    .record(deps.db, {
      actor: actor && { userId: actor.userId, username: actor.username },
      address,
      method: c.req.method,
      route: c.req.routePath ?? c.req.path,
      path: c.req.path,
      code,
      requestId: c.get('requestId'),
    })
    .catch((e) => deps.logger.error({ err: e }, 'refusal not recorded'));
}

/** Host of an Origin header; null for 'null' or a malformed value (both treated as another site). */
function originHost(origin: string): string | null {
  try {
    return origin === 'null' ? null : new URL(origin).host;
  } catch {
    return null;
  }
}

export function createApp(deps: AppDeps): App {
  const app = new Hono<AppEnv>();

  const refusals = new RefusalRecorder();
  app.onError(async (caught, c) => {
    const err = fromDatabaseError(caught) ?? caught;
    if (err instanceof AppError) {
      if (err.status === 403 && !AUDITED_BY_USE_CASE.has(err.code)) await recordRefusal(deps, refusals, c, err.code);
      return c.json(
        { error: { code: err.code, message: err.message, details: err.details ?? null } },
        err.status as 400,
      );
    }
    deps.logger.error({ err, requestId: c.get('requestId') }, 'unhandled error');
    return c.json(
      {
        error: {
          code: 'internal',
          message: 'Lỗi hệ thống, vui lòng thử lại sau.',
          details: { requestId: c.get('requestId') },
        },
      },
      500,
    );
  });
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json(
          { error: { code: 'not_found', message: `Không có đường dẫn ${c.req.method} ${c.req.path}.`, details: null } },
          404,
        )
      : c.text('Không tìm thấy trang.', 404),
  );

  app.use('*', async (c, next) => {
    const given = c.req.header('x-request-id');
    c.set('requestId', given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID());
    await next();
    // API answers carry personal data or a user's view of the work: never kept by a browser or proxy cache.
    if (c.req.path.startsWith('/api/') && !c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );

  // JSON answers (unit lists reach megabytes) are compressed for slow connections.
  app.use('/api/*', compress());

  // CSRF: a browser's cross-site request to a state-changing API is refused. Browsers send
  // Origin / Sec-Fetch-Site on such requests; the session cookie is also SameSite=Strict.
  app.use('/api/*', async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const host = c.req.header('host') ?? new URL(c.req.url).host;
      const crossSite =
        (site && site !== 'same-origin' && site !== 'none') || (origin !== undefined && originHost(origin) !== host);
      if (crossSite) throw new AppError(403, 'csrf', 'Yêu cầu từ trang khác bị từ chối (CSRF).');
    }
    await next();
  });

  // Session → actor.
  app.use('/api/*', async (c, next) => {
    c.set('actor', null);
    c.set('sessionTokenHash', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const tokenHash = hashToken(token);
      const found = await lookupSession(deps.db, tokenHash, deps.config.sessionTtlMinutes, deps.config.sessionMaxHours);
      if (found && 'expired' in found) {
        throw new AppError(401, 'session_expired', 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.');
      }
      if (found) {
        c.set('actor', found.actor);
        c.set('sessionTokenHash', tokenHash);
      }
    }
    await next();
  });

  const router = new Router(app, deps);
  registerRoutes(router, deps);

  // The web app: static files, and index.html for client-side routes.
  if (fs.existsSync(WEB_DIST)) {
    // Hashed file names: cache for a year; .br/.gz copies written by the build are served when accepted.
    app.use(
      '/assets/*',
      serveStatic({
        root: path.relative(process.cwd(), WEB_DIST),
        precompressed: true,
        onFound: (_path, c) => {
          c.header('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    // The installable app: its manifest, icon and service worker, at the root (the worker's scope is '/').
    for (const [file, type] of PWA_FILES) {
      const full = path.join(WEB_DIST, file);
      if (!fs.existsSync(full)) continue;
      const body = fs.readFileSync(full);
      app.get(`/${file}`, (c) => {
        c.header('Content-Type', type);
        c.header('Cache-Control', 'no-cache');
        return c.body(new Uint8Array(body));
      });
    }
    const indexHtml = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(indexHtml)));
  }
  return { app, router };
}
