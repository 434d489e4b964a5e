import type { Router } from '../../server/route-registry';
import type { AppDeps } from '../../server/types';
import { requireActor } from '../access/actor';
import { actorForAudit, createUser, listUsers, NewUser } from './service';

export function registerUsersRoutes(r: Router, deps: AppDeps) {
  r.get('/api/users', { summary: 'Danh sách tài khoản', access: ['admin'], tags: ['users'] }, async () => ({
    items: await listUsers(deps.db),
  }));

  r.post('/api/users', { summary: 'Tạo tài khoản', access: ['admin'], tags: ['users'], body: NewUser }, async ({ actor, body }) => ({
    user: await createUser(deps.db, actorForAudit(requireActor(actor)), body),
  }));
}
