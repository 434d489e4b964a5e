import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { z } from 'zod';
import { clientAddress } from '../../domain/auth/client-address';
import { AppError, unauthorized } from '../../errors';
import type { Router } from '../../server/route-registry';
import type { AppDeps, AppEnv } from '../../server/types';
import { requireActor, ROLE_LABELS_VI } from '../access/actor';
import { audit } from '../audit/audit';
import { ChangePassword } from '../users/contracts';
import { OkAnswer } from '../../validate';
import { LoginAnswer, Me } from './contracts';
import { permissionsOf } from './permissions';
import { changeOwnPassword, login } from './service';
import { deleteSession, loadActor, SESSION_COOKIE } from './session';

const Login = z.object({
  username: z.string().trim().min(1, { message: 'Cần tên đăng nhập.' }).max(200),
  password: z.string().min(1, { message: 'Cần mật khẩu.' }).max(1000),
});

/** The client's address: the socket peer, or X-Forwarded-For when the peer is a trusted proxy. */
function addressOf(c: Context<AppEnv>, trustedProxies: readonly string[]): string {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    /* app.request() in tests has no socket */
  }
  return clientAddress(peer, c.req.header('x-forwarded-for'), trustedProxies);
}

export function registerAuthRoutes(r: Router, deps: AppDeps) {
  r.post(
    '/api/auth/login',
    { summary: 'Đăng nhập', access: 'public', tags: ['auth'], body: Login, response: LoginAnswer },
    async ({ c, body }) => {
      try {
        const { token, userId } = await login(
          deps.db,
          { ...body, address: addressOf(c, deps.config.trustedProxies) },
          deps.config.sessionTtlMinutes,
        );
        setCookie(c, SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'Strict',
          path: '/',
          secure: deps.config.secureCookies,
          maxAge: deps.config.sessionTtlMinutes * 60,
        });
        return { user: await loadActor(deps.db, userId) };
      } catch (err) {
        const retry =
          err instanceof AppError && err.status === 429
            ? (err.details as { retryAfterSeconds?: number })?.retryAfterSeconds
            : undefined;
        if (retry) c.header('Retry-After', String(retry));
        throw err;
      }
    },
  );

  r.post(
    '/api/auth/logout',
    { summary: 'Đăng xuất', access: 'authenticated', tags: ['auth'], duringPasswordChange: true, response: OkAnswer },
    async ({ c, actor }) => {
      const tokenHash = c.get('sessionTokenHash');
      const a = requireActor(actor);
      await deps.db.tx(async (tx) => {
        if (tokenHash) await deleteSession(tx, tokenHash);
        await audit(tx, a, { action: 'auth.session.logout', entity: 'user', entityId: a.userId });
      });
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  r.get(
    '/api/auth/me',
    { summary: 'Người dùng đang đăng nhập', access: 'public', tags: ['auth'], response: Me },
    ({ actor }) => {
      if (!actor) throw unauthorized();
      return { user: actor, roleLabels: ROLE_LABELS_VI, can: permissionsOf(actor) };
    },
  );

  r.post(
    '/api/auth/password',
    {
      summary: 'Đổi mật khẩu của mình',
      access: 'authenticated',
      tags: ['auth'],
      body: ChangePassword,
      duringPasswordChange: true,
      response: OkAnswer,
    },
    async ({ c, actor, body }) => {
      await changeOwnPassword(deps.db, requireActor(actor), body, c.get('sessionTokenHash'));
      return { ok: true };
    },
  );
}
