import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The web app: root web/, built to web/dist (served by the server, see src/server/app.ts).
 * `npm run dev:web` serves it with hot reload and forwards /api to a server on :3000.
 * The server's CSP allows only same-origin scripts: no CDN, no inline <script>.
 */
const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Writes .gz and .br next to each script and style sheet of web/dist/assets, for a static
 * server that serves precompressed files (@hono/node-server serveStatic `precompressed: true`):
 * the map page's 576 kB become ~190 kB on the wire, without compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'giamngheo-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = path.join(options.dir ?? path.join(here, 'dist'), 'assets');
      if (!fs.existsSync(dir)) return;
      for (const f of fs.readdirSync(dir)) {
        if (!/\.(js|css)$/.test(f)) continue;
        const file = path.join(dir, f);
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), precompress()],
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
