import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, onUnauthorized } from './app/api';
import './app/i18n';
import { makeRouter, SIGN_IN_PATH } from './app/router';
import './app/styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      // Retry only what may pass on a second try (network, 5xx), never 4xx.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});
const router = makeRouter(queryClient);

// A 401 on a signed-in request: the session ended (expired, or signed out elsewhere).
onUnauthorized(() => {
  if (router.state.location.pathname === SIGN_IN_PATH) return;
  const here = router.state.location.href;
  queryClient.clear();
  void router.navigate({ to: SIGN_IN_PATH, search: { reason: 'expired', redirect: here } });
});

// The service worker keeps the app shell for offline use (the field review).
if ('serviceWorker' in navigator) {
  void navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      const urls = performance.getEntriesByType('resource').map((e) => e.name);
      reg.active?.postMessage({ type: 'cache-assets', urls });
    });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
