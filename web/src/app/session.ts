/**
 * Who is using the app (GET /api/auth/me): a signed-in user, or the anonymous public, who may
 * open the pages marked `public` in routes.tsx (aggregated, read-only data).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Actor, Role } from '../../../src/modules/access/actor';
import type { Me } from '../../../src/modules/auth/contracts';
import { api, ApiError } from './api';

export type { Actor, Me, Role };

export interface Session {
  /** null: the anonymous public. */
  me: Me | null;
  /** A session cookie was sent but had lapsed. */
  expired: boolean;
}

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async ({ signal }): Promise<Session> => {
    try {
      return { me: await api<Me>('/api/auth/me', { signal, expectUnauthorized: true }), expired: false };
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return { me: null, expired: e.code === 'session_expired' };
      throw e;
    }
  },
  retry: false,
  staleTime: 5 * 60_000,
});

/** The signed-in user, or null on a public page opened without signing in. */
export function useSession(): Me | null {
  return useQuery(sessionQuery).data?.me ?? null;
}

/** The signed-in user; for pages that are not public (the shell signs the public in before them). */
export function useMe(): Me {
  const me = useSession();
  if (!me) throw new Error('useMe() on a page open to the public: use useSession()');
  return me;
}

/** `roles` undefined = any signed-in user. The server checks every request anyway. */
export function allows(actor: Actor | null | undefined, roles: readonly Role[] | undefined): boolean {
  if (!actor) return false;
  if (!roles) return true;
  return actor.grants.some((g) => roles.includes(g.role));
}
