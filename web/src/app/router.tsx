/** The route tree: the sign-in page, and the signed-in shell holding every page of routes.tsx. */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import SignInPage from '../features/auth/SignInPage';
import { ErrorBox, Forbidden, Loading, NotFound } from './components/feedback';
import { isLocalPath } from './paths';
import { PAGES, type PageDef } from './routes';
import { permits, sessionQuery, useMe } from './session';
import { Shell } from './Shell';

export const SIGN_IN_PATH = '/dang-nhap';

export interface SignInSearch {
  /** Where to go after signing in. */
  redirect?: string;
  /** Why the user is here: 'expired' when a session ended. */
  reason?: 'expired';
}

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: SIGN_IN_PATH,
  validateSearch: (s: Record<string, unknown>): SignInSearch => ({
    redirect: isLocalPath(s.redirect) ? s.redirect : undefined,
    reason: s.reason === 'expired' ? 'expired' : undefined,
  }),
  component: SignInPage,
});

const shellRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'shell',
  component: Shell,
  beforeLoad: async ({ context }) => ({ session: await context.queryClient.ensureQueryData(sessionQuery) }),
});

function guarded(page: PageDef) {
  const Page = lazyRouteComponent(page.load);
  if (page.public) return Page;
  return function GuardedPage() {
    const me = useMe();
    return permits(me, page.can) ? <Page /> : <Forbidden />;
  };
}

const pageRoutes = PAGES.map((page) =>
  createRoute({
    getParentRoute: () => shellRoute,
    path: page.path,
    component: guarded(page),
    // Pages that are not public need a signed-in user: the others go to the sign-in page first.
    beforeLoad: ({ context, location }) => {
      if (page.public || context.session.me) return;
      throw redirect({
        to: SIGN_IN_PATH,
        search: {
          redirect: location.href === '/' ? undefined : location.href,
          reason: context.session.expired ? 'expired' : undefined,
        },
      });
    },
  }),
);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree: rootRoute.addChildren([signInRoute, shellRoute.addChildren(pageRoutes)]),
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: Loading,
    defaultPendingMs: 300,
    defaultErrorComponent: ({ error }) => <ErrorBox error={error} />,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof makeRouter>;
