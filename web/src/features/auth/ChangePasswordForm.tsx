/**
 * Changing one's own password (POST /api/auth/password). The same form is shown by the shell in
 * place of every page while a generated or reset password must be changed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangePassword } from '../../../../src/modules/users/contracts';
import { post } from '../../app/api';
import { ErrorBox } from '../../app/components/feedback';
import { sessionQuery } from '../../app/session';

export function ChangePasswordForm({ required = false }: { required?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ current: '', next: '', repeat: '' });
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: (body: ChangePassword) => post('/api/auth/password', body),
    onSuccess: () => {
      setForm({ current: '', next: '', repeat: '' });
      // the session no longer carries "must change": reload who we are (the shell then shows the page)
      void queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const differ = form.next !== form.repeat;
    setMismatch(differ);
    if (!differ) change.mutate({ currentPassword: form.current, newPassword: form.next });
  };
  const field = (key: keyof typeof form, label: string, autoComplete: string) => (
    <div className="field">
      <label htmlFor={`pw-${key}`}>{label}</label>
      <input
        id={`pw-${key}`}
        type="password"
        autoComplete={autoComplete}
        value={form[key]}
        aria-invalid={key === 'repeat' && mismatch ? true : undefined}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </div>
  );
  return (
    <form
      className="panel form-narrow"
      onSubmit={submit}
      aria-labelledby="change-password-title"
      data-testid="change-password"
    >
      <h1 id="change-password-title">{t('account.title')}</h1>
      {required && (
        <p className="alert alert-info" role="status">
          {t('account.required')}
        </p>
      )}
      {change.isError && <ErrorBox error={change.error} />}
      {change.isSuccess && (
        <p className="alert alert-success" role="status">
          {t('account.done')}
        </p>
      )}
      {field('current', t('account.current'), 'current-password')}
      {field('next', t('account.new'), 'new-password')}
      {field('repeat', t('account.repeat'), 'new-password')}
      {mismatch && (
        <p className="field-error" role="alert">
          {t('account.mismatch')}
        </p>
      )}
      <p className="muted small">{t('account.hint')}</p>
      <div className="field field-actions">
        <button type="submit" className="button-primary" disabled={change.isPending || !form.current || !form.next}>
          {t('account.submit')}
        </button>
      </div>
    </form>
  );
}
