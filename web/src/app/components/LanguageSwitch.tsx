import { useTranslation } from 'react-i18next';

/** The other language, named in itself (shell.otherLanguage); the choice is remembered (see i18n.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <button
      type="button"
      className="button-link lang-switch"
      lang={next}
      onClick={() => void i18n.changeLanguage(next)}
      data-testid="lang-switch"
    >
      {t('shell.otherLanguage')}
    </button>
  );
}
