/** Sign-in (POST /api/auth/login). Wrong password and too many attempts come back as server messages. */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorBox } from '../../app/components/feedback';
import { LanguageSwitch } from '../../app/components/LanguageSwitch';
import type { SignInSearch } from '../../app/router';

export default function SignInPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as SignInSearch;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('signIn.title')} — ${t('app.short')}`;
  }, [t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('/api/auth/login', { method: 'POST', body: { username, password }, expectUnauthorized: true });
      queryClient.clear();
      await navigate({ to: search.redirect ?? '/' });
    } catch (err) {
      setError(err);
      setPassword('');
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin-page">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <form className="signin-card" onSubmit={submit} aria-labelledby="signin-title" noValidate>
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            ★
          </span>
          <span>
            <strong>{t('app.short')}</strong>
            <small>{t('app.subtitle')}</small>
          </span>
        </div>
        <h1 id="signin-title">{t('signIn.title')}</h1>
        {search.reason === 'expired' && !error && (
          <p className="alert alert-info" role="status" data-testid="session-expired">
            {t('signIn.expired')}
          </p>
        )}
        {error !== null && <ErrorBox error={error} />}
        <div className="field">
          <label htmlFor="username">{t('signIn.username')}</label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('signIn.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            ref={passwordRef}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <button type="submit" className="button-primary" disabled={busy || !username || !password}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </div>
  );
}
