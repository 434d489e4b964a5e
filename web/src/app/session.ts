/**
 * Who is using the app (GET /api/auth/me): a signed-in user, or the anonymous public, who may
 * open the pages marked `public` in routes.tsx (aggregated, read-only data).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Actor, Role } from '../../../src/modules/access/actor';
import type { Me, Permissions } from '../../../src/modules/auth/contracts';
import { claimStore } from '../features/field/store';
import { api, ApiError } from './api';

export type { Actor, Me, Permissions, Role };

/** A page's rule over the user's permissions; undefined = any signed-in user. */
export type PageRule = (can: Permissions) => boolean;

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
      const me = await api<Me>('/api/auth/me', { signal, expectUnauthorized: true });
      remember(me);
      // a phone shared by reviewers: another user's household list and synced surveys leave the phone
      void claimStore(me.user.userId).catch(() => undefined);
      return { me, expired: false };
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        remember(null);
        return { me: null, expired: e.code === 'session_expired' };
      }
      // No network (a reviewer in a village without coverage): the user of the last answer, so the
      // pages that work offline open; the server still checks every request once the network is back.
      const known = e instanceof ApiError && e.status === 0 ? remembered() : null;
      if (known) return { me: known, expired: false };
      throw e;
    }
  },
  retry: false,
  staleTime: 5 * 60_000,
});

const ME_KEY = 'giamngheo.me';

/** Keeps the signed-in user for offline use; null forgets it (sign-out, a lapsed session). */
export function remember(me: Me | null): void {
  try {
    if (me) localStorage.setItem(ME_KEY, JSON.stringify(me));
    else localStorage.removeItem(ME_KEY);
  } catch {
    /* storage unavailable: no offline session */
  }
}

function remembered(): Me | null {
  try {
    const text = localStorage.getItem(ME_KEY);
    return text ? (JSON.parse(text) as Me) : null;
  } catch {
    return null;
  }
}

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

/** Whether the signed-in user may open a page. The server checks every request anyway. */
export function permits(me: Me | null | undefined, rule: PageRule | undefined): boolean {
  return !!me && (!rule || rule(me.can));
}
