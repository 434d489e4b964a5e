import type { Db } from '../../db/client';

/** Milliseconds before any of `keys` may try again (0 = now). */
export async function blockedFor(db: Db, keys: string[]): Promise<number> {
  const row = await db.one<{ ms: number | null }>(
    `SELECT (greatest(0, extract(epoch FROM max(blocked_until) - now())) * 1000)::float8 AS ms
       FROM login_throttle WHERE key = ANY($1::text[])`,
    [keys],
  );
  return Math.ceil(row.ms ?? 0);
}

/** Counts one failure on `key` (restarting after `forgetAfterMs` without one); returns the count. */
export async function countFailure(tx: Db, key: string, forgetAfterMs: number): Promise<number> {
  // Forgotten keys are removed as we go: the table stays as small as the recent failures.
  await tx.query(`DELETE FROM login_throttle WHERE last_failure_at < now() - make_interval(secs => $1) AND key <> $2`, [
    forgetAfterMs / 1000,
    key,
  ]);
  const row = await tx.one<{ failures: number }>(
    `INSERT INTO login_throttle (key, failures, last_failure_at) VALUES ($1, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN login_throttle.last_failure_at < now() - make_interval(secs => $2) THEN 1 ELSE login_throttle.failures + 1 END,
       blocked_until = CASE WHEN login_throttle.last_failure_at < now() - make_interval(secs => $2) THEN NULL ELSE login_throttle.blocked_until END,
       last_failure_at = now()
     RETURNING failures`,
    [key, forgetAfterMs / 1000],
  );
  return row.failures;
}

export const blockKey = (tx: Db, key: string, ms: number) =>
  tx.query(`UPDATE login_throttle SET blocked_until = now() + make_interval(secs => $2) WHERE key = $1`, [
    key,
    ms / 1000,
  ]);

export const clearThrottle = (tx: Db, key: string) => tx.query('DELETE FROM login_throttle WHERE key = $1', [key]);

export const recordLogin = (tx: Db, userId: number) =>
  tx.query('UPDATE app_user SET last_login_at = now() WHERE id = $1', [userId]);
