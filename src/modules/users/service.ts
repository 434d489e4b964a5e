import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { badRequest, conflict } from '../../errors';
import { ROLES, type Actor, type Grant } from '../access/actor';
import { audit, systemActor, type AuditActor } from '../audit/audit';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password';

export const NewUser = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]{3,40}$/, { message: 'Tên đăng nhập gồm 3–40 ký tự a-z, 0-9, dấu chấm, gạch dưới hoặc gạch ngang.' }),
  displayName: z.string().trim().min(1, { message: 'Cần họ tên.' }).max(120),
  email: z.string().email({ message: 'Địa chỉ e-mail không hợp lệ.' }).optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH, { message: `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.` }),
  grants: z
    .array(
      z.object({
        role: z.enum(ROLES),
        agencyId: z.string().nullable().default(null),
        unitId: z.string().nullable().default(null),
      }),
    )
    .min(1, { message: 'Cần ít nhất một vai trò.' }),
});
export type NewUser = z.infer<typeof NewUser>;

export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  active: boolean;
  grants: Grant[];
}

async function checkGrantTargets(tx: Db, grants: Grant[]) {
  for (const g of grants) {
    if ((g.role === 'province_officer' || g.role === 'commune_officer') && !g.unitId) {
      throw badRequest(`Vai trò ${g.role} cần một đơn vị hành chính.`);
    }
    if (g.role === 'ministry_lead' && !g.agencyId) throw badRequest('Vai trò bộ chủ trì cần một cơ quan.');
    if (g.unitId) {
      const unit = await tx.maybeOne<{ level: string }>('SELECT level FROM admin_unit WHERE id = $1', [g.unitId]);
      if (!unit) throw badRequest(`Không có đơn vị hành chính mã ${g.unitId}.`);
      const expected = g.role === 'province_officer' ? 'province' : g.role === 'commune_officer' ? 'commune' : null;
      if (expected && unit.level !== expected) {
        throw badRequest(`Vai trò ${g.role} phải gắn với đơn vị cấp ${expected === 'province' ? 'tỉnh' : 'xã'}.`);
      }
    }
    if (g.agencyId && !(await tx.maybeOne('SELECT 1 FROM agency WHERE id = $1', [g.agencyId]))) {
      throw badRequest(`Không có cơ quan mã ${g.agencyId}.`);
    }
  }
}

export async function createUser(db: Db, by: AuditActor, input: NewUser): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.password);
  return db.tx(async (tx) => {
    if (await tx.maybeOne('SELECT 1 FROM app_user WHERE username = $1', [input.username])) {
      throw conflict(`Tên đăng nhập "${input.username}" đã có.`);
    }
    await checkGrantTargets(tx, input.grants);
    const user = await tx.one<{ id: number }>(
      'INSERT INTO app_user (username, display_name, email, password_hash) VALUES ($1, $2, $3, $4) RETURNING id',
      [input.username, input.displayName, input.email ?? null, passwordHash],
    );
    for (const g of input.grants) {
      await tx.query('INSERT INTO user_grant (user_id, role, agency_id, unit_id) VALUES ($1, $2, $3, $4)', [user.id, g.role, g.agencyId, g.unitId]);
    }
    const summary: UserSummary = { id: user.id, username: input.username, displayName: input.displayName, active: true, grants: input.grants };
    await audit(tx, by, { action: 'users.user.create', entity: 'user', entityId: user.id, after: summary });
    return summary;
  });
}

export async function listUsers(db: Db): Promise<UserSummary[]> {
  const users = await db.query<{ id: number; username: string; display_name: string; active: boolean }>(
    'SELECT id, username, display_name, active FROM app_user ORDER BY username',
  );
  const grants = await db.query<{ user_id: number; role: Grant['role']; agency_id: string | null; unit_id: string | null }>(
    'SELECT user_id, role, agency_id, unit_id FROM user_grant ORDER BY id',
  );
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    active: u.active,
    grants: grants.filter((g) => g.user_id === u.id).map((g) => ({ role: g.role, agencyId: g.agency_id, unitId: g.unit_id })),
  }));
}

/**
 * First start: creates the administrator `admin` when no administrator exists. The password
 * comes from GIAMNGHEO_ADMIN_PASSWORD or is generated; a generated one is returned so the
 * caller can print it once.
 */
export async function ensureFirstAdmin(db: Db, configuredPassword?: string): Promise<{ created: boolean; generatedPassword?: string }> {
  const existing = await db.maybeOne(`SELECT 1 FROM user_grant WHERE role = 'admin' LIMIT 1`);
  if (existing) return { created: false };
  const generatedPassword = configuredPassword ? undefined : randomBytes(12).toString('base64url');
  await createUser(db, systemActor(), {
    username: 'admin',
    displayName: 'Quản trị hệ thống',
    password: configuredPassword ?? (generatedPassword as string),
    grants: [{ role: 'admin', agencyId: null, unitId: null }],
  });
  return { created: true, generatedPassword };
}

export const actorForAudit = (actor: Actor): AuditActor => ({ userId: actor.userId, username: actor.username });
