import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Actor, Grant } from '../access/actor';
import * as repo from './repo-session';

export const SESSION_COOKIE = 'gn_session';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: number, ttlMinutes: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await repo.insertSession(db, hashToken(token), userId, ttlMinutes);
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
  const row = await repo.findSession(db, tokenHash, maxHours);
  if (!row) return undefined;
  if (row.expired || !row.active) {
    await repo.deleteSessionRow(db, tokenHash);
    return { expired: true };
  }
  await repo.extendSession(db, tokenHash, ttlMinutes);
  const actor = await loadActor(db, row.user_id);
  return actor ? { actor } : undefined;
}

export const deleteSession = (db: Db, tokenHash: string): Promise<void> => repo.deleteSessionRow(db, tokenHash);

export async function loadActor(db: Db, userId: number): Promise<Actor | undefined> {
  const user = await repo.findActiveUser(db, userId);
  if (!user) return undefined;
  const grants = await repo.grantsInForce(db, userId);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    ...(user.must_change_password ? { mustChangePassword: true } : {}),
    grants: grants.map((g): Grant => ({ role: g.role, agencyId: g.agency_id, unitId: g.unit_id })),
  };
}
