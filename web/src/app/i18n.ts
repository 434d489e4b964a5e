/**
 * Interface language: Vietnamese by default, English on request (remembered in localStorage).
 * Texts live in locales/vi.ts and locales/en.ts, grouped by screen; a feature may also bring
 * its own texts with `i18n.addResourceBundle(lang, 'translation', {...}, true)`.
 * Numbers and dates stay Vietnamese in both languages (see format.ts).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { vi } from './locales/vi';

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
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

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

export default i18n;
