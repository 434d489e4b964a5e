import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Actor, Grant, Role } from '../access/actor';
import { GRANT_IN_FORCE } from '../users/repo';

export const SESSION_COOKIE = 'gn_session';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: number, ttlMinutes: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))`,
    [hashToken(token), userId, ttlMinutes],
  );
  return token;
}

export type SessionLookup = { actor: Actor } | { expired: true } | undefined;

/**
 * The actor of a session token, sliding its idle expiry forward; `expired` when it has lapsed or
 * when it is older than the absolute lifetime (maxHours), however active it was.
 */
export async function lookupSession(
  db: Db,
  tokenHash: string,
  ttlMinutes: number,
  maxHours = 12,
): Promise<SessionLookup> {
  const row = await db.maybeOne<{ user_id: number; expired: boolean; active: boolean }>(
    `SELECT s.user_id, (s.expires_at <= now() OR s.created_at <= now() - make_interval(hours => $2)) AS expired, u.active
       FROM user_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = $1`,
    [tokenHash, maxHours],
  );
  if (!row) return undefined;
  if (row.expired || !row.active) {
    await db.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
    return { expired: true };
  }
  await db.query(
    `UPDATE user_session SET expires_at = now() + make_interval(mins => $2)
      WHERE token_hash = $1 AND expires_at < now() + make_interval(mins => $2) - interval '1 minute'`,
    [tokenHash, ttlMinutes],
  );
  const actor = await loadActor(db, row.user_id);
  return actor ? { actor } : undefined;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
}

export async function loadActor(db: Db, userId: number): Promise<Actor | undefined> {
  const user = await db.maybeOne<{ id: number; username: string; display_name: string; must_change_password: boolean }>(
    'SELECT id, username, display_name, must_change_password FROM app_user WHERE id = $1 AND active',
    [userId],
  );
  if (!user) return undefined;
  // Only the grants that hold today (Vietnam time) give rights.
  const grants = await db.query<{ role: Role; agency_id: string | null; unit_id: string | null }>(
    `SELECT g.role, g.agency_id, g.unit_id FROM user_grant g WHERE g.user_id = $1 AND ${GRANT_IN_FORCE} ORDER BY g.id`,
    [userId],
  );
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    ...(user.must_change_password ? { mustChangePassword: true } : {}),
    grants: grants.map((g): Grant => ({ role: g.role, agencyId: g.agency_id, unitId: g.unit_id })),
  };
}
