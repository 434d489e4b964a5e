import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Each table is written by one insert statement, in the repository of the area that owns it; other code calls
 * that function. Upserts (ON CONFLICT) and bulk loads (insertUnnest, copyRows) are inserts and count. A table
 * that needs a second statement is listed below with its count and why; the list is kept minimal and exact:
 * a table that needs fewer statements than listed fails too.
 */
const SEVERAL: Record<string, { statements: number; why: string }> = {
  poverty_household: {
    statements: 3,
    why:
      'the import copies households set-based from its staging table (a commune new to the register without the ' +
      'conflict check, the others upserted); field surveys upsert the households of one request',
  },
  poverty_member: {
    statements: 2,
    why: 'the import copies members set-based from its staging table; field surveys write those of one request',
  },
  poverty_result: {
    statements: 2,
    why: 'the import copies results set-based from its staging table; field surveys upsert those of one request',
  },
  results_period_tally: {
    statements: 2,
    why: 'a report adds to its period by an upsert; after a bulk load every tally is rebuilt set-based from the reports',
  },
};

const ROOT = path.resolve(import.meta.dirname, '../..');
const isRepository = (f: string) => /^src\/modules\/[^/]+\/(repo[^/]*\.ts|repo\/.+\.ts)$/.test(f);

function repositories(): string[] {
  return fs
    .readdirSync(path.join(ROOT, 'src/modules'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .filter(isRepository)
    .sort();
}

// `INSERT INTO t`, `insertUnnest(tx, 't', …)` and `db.copyRows(stage.t, …)` (the import's staging tables).
const INSERTS = [
  /\bINSERT\s+INTO\s+([a-z_][a-z0-9_]*|\$\{[^}]+\})/g,
  /\binsertUnnest\(\s*\w+,\s*'([a-z_][a-z0-9_]*)'/g,
  /\bcopyRows\(\s*([\w.]+)/g,
];

/** Every insert statement of the repositories, as "table <- file" lines. */
function insertsByTable(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const f of repositories()) {
    const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
    for (const re of INSERTS) for (const m of text.matchAll(re)) found.set(m[1], [...(found.get(m[1]) ?? []), f]);
  }
  return found;
}

describe('one insert statement per table', () => {
  const inserts = insertsByTable();

  it('finds the inserts it should (the scan is not blind)', () => {
    expect(inserts.get('task')).toEqual(['src/modules/plan/repo-tasks.ts']);
    expect(inserts.get('agency')).toEqual(['src/modules/agencies/repo-load.ts']);
    expect(inserts.get('poverty_published')).toEqual(['src/modules/poverty/repo-published.ts']);
    expect(inserts.get('stage.households')).toEqual(['src/modules/poverty/repo-import.ts']);
    expect(inserts.get('poverty_household')).toHaveLength(3);
  });

  it('no table is inserted by more than one statement, but the listed ones with their exact counts', () => {
    const several = Object.fromEntries(
      [...inserts].filter(([, files]) => files.length > 1).map(([t, files]) => [t, files.length]),
    );
    expect(several).toEqual(Object.fromEntries(Object.entries(SEVERAL).map(([t, s]) => [t, s.statements])));
  });
});
