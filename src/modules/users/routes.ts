import type { Router } from '../../server/route-registry';
import { sendXlsx, XLSX_TYPE } from '../../server/table-export';
import type { AppDeps } from '../../server/types';
import { exportUsers } from './export';
import { requireActor } from '../access/actor';
import { NewUser, ResetPasswordResult, SetGrants, UserAnswer, UserIdParams, UsersList } from './contracts';
import { actorForAudit, createUser, listUsers, lockUser, resetPassword, setGrants, unlockUser } from './service';
import { can } from './policy';
import { forbidden } from '../../errors';

export function registerUsersRoutes(r: Router, deps: AppDeps) {
  r.get(
    '/api/users',
    { summary: 'Danh sách tài khoản', access: ['admin'], tags: ['users'], response: UsersList },
    async ({ actor }) => listUsers(deps.db, requireActor(actor)),
  );

  r.get(
    '/api/users/export.xlsx',
    {
      summary: 'Xuất danh sách tài khoản (Excel; ghi vào nhật ký)',
      access: ['admin'],
      tags: ['users'],
      file: XLSX_TYPE,
    },
    async ({ c, actor }) => {
      const a = requireActor(actor);
      if (!can(a, 'list')) throw forbidden();
      return sendXlsx(c, 'tai-khoan.xlsx', 'Tài khoản', await exportUsers(deps.db, a));
    },
  );

  r.post(
    '/api/users',
    { summary: 'Tạo tài khoản', access: ['admin'], tags: ['users'], body: NewUser, response: UserAnswer },
    async ({ actor, body }) => {
      const a = requireActor(actor);
      if (!can(a, 'create')) throw forbidden();
      return { user: await createUser(deps.db, actorForAudit(a), body) };
    },
  );

  const byId = { access: ['admin'] as const, tags: ['users'], params: UserIdParams, example: { id: '1' } };

  r.post(
    '/api/users/:id/reset-password',
    { ...byId, summary: 'Đặt lại mật khẩu (mật khẩu dùng một lần)', response: ResetPasswordResult },
    async ({ actor, params }) => resetPassword(deps.db, { actor: requireActor(actor) }, params.id),
  );
  r.post(
    '/api/users/:id/lock',
    { ...byId, summary: 'Khóa tài khoản', response: UserAnswer },
    async ({ actor, params }) => ({
      user: await lockUser(deps.db, { actor: requireActor(actor) }, params.id),
    }),
  );
  r.post(
    '/api/users/:id/unlock',
    { ...byId, summary: 'Mở khóa tài khoản', response: UserAnswer },
    async ({ actor, params }) => ({
      user: await unlockUser(deps.db, { actor: requireActor(actor) }, params.id),
    }),
  );
  r.put(
    '/api/users/:id/grants',
    { ...byId, summary: 'Sửa vai trò và thời hạn', body: SetGrants, response: UserAnswer },
    async ({ actor, params, body }) => ({
      user: await setGrants(deps.db, { actor: requireActor(actor) }, params.id, body.grants),
    }),
  );
}
