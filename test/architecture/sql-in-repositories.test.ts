import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * SQL lives in repositories (src/modules/<area>/repo*.ts) and in the database layer (src/db: engine,
 * migrations). The files below predate that rule and still hold SQL; the list may only shrink: a new
 * file with SQL outside a repository fails, and so does a listed file that no longer needs its place.
 */
const LEGACY = ['src/modules/poverty/load.ts'];

const ROOT = path.resolve(import.meta.dirname, '../..');
// A statement anywhere in a file, or a string literal that starts with a statement (catches `SELECT 1`,
// `SELECT ${expr}` and a SELECT whose column list holds quotes, which the first form misses).
const SQL =
  /\b(SELECT\s[^`'"]*?\bFROM\b|INSERT INTO|DELETE FROM|UPDATE [a-z_]+ SET|WITH RECURSIVE|TRUNCATE [a-z_]+)|[`'"]\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM|WITH|TRUNCATE)\s/;
const isRepository = (f: string) =>
  /^src\/modules\/[^/]+\/repo[^/]*\.ts$|^src\/modules\/[^/]+\/repo\//.test(f) || f.startsWith('src/db/');

function sourceFiles(): string[] {
  return fs
    .readdirSync(path.join(ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)))
    .sort();
}

describe('SQL only in repositories', () => {
  const withSql = sourceFiles().filter(
    (f) => !isRepository(f) && SQL.test(fs.readFileSync(path.join(ROOT, f), 'utf8')),
  );

  it('no file outside repositories and the database layer holds SQL, but the legacy list', () => {
    expect(withSql.filter((f) => !LEGACY.includes(f))).toEqual([]);
  });

  it('the legacy list only shrinks: a listed file without SQL must be removed from it', () => {
    expect(LEGACY.filter((f) => !withSql.includes(f))).toEqual([]);
  });
});
