import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './client';

/**
 * Plain SQL migrations in src/db/migrations, applied in file-name order, each in its
 * own transaction. The same files run on the embedded engine and on PostgreSQL 15.
 * Numbering: 01xx platform, 02xx implementation plan, 03xx poverty, 04xx M&E, 05xx budget.
 */
export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function migrationFiles(): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

/**
 * Applies the missing migrations; `only` restricts them to a given set (a restore rebuilds the schema of its backup
 * first).
 */
export async function migrate(db: Db, only?: ReadonlySet<string>): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migration')).map((r) => r.name));
  const done: string[] = [];
  for (const file of migrationFiles()) {
    if (applied.has(file) || (only && !only.has(file))) continue;
    const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
    await db.tx(async (tx) => {
      await tx.query(sql);
      await tx.query('INSERT INTO schema_migration (name) VALUES ($1)', [file]);
    });
    done.push(file);
  }
  return done;
}
