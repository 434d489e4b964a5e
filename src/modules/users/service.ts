import type { Db } from '../../db/client';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import { ROLE_LABELS_VI, type Actor } from '../access/actor';
import { audit, systemActor, type AuditActor } from '../audit/audit';
import { clearThrottle } from '../auth/repo';
import { assertPasswordAcceptable } from '../auth/common-passwords';
import { generatePassword, hashPassword } from '../auth/password';
import { accountKey } from '../../domain/auth/throttle';
import { inForce } from '../../domain/validity';
import {
  NewUser,
  type GrantInput,
  type GrantView,
  type ResetPasswordResult,
  type UserSummary,
  type UsersList,
} from './contracts';
import { can, type UserAction } from './policy';
import * as repo from './repo';

export { NewUser, type UserSummary };

/**
 * Who is acting on accounts: a signed-in user (checked by the policy), or the operator at the
 * command line (`giamngheo users …`, who holds the database itself and is not checked).
 */
export type Caller = { actor: Actor } | { system: string };

const auditActorOf = (c: Caller): AuditActor => ('actor' in c ? actorForAudit(c.actor) : systemActor(c.system));

function allow(c: Caller, action: UserAction, target?: repo.UserRow) {
  if ('system' in c) return;
  if (!can(c.actor, action, target && { id: target.id, active: target.active })) throw forbidden();
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function grantView(g: repo.GrantRow): GrantView {
  return {
    role: g.role,
    agencyId: g.agency_id,
    unitId: g.unit_id,
    validFrom: g.valid_from,
    validTo: g.valid_to,
    inForce: g.in_force,
  };
}

function summary(u: repo.UserRow, grants: repo.GrantRow[], viewer: Actor | null): UserSummary {
  const target = { id: u.id, active: u.active };
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    email: u.email,
    active: u.active,
    lockedAt: iso(u.locked_at),
    lockedBy: u.locked_by,
    mustChangePassword: u.must_change_password,
    lastLoginAt: iso(u.last_login_at),
    grants: grants.filter((g) => g.user_id === u.id).map(grantView),
    can: {
      resetPassword: can(viewer, 'reset_password', target),
      lock: can(viewer, 'lock', target),
      unlock: can(viewer, 'unlock', target),
      editGrants: can(viewer, 'edit_grants', target),
    },
  };
}

async function summaryOf(db: Db, userId: number, viewer: Actor | null): Promise<UserSummary> {
  const u = await repo.findUserById(db, userId);
  if (!u) throw notFound(`Không có tài khoản mã ${userId}.`);
  return summary(u, await repo.grantsOf(db, [userId]), viewer);
}

const normaliseGrants = (grants: NewUser['grants']): GrantInput[] =>
  grants.map((g) => ({
    role: g.role,
    agencyId: g.agencyId ?? null,
    unitId: g.unitId ?? null,
    validFrom: g.validFrom ?? null,
    validTo: g.validTo ?? null,
  }));

async function checkGrantTargets(tx: Db, grants: GrantInput[]) {
  for (const g of grants) {
    const label = ROLE_LABELS_VI[g.role];
    if ((g.role === 'province_officer' || g.role === 'commune_officer') && !g.unitId)
      throw badRequest(`Vai trò "${label}" cần một đơn vị hành chính.`);
    if (g.role === 'ministry_lead' && !g.agencyId) throw badRequest(`Vai trò "${label}" cần một cơ quan.`);
    if (g.unitId) {
      const unit = await repo.unitLevel(tx, g.unitId);
      if (!unit) throw badRequest(`Không có đơn vị hành chính mã ${g.unitId}.`);
      const expected = g.role === 'province_officer' ? 'province' : g.role === 'commune_officer' ? 'commune' : null;
      if (expected && unit.level !== expected)
        throw badRequest(`Vai trò "${label}" phải gắn với đơn vị cấp ${expected === 'province' ? 'tỉnh' : 'xã'}.`);
    }
    if (g.agencyId && !(await repo.agencyExists(tx, g.agencyId)))
      throw badRequest(`Không có cơ quan mã ${g.agencyId}.`);
    if (g.validFrom && g.validTo && g.validTo < g.validFrom)
      throw badRequest('Ngày kết thúc của vai trò phải sau ngày bắt đầu.');
  }
}

/** Refuses a change that would leave no unlocked account holding an administrator grant today. */
async function keepAnAdmin(tx: Db, userId: number, stillAdmin: boolean) {
  if (stillAdmin) return;
  const before = await repo.grantsOf(tx, [userId]);
  const wasAdmin = before.some((g) => g.role === 'admin' && g.in_force);
  if (wasAdmin && (await repo.otherActiveAdmins(tx, userId)) === 0) {
    throw conflict(
      'Đây là tài khoản quản trị duy nhất đang hoạt động: hãy tạo hoặc mở khóa một tài khoản quản trị khác trước.',
    );
  }
}

export async function createUser(
  db: Db,
  by: AuditActor,
  input: NewUser,
  opts: { mustChangePassword?: boolean } = {},
): Promise<UserSummary> {
  assertPasswordAcceptable(input.password, { username: input.username, displayName: input.displayName });
  const passwordHash = await hashPassword(input.password);
  const grants = normaliseGrants(input.grants);
  return db.tx(async (tx) => {
    if (await repo.findUserByUsername(tx, input.username)) throw conflict(`Tên đăng nhập "${input.username}" đã có.`);
    await checkGrantTargets(tx, grants);
    const id = await repo.insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      passwordHash,
      mustChangePassword: opts.mustChangePassword ?? false,
    });
    await repo.replaceGrants(tx, id, grants);
    const created = await summaryOf(tx, id, null);
    const { can: _can, ...after } = created;
    await audit(tx, by, { action: 'users.user.create', entity: 'user', entityId: id, after });
    return created;
  });
}

export async function listUsers(db: Db, viewer: Actor): Promise<UsersList> {
  if (!can(viewer, 'list')) throw forbidden();
  const users = await repo.allUsers(db);
  const grants = await repo.grantsOf(db, null);
  return { items: users.map((u) => summary(u, grants, viewer)), can: { create: can(viewer, 'create') } };
}

async function target(tx: Db, userId: number) {
  const u = await repo.lockUserRow(tx, userId);
  if (!u) throw notFound(`Không có tài khoản mã ${userId}.`);
  return u;
}

/**
 * Sets a new password for another account and ends its sessions. Without `password`, a one-time
 * password is generated, returned once, and must be changed at the next sign-in. The account's
 * failed sign-in count is cleared, so that a recovered administrator can sign in at once.
 */
export async function resetPassword(
  db: Db,
  caller: Caller,
  userId: number,
  opts: { password?: string } = {},
): Promise<ResetPasswordResult> {
  const temporaryPassword = opts.password ?? generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return db.tx(async (tx) => {
    const u = await target(tx, userId);
    allow(caller, 'reset_password', u);
    if (opts.password)
      assertPasswordAcceptable(
        opts.password,
        { username: u.username, displayName: u.display_name },
        'GIAMNGHEO_NEW_PASSWORD',
      );
    const mustChange = !opts.password;
    await repo.setPassword(tx, u.id, passwordHash, mustChange);
    const ended = await repo.deleteSessionsOf(tx, u.id);
    await clearThrottle(tx, accountKey(u.username));
    await audit(tx, auditActorOf(caller), {
      action: 'users.password.reset',
      entity: 'user',
      entityId: u.id,
      after: {
        username: u.username,
        generated: !opts.password,
        mustChangePassword: mustChange,
        sessionsEnded: ended.length,
      },
    });
    return { user: await summaryOf(tx, u.id, 'actor' in caller ? caller.actor : null), temporaryPassword };
  });
}

/** Locks an account: sign-in is refused and every session of the account ends now. */
export async function lockUser(db: Db, caller: Caller, userId: number): Promise<UserSummary> {
  return db.tx(async (tx) => {
    const u = await target(tx, userId);
    allow(caller, 'lock', u);
    if (!u.active) throw conflict(`Tài khoản "${u.username}" đã bị khóa.`);
    await keepAnAdmin(tx, u.id, false);
    const by = auditActorOf(caller);
    await repo.setLocked(tx, u.id, by.username);
    await repo.deleteSessionsOf(tx, u.id);
    await audit(tx, by, {
      action: 'users.user.lock',
      entity: 'user',
      entityId: u.id,
      before: { active: true },
      after: { active: false, username: u.username },
    });
    return summaryOf(tx, u.id, 'actor' in caller ? caller.actor : null);
  });
}

export async function unlockUser(db: Db, caller: Caller, userId: number): Promise<UserSummary> {
  return db.tx(async (tx) => {
    const u = await target(tx, userId);
    allow(caller, 'unlock', u);
    if (u.active) throw conflict(`Tài khoản "${u.username}" không bị khóa.`);
    await repo.setLocked(tx, u.id, null);
    await clearThrottle(tx, accountKey(u.username));
    await audit(tx, auditActorOf(caller), {
      action: 'users.user.unlock',
      entity: 'user',
      entityId: u.id,
      before: { active: false },
      after: { active: true, username: u.username },
    });
    return summaryOf(tx, u.id, 'actor' in caller ? caller.actor : null);
  });
}

/** Replaces an account's grants (roles with their unit or agency and dates). */
export async function setGrants(db: Db, caller: Caller, userId: number, input: GrantInput[]): Promise<UserSummary> {
  const grants = normaliseGrants(input);
  return db.tx(async (tx) => {
    const u = await target(tx, userId);
    allow(caller, 'edit_grants', u);
    await checkGrantTargets(tx, grants);
    const today = await repo.todayVn(tx);
    const stillAdmin = u.active && grants.some((g) => g.role === 'admin' && inForce(g, today, 'inclusive'));
    await keepAnAdmin(tx, u.id, stillAdmin);
    const before = (await repo.grantsOf(tx, [u.id])).map(grantView);
    await repo.replaceGrants(tx, u.id, grants);
    const after = await summaryOf(tx, u.id, 'actor' in caller ? caller.actor : null);
    await audit(tx, auditActorOf(caller), {
      action: 'users.grants.update',
      entity: 'user',
      entityId: u.id,
      before: { grants: before.map(({ inForce: _i, ...g }) => g) },
      after: { username: u.username, grants: after.grants.map(({ inForce: _i, ...g }) => g) },
    });
    return after;
  });
}

/**
 * The unit of a grant given on the command line: a unit id ('P:01:2025-07-01') as it is, or a code
 * ('01', '00004') read as the unit in force today at the level the role needs.
 */
export async function unitIdForRole(db: Db, role: GrantInput['role'], unit: string): Promise<string> {
  if (unit.includes(':')) return unit;
  const level = role === 'province_officer' ? 'province' : role === 'commune_officer' ? 'commune' : null;
  if (!level) throw badRequest(`Vai trò "${ROLE_LABELS_VI[role]}" không gắn với đơn vị hành chính.`);
  const found = await repo.currentUnitByCode(db, level, unit);
  if (!found)
    throw badRequest(
      `Không có ${level === 'province' ? 'tỉnh, thành phố' : 'xã, phường'} mã ${unit} đang có hiệu lực hôm nay.`,
    );
  return found.id;
}

export async function userIdByUsername(db: Db, username: string): Promise<number> {
  const u = await repo.findUserByUsername(db, username);
  if (!u) throw notFound(`Không có tài khoản "${username}".`);
  return u.id;
}

export async function listAllUsers(db: Db): Promise<UserSummary[]> {
  const users = await repo.allUsers(db);
  const grants = await repo.grantsOf(db, null);
  return users.map((u) => summary(u, grants, null));
}

/**
 * First start: creates the administrator `admin` when no administrator exists. The password
 * comes from GIAMNGHEO_ADMIN_PASSWORD (checked against the password policy) or is generated;
 * a generated one is returned so the caller can print it once, and must be changed at the
 * first sign-in.
 */
export async function ensureFirstAdmin(
  db: Db,
  configuredPassword?: string,
): Promise<{ created: boolean; generatedPassword?: string }> {
  if (await repo.anyAdminGrant(db)) return { created: false };
  const generatedPassword = configuredPassword ? undefined : generatePassword();
  await createUser(
    db,
    systemActor(),
    {
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      password: configuredPassword ?? (generatedPassword as string),
      grants: [{ role: 'admin', agencyId: null, unitId: null }],
    },
    { mustChangePassword: !configuredPassword },
  );
  return { created: true, generatedPassword };
}

export const actorForAudit = (actor: Actor): AuditActor => ({ userId: actor.userId, username: actor.username });
