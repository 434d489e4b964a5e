/** Accounts: the list (GET /api/users) and a form to create one (POST /api/users). */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../src/modules/access/actor';
import { api, post, query } from '../../app/api';
import { ErrorBox } from '../../app/components/feedback';
import { DataTable, QueryList } from '../../app/components/lists';
import { compareVi, formatNumberVi, todayInVietnam } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { useMe, type Actor } from '../../app/session';
import type { Unit } from '../units/api';
import { UnitPicker } from '../units/UnitPicker';

interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  active: boolean;
  grants: Actor['grants'];
}

interface Agency {
  id: string;
  code: string;
  kind: string;
  name: string;
}

/** Agencies that can lead a project of the program (not local People's Committees and departments). */
const CENTRAL_KINDS = new Set(['government', 'ministry', 'central_agency']);

const UNIT_LEVEL: Partial<Record<Role, 'province' | 'commune'>> = { province_officer: 'province', commune_officer: 'commune' };

function CreateUserForm() {
  const { t } = useTranslation();
  const me = useMe();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const today = todayInVietnam();
  const [form, setForm] = useState({ username: '', displayName: '', email: '', password: '' });
  const [role, setRole] = useState<Role>('province_officer');
  const [unit, setUnit] = useState<Unit | null>(null);
  const [agencyId, setAgencyId] = useState('');
  const agencies = useQuery({
    queryKey: ['agencies', today],
    queryFn: ({ signal }) => api<{ items: Agency[] }>(`/api/agencies${query({ at: today })}`, { signal }).then((r) => r.items.filter((a) => CENTRAL_KINDS.has(a.kind)).sort((a, b) => compareVi(a.name, b.name))),
    enabled: role === 'ministry_lead',
    staleTime: 30 * 60_000,
  });
  const create = useMutation({
    mutationFn: () =>
      post<{ user: UserSummary }>('/api/users', {
        username: form.username,
        displayName: form.displayName,
        ...(form.email ? { email: form.email } : {}),
        password: form.password,
        grants: [{ role, unitId: UNIT_LEVEL[role] ? (unit?.id ?? null) : null, agencyId: role === 'ministry_lead' ? agencyId || null : null }],
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
      <input id={`user-${key}`} type={type} autoComplete={autoComplete} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </div>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const label = (r: Role) => (lang === 'vi' ? me.roleLabels[r] ?? r : t(`roles.${r}`));

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
      <div className="field">
        <label htmlFor="user-role">{t('users.role')}</label>
        <select id="user-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {label(r)}
            </option>
          ))}
        </select>
      </div>
      {UNIT_LEVEL[role] && (
        <UnitPicker key={role} label={t(`users.unit_${UNIT_LEVEL[role]}`)} level={UNIT_LEVEL[role]} at={today} value={unit} onChange={setUnit} testId="user-unit" />
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

export default function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const lang = currentLanguage();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => api<{ items: UserSummary[] }>('/api/users', { signal }).then((r) => [...r.items].sort((a, b) => compareVi(a.displayName, b.displayName))),
  });
  // Names of the units and agencies the grants are scoped to (the id is shown until they arrive).
  const unitIds = [...new Set((users.data ?? []).flatMap((u) => u.grants.map((g) => g.unitId)).filter((x): x is string => !!x))].slice(0, 200);
  const unitNames = useQueries({
    queries: unitIds.map((id) => ({
      queryKey: ['unit', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api<Unit>(`/api/units/${encodeURIComponent(id)}`, { signal }),
      staleTime: 30 * 60_000,
    })),
    combine: (results) => new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data.fullName] as const] : []))),
  });
  const agencies = useQuery({
    queryKey: ['agencies', 'all-today'],
    queryFn: ({ signal }) => api<{ items: Agency[] }>('/api/agencies', { signal }).then((r) => new Map(r.items.map((a) => [a.id, a.name]))),
    enabled: (users.data ?? []).some((u) => u.grants.some((g) => g.agencyId)),
    staleTime: 30 * 60_000,
  });
  const scope = (g: UserSummary['grants'][number]) =>
    [g.unitId && (unitNames.get(g.unitId) ?? g.unitId), g.agencyId && (agencies.data?.get(g.agencyId) ?? g.agencyId)].filter(Boolean);
  return (
    <section>
      <h1>{t('users.title')}</h1>
      <CreateUserForm />
      <h2>{t('users.list')}</h2>
      <QueryList query={users} empty={t('users.none')}>
        {(items) => (
          <>
            <p className="count">{t('users.count', { n: formatNumberVi(items.length) })}</p>
            <DataTable testId="users-table" columns={[t('users.displayName'), t('users.username'), t('users.roles'), t('users.status')]}>
              {items.map((u) => (
                <tr key={u.id}>
                  <td>{u.displayName}</td>
                  <td className="code">{u.username}</td>
                  <td>
                    {u.grants
                      .map((g) => [lang === 'vi' ? me.roleLabels[g.role] ?? g.role : t(`roles.${g.role}`), ...scope(g)].join(' · '))
                      .join('; ')}
                  </td>
                  <td>{u.active ? t('users.active') : t('users.inactive')}</td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </QueryList>
    </section>
  );
}
