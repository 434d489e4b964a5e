/**
 * Requests and answers of the account routes (/api/users, /api/auth/password), shared by routes, web, CLI and tests.
 */
import { z } from 'zod';
import { ROLES } from '../../domain/roles';
import { isIsoDate } from '../../domain/text';

const day = z.string().refine(isIsoDate, { message: 'Ngày phải có dạng YYYY-MM-DD và tồn tại.' });

export const GrantInput = z
  .object({
    role: z.enum(ROLES),
    agencyId: z.string().max(200).nullable().default(null),
    unitId: z.string().max(200).nullable().default(null),
    /** First day the grant holds (inclusive); null = from now on. */
    validFrom: day.nullable().default(null),
    /** Last day the grant holds (inclusive); null = open-ended. */
    validTo: day.nullable().default(null),
  })
  .refine((g) => !g.validFrom || !g.validTo || g.validTo >= g.validFrom, {
    message: 'Ngày kết thúc phải sau ngày bắt đầu.',
    path: ['validTo'],
  });
export type GrantInput = z.infer<typeof GrantInput>;

export const Username = z
  .string()
  .trim()
  .regex(/^[a-z0-9._-]{3,40}$/, {
    message: 'Tên đăng nhập gồm 3–40 ký tự a-z, 0-9, dấu chấm, gạch dưới hoặc gạch ngang.',
  });

/** The policy itself (length, common passwords, user name) is checked by the service. */
const Password = z.string().max(1000, { message: 'Mật khẩu quá dài.' });

export const NewUser = z.object({
  username: Username,
  displayName: z.string().trim().min(1, { message: 'Cần họ tên.' }).max(120),
  email: z.string().email({ message: 'Địa chỉ e-mail không hợp lệ.' }).optional(),
  password: Password,
  grants: z.array(GrantInput).min(1, { message: 'Cần ít nhất một vai trò.' }).max(50),
});
export type NewUser = z.input<typeof NewUser>;

export const SetGrants = z.object({ grants: z.array(GrantInput).max(50) });
export type SetGrants = z.input<typeof SetGrants>;

export const UserIdParams = z.object({
  id: z.coerce.number().int().positive({ message: 'Mã tài khoản không hợp lệ.' }),
});

export const ChangePassword = z.object({
  currentPassword: z.string().min(1, { message: 'Cần mật khẩu hiện tại.' }).max(1000),
  newPassword: Password,
});
export type ChangePassword = z.infer<typeof ChangePassword>;

export const GrantView = z.object({
  role: z.enum(ROLES),
  agencyId: z.string().nullable(),
  unitId: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** Holds today (Vietnam time). */
  inForce: z.boolean(),
});
export type GrantView = z.infer<typeof GrantView>;

/** What the caller may do with one account (the web shows only these buttons). */
export const UserPermissions = z.object({
  resetPassword: z.boolean(),
  lock: z.boolean(),
  unlock: z.boolean(),
  editGrants: z.boolean(),
});
export type UserPermissions = z.infer<typeof UserPermissions>;

export const UserSummary = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  /** false = locked: sign-in refused, sessions ended. */
  active: z.boolean(),
  lockedAt: z.string().nullable(),
  lockedBy: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  grants: z.array(GrantView),
  can: UserPermissions,
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UsersList = z.object({
  items: z.array(UserSummary),
  can: z.object({ create: z.boolean() }),
});
export type UsersList = z.infer<typeof UsersList>;

/** The answer of create, lock, unlock and grants: the account as it now is. */
export const UserAnswer = z.object({ user: UserSummary });

export const ResetPasswordResult = z.object({
  user: UserSummary,
  /** Shown once; the user must change it at the next sign-in. */
  temporaryPassword: z.string(),
});
export type ResetPasswordResult = z.infer<typeof ResetPasswordResult>;
