import type { Db } from '../../db/client';
import type { Role } from '../../domain/roles';
import { inForceSql } from '../../domain/validity';
import type { GrantInput } from './contracts';

/** The calendar day in Vietnam, for grants' validity. */
export const TODAY_VN = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
/** A grant row `g` holds today. */
export const GRANT_IN_FORCE = inForceSql('g.valid_from', 'g.valid_to', TODAY_VN, {
  end: 'inclusive',
  nullableFrom: true,
});

/** Today's date in Vietnam as the database sees it (the day grants are judged on). */
export const todayVn = async (db: Db) => (await db.one<{ d: string }>(`SELECT ${TODAY_VN}::text AS d`)).d;

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  active: boolean;
  must_change_password: boolean;
  last_login_at: Date | null;
  locked_at: Date | null;
  locked_by: string | null;
}

export interface GrantRow {
  user_id: number;
  role: Role;
  agency_id: string | null;
  unit_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  in_force: boolean;
}

const USER_COLUMNS =
  'id, username, display_name, email, password_hash, active, must_change_password, last_login_at, locked_at, locked_by';

export const findUserById = (db: Db, id: number) =>
  db.maybeOne<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1`, [id]);

export const findUserByUsername = (db: Db, username: string) =>
  db.maybeOne<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user WHERE username = $1`, [username]);

/** Locks the row for the rest of the transaction (two administrators acting on one account). */
export const lockUserRow = (tx: Db, id: number) =>
  tx.maybeOne<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1 FOR UPDATE`, [id]);

export const allUsers = (db: Db) => db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user ORDER BY username`);

export const grantsOf = (db: Db, userIds: number[] | null) =>
  db.query<GrantRow>(
    `SELECT g.user_id, g.role, g.agency_id, g.unit_id, g.valid_from, g.valid_to, ${GRANT_IN_FORCE} AS in_force
       FROM user_grant g ${userIds ? 'WHERE g.user_id = ANY($1::bigint[])' : ''} ORDER BY g.id`,
    userIds ? [userIds] : [],
  );

/**
 * The unit in force today with this code at this level (codes are reused across the 2025 reform, so the level matters).
 */
export const currentUnitByCode = (db: Db, level: string, code: string) =>
  db.maybeOne<{ id: string }>(
    `SELECT id FROM admin_unit WHERE level = $1 AND code = $2 AND ${inForceSql('valid_from', 'valid_to', TODAY_VN)} ORDER BY valid_from DESC LIMIT 1`,
    [level, code],
  );

export const unitLevel = (db: Db, unitId: string) =>
  db.maybeOne<{ level: string }>('SELECT level FROM admin_unit WHERE id = $1', [unitId]);

export const agencyExists = async (db: Db, agencyId: string) =>
  !!(await db.maybeOne('SELECT 1 FROM agency WHERE id = $1', [agencyId]));

export async function insertUser(
  tx: Db,
  u: { username: string; displayName: string; email: string | null; passwordHash: string; mustChangePassword: boolean },
) {
  return (
    await tx.one<{ id: number }>(
      `INSERT INTO app_user (username, display_name, email, password_hash, must_change_password, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
      [u.username, u.displayName, u.email, u.passwordHash, u.mustChangePassword],
    )
  ).id;
}

export async function replaceGrants(tx: Db, userId: number, grants: GrantInput[]) {
  await tx.query('DELETE FROM user_grant WHERE user_id = $1', [userId]);
  for (const g of grants) {
    await tx.query(
      'INSERT INTO user_grant (user_id, role, agency_id, unit_id, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6)',
      [userId, g.role, g.agencyId, g.unitId, g.validFrom, g.validTo],
    );
  }
}

export const setPassword = (tx: Db, userId: number, passwordHash: string, mustChange: boolean) =>
  tx.query(
    'UPDATE app_user SET password_hash = $2, must_change_password = $3, password_changed_at = now() WHERE id = $1',
    [userId, passwordHash, mustChange],
  );

export const setLocked = (tx: Db, userId: number, by: string | null) =>
  tx.query(
    by === null
      ? 'UPDATE app_user SET active = true, locked_at = NULL, locked_by = NULL WHERE id = $1'
      : 'UPDATE app_user SET active = false, locked_at = now(), locked_by = $2 WHERE id = $1',
    by === null ? [userId] : [userId, by],
  );

/** Ends sessions of a user, except one (the caller's own, when changing their own password). */
export const deleteSessionsOf = (tx: Db, userId: number, keepTokenHash: string | null = null) =>
  tx.query('DELETE FROM user_session WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2 RETURNING 1 AS ended', [
    userId,
    keepTokenHash,
  ]);

/** Accounts that hold an administrator grant today and are not locked, other than `exceptUserId`. */
export const otherActiveAdmins = async (tx: Db, exceptUserId: number) =>
  (
    await tx.one<{ n: number }>(
      `SELECT count(DISTINCT u.id)::int AS n FROM app_user u JOIN user_grant g ON g.user_id = u.id
        WHERE u.active AND g.role = 'admin' AND ${GRANT_IN_FORCE} AND u.id <> $1`,
      [exceptUserId],
    )
  ).n;

export const anyAdminGrant = async (db: Db) =>
  !!(await db.maybeOne(`SELECT 1 FROM user_grant WHERE role = 'admin' LIMIT 1`));
