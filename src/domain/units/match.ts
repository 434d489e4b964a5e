import { foldVietnamese } from '../text';

/**
 * Matching unit names written by documents (admin-units.md §6): sources write "TX Nghi Sơn",
 * "huyện Hậu Lộc", "Huyện đảo Cồn Cỏ", "Hoà Bình" for "Hòa Bình". Compare on the name without its
 * type prefix, diacritic-insensitively (tone-mark placement then does not matter), plus the type
 * when the source gives one — and always within the parent: names are not unique.
 */
const TYPE_WORDS: [RegExp, string][] = [
  [/^(thành phố|tp\.?)\s+/i, 'Thành phố'],
  [/^(thị xã|tx\.?)\s+/i, 'Thị xã'],
  [/^(thị trấn|tt\.?)\s+/i, 'Thị trấn'],
  [/^(huyện đảo|huyện|h\.)\s*/i, 'Huyện'],
  [/^(quận|q\.)\s*/i, 'Quận'],
  [/^(phường|p\.)\s*/i, 'Phường'],
  [/^(xã|x\.)\s*/i, 'Xã'],
  [/^(tỉnh|t\.)\s*/i, 'Tỉnh'],
  [/^đặc khu\s+/i, 'Đặc khu'],
];

export interface ParsedUnitName {
  /** The type family written by the source ('Thành phố', 'Huyện' …), or null. */
  typeWord: string | null;
  name: string;
  /** foldVietnamese(name): the comparison key. */
  key: string;
}

export function parseUnitName(text: string): ParsedUnitName {
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  for (const [re, typeWord] of TYPE_WORDS) {
    const m = t.match(re);
    if (m && t.length > m[0].length) {
      const name = t.slice(m[0].length).trim();
      return { typeWord, name, key: foldVietnamese(name) };
    }
  }
  return { typeWord: null, name: t, key: foldVietnamese(t) };
}

/** Does a unit type belong to the family a source wrote ("Thành phố" matches both kinds of city)? */
export function typeMatches(unitType: string, typeWord: string | null): boolean {
  return typeWord === null || unitType.startsWith(typeWord);
}

/** The candidates (already restricted to one parent and date) that a written name designates. */
export function matchUnitName<T extends { name: string; unitType: string }>(candidates: T[], text: string): T[] {
  const p = parseUnitName(text);
  return candidates.filter((c) => foldVietnamese(c.name) === p.key && typeMatches(c.unitType, p.typeWord));
}
