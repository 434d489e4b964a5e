/**
 * The one way the web holds its texts: each screen group writes its Vietnamese and English texts together,
 * `export const texts = defineTexts({ … vi … }, { … en … })`, in a file named `texts.ts` (or `<part>-texts.ts`).
 * The type makes English carry exactly the keys of Vietnamese; a test checks the same `{{placeholders}}` per key.
 * Labels of codes that the server also writes (CSV, Excel, PDF, CLI) live in src/domain/labels.ts instead.
 */
import type { i18n as I18n } from 'i18next';

/** A text tree with every string leaf typed `string`: English must have Vietnamese's shape, key for key. */
export type Translation<T> = T extends string
  ? string
  : T extends readonly (infer E)[]
    ? Translation<E>[]
    : { [K in keyof T]: Translation<T[K]> };

export interface TextBundle {
  vi: Record<string, unknown>;
  en: Record<string, unknown>;
}

const registered: TextBundle[] = [];
let target: I18n | null = null;

function add(i18n: I18n, b: TextBundle) {
  i18n.addResourceBundle('vi', 'translation', b.vi, true, false);
  i18n.addResourceBundle('en', 'translation', b.en, true, false);
}

/** Registers a group of texts (into the app's i18n once it has started, or as soon as it starts). */
export function defineTexts<V extends Record<string, unknown>>(vi: V, en: Translation<V>) {
  const bundle = { vi, en: en as Record<string, unknown> };
  registered.push(bundle);
  if (target) add(target, bundle);
  return { vi, en } as { vi: V; en: Translation<V> };
}

/** Called once by i18n.ts after it starts: every group defined so far, and every later one, goes into it. */
export function registerTextsInto(i18n: I18n) {
  target = i18n;
  for (const b of registered) add(i18n, b);
}

/** Every group registered so far (the tests compare their two languages). */
export const registeredTexts = (): readonly TextBundle[] => registered;
