import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app: root web/, built to web/dist (served by the server, see src/server/app.ts).
 * `npm run dev:web` serves it with hot reload and forwards /api to a server on :3000.
 * The server's CSP allows only same-origin scripts: no CDN, no inline <script>.
 */
const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Chart pages are lazy chunks; echarts alone is ~500 kB before gzip.
    chunkSizeWarningLimit: 700,
  },
  server: {
    // The web app imports shared pure helpers from ../src/domain.
    fs: { allow: [path.resolve(here, '..')] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
