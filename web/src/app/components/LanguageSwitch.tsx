import { useTranslation } from 'react-i18next';

/** "English" in Vietnamese, "Tiếng Việt" in English; the choice is remembered (see i18n.ts). */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <button
      type="button"
      className="button-link lang-switch"
      lang={next}
      onClick={() => void i18n.changeLanguage(next)}
      data-testid="lang-switch"
    >
      {next === 'en' ? 'English' : 'Tiếng Việt'}
    </button>
  );
}
