import type { Db } from '../../db/client';
import {
  accountKey,
  ACCOUNT_RULE,
  ADDRESS_RULE,
  addressKey,
  delayAfter,
  FORGET_AFTER_MS,
  waitTextVi,
} from '../../domain/auth/throttle';
import { AppError, badRequest } from '../../errors';
import type { Actor } from '../access/actor';
import { audit, type AuditActor } from '../audit/audit';
import * as users from '../users/repo';
import type { ChangePassword } from '../users/contracts';
import { assertPasswordAcceptable } from './common-passwords';
import { hashPassword, verifyPassword } from './password';
import * as repo from './repo';
import { createSession } from './session';

// A hash of a random password: verifying against it takes as long as a real check,
// so an unknown user name cannot be told from a wrong password by timing.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$1Q0T6Xq8t4f6Vn1n3fK3y2kqvGx0m3dJtq6kqQy3tJk';

/** Who tried to sign in: nobody is signed in yet. */
const ANONYMOUS: AuditActor = { userId: null, username: 'ẩn danh' };

export const tooManyAttempts = (waitMs: number) =>
  new AppError(429, 'too_many_attempts', `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${waitTextVi(waitMs)}.`, {
    retryAfterSeconds: Math.ceil(waitMs / 1000),
  });

export interface LoginAttempt {
  username: string;
  password: string;
  /** Client address as decided by the trusted-proxy setting. */
  address: string;
}

/**
 * Checks a sign-in attempt and opens a session. Failures are counted per account and per address
 * in the database and recorded in the audit trail with the wait they cause; during a wait every
 * attempt is refused (429) without checking the password (the failure that starts a wait is
 * still answered "wrong user name or password"). A locked account is refused after the
 * password check, so that its state is told only to whoever knows the password.
 */
export async function login(
  db: Db,
  a: LoginAttempt,
  sessionTtlMinutes: number,
): Promise<{ token: string; userId: number }> {
  const keys = { account: accountKey(a.username), address: addressKey(a.address) };
  const wait = await repo.blockedFor(db, [keys.account, keys.address]);
  if (wait > 0) throw tooManyAttempts(wait);

  const user = await users.findUserByUsername(db, a.username);
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, a.password);
  const attempted = a.username.slice(0, 64);
  if (!user || !ok) {
    await db.tx(async (tx) => {
      const accountFailures = await repo.countFailure(tx, keys.account, FORGET_AFTER_MS);
      const addressFailures = await repo.countFailure(tx, keys.address, FORGET_AFTER_MS);
      const accountDelay = delayAfter(accountFailures, ACCOUNT_RULE);
      const addressDelay = delayAfter(addressFailures, ADDRESS_RULE);
      if (accountDelay) await repo.blockKey(tx, keys.account, accountDelay);
      if (addressDelay) await repo.blockKey(tx, keys.address, addressDelay);
      await audit(tx, ANONYMOUS, {
        action: 'auth.login.failed',
        entity: 'user',
        entityId: user?.id ?? null,
        after: {
          username: attempted,
          address: a.address,
          accountFailures,
          addressFailures,
          delaySeconds: Math.ceil(Math.max(accountDelay, addressDelay) / 1000),
        },
      });
    });
    throw new AppError(401, 'invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  if (!user.active) {
    await db.tx((tx) =>
      audit(tx, ANONYMOUS, {
        action: 'auth.login.locked',
        entity: 'user',
        entityId: user.id,
        after: { username: user.username, address: a.address },
      }),
    );
    throw new AppError(403, 'account_locked', 'Tài khoản này đã bị khóa. Hãy liên hệ quản trị hệ thống.');
  }
  const token = await db.tx(async (tx) => {
    await repo.clearThrottle(tx, keys.account);
    await repo.recordLogin(tx, user.id);
    const t = await createSession(tx, user.id, sessionTtlMinutes);
    await audit(
      tx,
      { userId: user.id, username: user.username },
      { action: 'auth.session.login', entity: 'user', entityId: user.id, after: { address: a.address } },
    );
    return t;
  });
  return { token, userId: user.id };
}

/**
 * A signed-in user changes their own password with the current one. Their other sessions end
 * (a stolen session does not survive the change); the one in use stays.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: ChangePassword,
  currentTokenHash: string | null,
): Promise<void> {
  const user = await users.findUserById(db, actor.userId);
  if (!user) throw badRequest('Không tìm thấy tài khoản.');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await db.tx((tx) =>
      audit(
        tx,
        { userId: actor.userId, username: actor.username },
        { action: 'auth.password.change_failed', entity: 'user', entityId: actor.userId },
      ),
    );
    throw new AppError(400, 'wrong_password', 'Mật khẩu hiện tại không đúng.', {
      problems: [{ path: 'body.currentPassword', message: 'Mật khẩu hiện tại không đúng.' }],
    });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError(422, 'invalid', 'Mật khẩu chưa đạt yêu cầu.', {
      problems: [{ path: 'body.newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' }],
    });
  }
  assertPasswordAcceptable(
    input.newPassword,
    { username: user.username, displayName: user.display_name },
    'body.newPassword',
  );
  const hash = await hashPassword(input.newPassword);
  await db.tx(async (tx) => {
    await users.setPassword(tx, user.id, hash, false);
    const ended = await users.deleteSessionsOf(tx, user.id, currentTokenHash);
    await audit(
      tx,
      { userId: actor.userId, username: actor.username },
      {
        action: 'auth.password.change',
        entity: 'user',
        entityId: user.id,
        after: { wasRequired: user.must_change_password, otherSessionsEnded: ended.length },
      },
    );
  });
}
