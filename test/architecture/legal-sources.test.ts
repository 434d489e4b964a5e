import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLegalSources } from '../../src/app/legal-sources';
import { NOTE_ID } from '../../src/domain/legal';
import { legalIndex } from '../../scripts/legal-index';

const ROOT = path.resolve(import.meta.dirname, '../..');
const sources = readLegalSources();

function codeFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|tsx|sql)$/.test(d.name))
    .map((d) => path.join(d.parentPath, d.name));
}

describe('legal sources in the repository', () => {
  it('every source has a unique id and a status of the one vocabulary', () => {
    const ids = sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sources.length).toBeGreaterThan(100);
  });

  it('every research-note id cited in src/ and web/src/ is listed in reference/legal', () => {
    const known = new Set(sources.map((s) => s.id));
    const missing: string[] = [];
    for (const f of [...codeFiles('src'), ...codeFiles('web/src')]) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(NOTE_ID)) {
        if (!known.has(m[0])) missing.push(`${path.relative(ROOT, f)}: ${m[0]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('docs/legal-index.md is up to date (npm run legal:index)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'docs/legal-index.md'), 'utf8')).toBe(legalIndex());
  });
});
