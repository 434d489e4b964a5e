#!/usr/bin/env node
// `npm start`: builds the web app only when web/dist is missing or older than its sources
// (web/ and the shared code under src/ that the web app imports), so a restart is instant
// while a fresh clone or an edited source still gets a build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'web/dist/index.html');
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src', 'package.json', 'package-lock.json'];

function newest(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map((s) => newest(path.join(root, s))));
if (builtAt && builtAt >= sourcesAt) process.exit(0);

process.stdout.write(
  builtAt
    ? 'Giao diện web cũ hơn mã nguồn: đang dựng lại (vite build)…\n'
    : 'Chưa có giao diện web: đang dựng (vite build), lần đầu mất khoảng một phút…\n',
);
const r = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(r.status ?? 1);
