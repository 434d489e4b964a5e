import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from 'zod';
import { AppError, unauthorized } from '../../errors';
import type { Router } from '../../server/route-registry';
import type { AppDeps } from '../../server/types';
import { ROLE_LABELS_VI } from '../access/actor';
import { audit } from '../audit/audit';
import { verifyPassword } from './password';
import { LoginRateLimiter } from './rate-limit';
import { createSession, deleteSession, loadActor, SESSION_COOKIE } from './session';

const Login = z.object({
  username: z.string().trim().min(1, { message: 'Cần tên đăng nhập.' }),
  password: z.string().min(1, { message: 'Cần mật khẩu.' }),
});

// A hash of a random password: verifying against it takes as long as a real check,
// so an unknown user name cannot be told from a wrong password by timing.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$1Q0T6Xq8t4f6Vn1n3fK3y2kqvGx0m3dJtq6kqQy3tJk';

export function registerAuthRoutes(r: Router, deps: AppDeps) {
  const limiter = new LoginRateLimiter();

  r.post('/api/auth/login', { summary: 'Đăng nhập', access: 'public', tags: ['auth'], body: Login }, async ({ c, body }) => {
    let address = 'unknown';
    try {
      address = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      /* app.request() in tests has no socket */
    }
    const wait = limiter.retryAfter(address, body.username);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new AppError(429, 'too_many_attempts', `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(wait / 60_000)} phút.`);
    }
    const user = await deps.db.maybeOne<{ id: number; password_hash: string }>(
      'SELECT id, password_hash FROM app_user WHERE username = $1 AND active',
      [body.username],
    );
    const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, body.password);
    if (!user || !ok) {
      limiter.recordFailure(address, body.username);
      throw new AppError(401, 'invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    limiter.recordSuccess(address, body.username);
    const token = await deps.db.tx(async (tx) => {
      const t = await createSession(tx, user.id, deps.config.sessionTtlMinutes);
      await audit(tx, { userId: user.id, username: body.username }, { action: 'auth.session.login', entity: 'user', entityId: user.id });
      return t;
    });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: deps.config.secureCookies,
      maxAge: deps.config.sessionTtlMinutes * 60,
    });
    const actor = await loadActor(deps.db, user.id);
    return { user: actor };
  });

  r.post('/api/auth/logout', { summary: 'Đăng xuất', access: 'authenticated', tags: ['auth'] }, async ({ c, actor }) => {
    const tokenHash = c.get('sessionTokenHash');
    const a = actor as NonNullable<typeof actor>;
    await deps.db.tx(async (tx) => {
      if (tokenHash) await deleteSession(tx, tokenHash);
      await audit(tx, a, { action: 'auth.session.logout', entity: 'user', entityId: a.userId });
    });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/api/auth/me', { summary: 'Người dùng đang đăng nhập', access: 'public', tags: ['auth'] }, ({ actor }) => {
    if (!actor) throw unauthorized();
    return { user: actor, roleLabels: ROLE_LABELS_VI };
  });
}
