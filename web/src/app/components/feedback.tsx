/** Loading, error, "forbidden" and "not found" states, the same on every page. */
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '../../../../src/domain/labels';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../api';
import { currentLanguage } from '../i18n';

/**
 * The message to show for an error: the server's Vietnamese message, or in English the
 * translation of its code when there is one (errors.<code> in app-texts.ts).
 */
export function useErrorMessage() {
  const { t, i18n } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (i18n.language === 'en') {
        const translated = t(`errors.${error.code}`, { defaultValue: '' });
        if (translated) return translated;
      }
      return error.message;
    }
    if (error instanceof Error && /fetch|network|dynamically imported module/i.test(error.message))
      return NETWORK_ERROR_MESSAGE;
    return t('errors.unexpected');
  };
}

export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  const message = useErrorMessage();
  const problems = error instanceof ApiError ? error.problems : [];
  const lang = currentLanguage();
  return (
    <div className="alert alert-error" role="alert" data-testid="error">
      {title && <strong>{title}: </strong>}
      {message(error)}
      {problems.length > 0 && (
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              {fieldLabel(p.path, lang) ? <strong>{fieldLabel(p.path, lang)}: </strong> : null}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t('common.loading')}
    </p>
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('errors.forbiddenTitle')}</h1>
      <p className="alert alert-error" role="alert">
        {t('errors.forbidden')}
      </p>
      <Link to="/">{t('common.backHome')}</Link>
    </section>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page-narrow">
      <h1>{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFound')}</p>
      <Link to="/">{t('common.backHome')}</Link>
    </section>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="empty">{children}</p>;
}
