import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { registeredTexts } from '../../web/src/app/texts';

/**
 * One way to hold the web's texts: Vietnamese and English together in texts files (`texts.ts`, `<part>-texts.ts`),
 * written with defineTexts. Words of a screen in any other web file would escape the English interface, and a key
 * missing in one language, or a placeholder the other language lacks, shows a raw key or a hole on the screen.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB = path.join(ROOT, 'web/src');
const HELPER = 'web/src/app/texts.ts';

// Letters that only Vietnamese writes (with its diacritics), upper and lower case.
const VIETNAMESE = /[àáâãèéêìíòóôõùúýăđĩũơưạ-ỹÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠ-Ỹ]/;

const webFiles = fs
  .readdirSync(WEB, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && /\.tsx?$/.test(d.name))
  .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)))
  .sort();
const isTextsFile = (f: string) => /(^|[/-])texts\.ts$/.test(f) && f !== HELPER;
const textsFiles = webFiles.filter(isTextsFile);

/** Every string literal, template part and JSX text of a file with Vietnamese letters (comments are not tokens). */
function vietnameseLiterals(file: string, text = fs.readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      if (VIETNAMESE.test(node.text)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push(`${file}:${line} ${node.text.trim()}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

type Tree = { [key: string]: string | string[] | Tree };

/** key path → string, for every string leaf (array items by index). */
function leaves(tree: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (tree && typeof tree === 'object')
    for (const [k, v] of Object.entries(tree as Tree)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('UI texts held one way', () => {
  it('finds the texts files of the app and of every feature that has screens words', () => {
    expect(textsFiles).toEqual([
      'web/src/app/app-texts.ts',
      'web/src/features/budget/texts.ts',
      'web/src/features/field/texts.ts',
      'web/src/features/plan/texts.ts',
      'web/src/features/poverty/texts.ts',
      'web/src/features/results/dash-texts.ts',
      'web/src/features/results/texts.ts',
    ]);
  });

  it('has no Vietnamese word in a string or JSX text of a web file outside the texts files', () => {
    expect(webFiles.filter((f) => !isTextsFile(f)).flatMap((f) => vietnameseLiterals(f))).toEqual([]);
  });

  it('finds Vietnamese in literals and JSX text, and not in comments (the check can fail)', () => {
    const probe =
      "// Chú thích\n/** Ghi chú */\nexport const a = 'Đăng nhập';\nexport const b = <p>Xin chào {a}</p>;\nexport const c = `Lỗi ${a}`;\n";
    expect(vietnameseLiterals('probe.tsx', probe)).toEqual([
      'probe.tsx:3 Đăng nhập',
      'probe.tsx:4 Xin chào',
      'probe.tsx:5 Lỗi',
    ]);
  });

  it('registers texts only through defineTexts: every texts file exports its bundle, no other file adds one', () => {
    for (const f of textsFiles) {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      expect(text, f).toMatch(/export const texts = defineTexts\(vi, en\);/);
    }
    expect(
      webFiles.filter((f) => f !== HELPER && fs.readFileSync(path.join(ROOT, f), 'utf8').includes('addResourceBundle')),
    ).toEqual([]);
  });

  it('gives every registered bundle the same keys and placeholders in both languages, and no empty text', async () => {
    for (const f of textsFiles) await import(path.join(ROOT, f));
    const bundles = registeredTexts();
    expect(bundles.length).toBe(textsFiles.length);
    const owner = new Map<string, number>();
    bundles.forEach((b, i) => {
      const vi = leaves(b.vi);
      const en = leaves(b.en);
      expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
      for (const [key, v] of vi) {
        expect(v.trim(), `vi ${key}`).not.toBe('');
        expect(en.get(key)!.trim(), `en ${key}`).not.toBe('');
        expect(placeholders(en.get(key)!), key).toEqual(placeholders(v));
        // two groups with one key would show whichever loaded first
        expect(owner.get(key), `key ${key} in two bundles`).toBeUndefined();
        owner.set(key, i);
      }
    });
    expect(owner.size).toBeGreaterThan(1000);
  });
});
