import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * SQL lives in repositories (src/modules/<area>/repo*.ts or a repo/ folder) and in the database layer
 * (src/db: engine, migrations). A file elsewhere that holds a statement fails.
 */
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

  it('no file outside repositories and the database layer holds SQL', () => {
    expect(withSql).toEqual([]);
  });

  it('the pattern finds statements (it is not blind): every repository file of the poverty area matches', () => {
    const repos = sourceFiles().filter((f) => /^src\/modules\/poverty\/repo[^/]*\.ts$/.test(f));
    expect(repos.length).toBeGreaterThan(5);
    expect(repos.filter((f) => !SQL.test(fs.readFileSync(path.join(ROOT, f), 'utf8')))).toEqual([]);
  });
});
