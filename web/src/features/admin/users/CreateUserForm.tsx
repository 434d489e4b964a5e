/** The form that creates an account (POST /api/users). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../../src/domain/roles';
import type { UserSummary } from '../../../../../src/modules/users/contracts';
import { post } from '../../../app/api';
import { ErrorBox } from '../../../app/components/feedback';
import { todayInVietnam } from '../../../app/format';
import { UnitPicker } from '../../units/UnitPicker';
import type { Unit } from '../../units/api';
import { agenciesQuery, UNIT_LEVEL, useRoleLabel } from './shared';

export function CreateUserForm() {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const queryClient = useQueryClient();
  const today = todayInVietnam();
  const [form, setForm] = useState({ username: '', displayName: '', email: '', password: '' });
  const [role, setRole] = useState<Role>('province_officer');
  const [unit, setUnit] = useState<Unit | null>(null);
  const [agencyId, setAgencyId] = useState('');
  const agencies = useQuery({ ...agenciesQuery(today), enabled: role === 'ministry_lead' });
  const create = useMutation({
    mutationFn: () =>
      post<{ user: UserSummary }>('/api/users', {
        username: form.username,
        displayName: form.displayName,
        ...(form.email ? { email: form.email } : {}),
        password: form.password,
        grants: [
          {
            role,
            unitId: UNIT_LEVEL[role] ? (unit?.id ?? null) : null,
            agencyId: role === 'ministry_lead' ? agencyId || null : null,
          },
        ],
      }),
    onSuccess: () => {
      setForm({ username: '', displayName: '', email: '', password: '' });
      setUnit(null);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const input = (key: keyof typeof form, type = 'text', autoComplete = 'off') => (
    <div className="field">
      <label htmlFor={`user-${key}`}>{t(`users.${key}`)}</label>
      <input
        id={`user-${key}`}
        type={type}
        autoComplete={autoComplete}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
    </div>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <form className="panel form-grid" onSubmit={submit} aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t('users.create')}</h2>
      {create.isError && <ErrorBox error={create.error} />}
      {create.isSuccess && (
        <p className="alert alert-success" role="status">
          {t('users.created', { username: create.data.user.username })}
        </p>
      )}
      {input('username')}
      {input('displayName')}
      {input('email', 'email')}
      {input('password', 'password', 'new-password')}
      <p className="muted small">{t('account.hint')}</p>
      <div className="field">
        <label htmlFor="user-role">{t('users.role')}</label>
        <select id="user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </div>
      {UNIT_LEVEL[role] && (
        <UnitPicker
          key={role}
          label={t(`users.unit_${UNIT_LEVEL[role]}`)}
          level={UNIT_LEVEL[role]}
          at={today}
          value={unit}
          onChange={setUnit}
          testId="user-unit"
        />
      )}
      {role === 'ministry_lead' && (
        <div className="field">
          <label htmlFor="user-agency">{t('users.agency')}</label>
          <select id="user-agency" value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
            <option value="">{agencies.isPending ? t('common.loading') : t('users.chooseAgency')}</option>
            {agencies.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          {agencies.isError && <ErrorBox error={agencies.error} />}
        </div>
      )}
      <div className="field field-actions">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t('users.submit')}
        </button>
      </div>
    </form>
  );
}
