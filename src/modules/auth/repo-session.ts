import type { Db } from '../../db/client';
import type { Role } from '../access/actor';
import { GRANT_IN_FORCE } from '../users/repo';

export async function insertSession(db: Db, tokenHash: string, userId: number, ttlMinutes: number): Promise<void> {
  await db.query(
    `INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))`,
    [tokenHash, userId, ttlMinutes],
  );
}

/** A session with whether it has lapsed (idle expiry or older than maxHours) and whether its user is active. */
export function findSession(db: Db, tokenHash: string, maxHours: number) {
  return db.maybeOne<{ user_id: number; expired: boolean; active: boolean }>(
    `SELECT s.user_id, (s.expires_at <= now() OR s.created_at <= now() - make_interval(hours => $2)) AS expired, u.active
       FROM user_session s JOIN app_user u ON u.id = s.user_id
      WHERE s.token_hash = $1`,
    [tokenHash, maxHours],
  );
}

/**
 * Slides the idle expiry forward, at most once a minute (each write is a row version). A session that
 * expired after the request looked it up stays expired: a request in flight does not revive it.
 */
export async function extendSession(db: Db, tokenHash: string, ttlMinutes: number): Promise<void> {
  await db.query(
    `UPDATE user_session SET expires_at = now() + make_interval(mins => $2)
      WHERE token_hash = $1 AND expires_at > now()
        AND expires_at < now() + make_interval(mins => $2) - interval '1 minute'`,
    [tokenHash, ttlMinutes],
  );
}

export async function deleteSessionRow(db: Db, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM user_session WHERE token_hash = $1', [tokenHash]);
}

export function findActiveUser(db: Db, userId: number) {
  return db.maybeOne<{ id: number; username: string; display_name: string; must_change_password: boolean }>(
    'SELECT id, username, display_name, must_change_password FROM app_user WHERE id = $1 AND active',
    [userId],
  );
}

/** Only the grants that hold today (Vietnam time) give rights. */
export function grantsInForce(db: Db, userId: number) {
  return db.query<{ role: Role; agency_id: string | null; unit_id: string | null }>(
    `SELECT g.role, g.agency_id, g.unit_id FROM user_grant g WHERE g.user_id = $1 AND ${GRANT_IN_FORCE} ORDER BY g.id`,
    [userId],
  );
}
