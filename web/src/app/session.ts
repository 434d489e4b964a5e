/** Who is signed in (GET /api/auth/me) and what their roles allow on screen. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Actor, Role } from '../../../src/modules/access/actor';
import { api } from './api';

export type { Actor, Role };

export interface Me {
  user: Actor;
  roleLabels: Record<Role, string>;
}

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: ({ signal }) => api<Me>('/api/auth/me', { signal, expectUnauthorized: true }),
  retry: false,
  staleTime: 5 * 60_000,
});

/** The signed-in user; only used below the shell, which loads it before rendering. */
export function useMe(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useMe() outside the signed-in shell');
  return data;
}

/** `roles` undefined = any signed-in user. The server checks every request anyway. */
export function allows(actor: Actor | null | undefined, roles: readonly Role[] | undefined): boolean {
  if (!actor) return false;
  if (!roles) return true;
  return actor.grants.some((g) => roles.includes(g.role));
}
