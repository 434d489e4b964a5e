/**
 * Interface language: Vietnamese by default, English on request (remembered in localStorage).
 * Texts are written once per screen group, Vietnamese and English together, with `defineTexts` (see texts.ts):
 * app-texts.ts for the whole app, features/<area>/texts.ts for a feature (registered when its screens load).
 * Numbers and dates stay Vietnamese in both languages (see format.ts).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import './app-texts';
import { registerTextsInto } from './texts';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'giamngheo.lang';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: {} }, en: { translation: {} } }, // given (even empty), i18next starts at once
  lng: storedLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
registerTextsInto(i18n);

// pure helpers that format through i18n are also tested outside a browser, where there is no document
const setPageLanguage = (lng: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
};
setPageLanguage(i18n.language);
i18n.on('languageChanged', (lng) => {
  setPageLanguage(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
});

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** An answer's text in the interface language, from its Vietnamese and English fields (`labelVi` / `labelEn`). */
export const inLanguage = (vi: string, en: string): string => (currentLanguage() === 'en' ? en : vi);

export default i18n;
