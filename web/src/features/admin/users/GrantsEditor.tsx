/** Edits one account's grants: role, unit or agency, from/to dates (PUT /api/users/:id/grants). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../../src/domain/roles';
import type { GrantInput, UserSummary } from '../../../../../src/modules/users/contracts';
import { api } from '../../../app/api';
import { DateField } from '../../../app/components/DateField';
import { ErrorBox } from '../../../app/components/feedback';
import { todayInVietnam } from '../../../app/format';
import { UnitPicker } from '../../units/UnitPicker';
import { agenciesQuery, UNIT_LEVEL, useRoleLabel } from './shared';

interface Row {
  key: number;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  agencyId: string | null;
  validFrom: string;
  validTo: string;
}

let nextKey = 1;

export function GrantsEditor({
  user,
  unitNames,
  onDone,
}: {
  user: UserSummary;
  unitNames: Map<string, string>;
  onDone: (saved: UserSummary | null) => void;
}) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const queryClient = useQueryClient();
  const today = todayInVietnam();
  const [rows, setRows] = useState<Row[]>(() =>
    user.grants.map((g) => ({
      key: nextKey++,
      role: g.role,
      unitId: g.unitId,
      unitName: g.unitId ? (unitNames.get(g.unitId) ?? null) : null,
      agencyId: g.agencyId,
      validFrom: g.validFrom ?? '',
      validTo: g.validTo ?? '',
    })),
  );
  const agencies = useQuery({ ...agenciesQuery(today), enabled: rows.some((r) => r.role === 'ministry_lead') });
  const save = useMutation({
    mutationFn: () =>
      api<{ user: UserSummary }>(`/api/users/${user.id}/grants`, {
        method: 'PUT',
        body: {
          grants: rows.map((r): GrantInput => ({
            role: r.role,
            unitId: UNIT_LEVEL[r.role] ? r.unitId : null,
            agencyId: r.role === 'ministry_lead' ? r.agencyId : null,
            validFrom: r.validFrom || null,
            validTo: r.validTo || null,
          })),
        },
      }),
    onSuccess: (res) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onDone(res.user);
    },
  });
  const update = (key: number, patch: Partial<Row>) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="grants-title" data-testid="grants-editor">
      <h2 id="grants-title">{t('users.grantsTitle', { name: user.displayName })}</h2>
      {save.isError && <ErrorBox error={save.error} />}
      {rows.map((r, i) => {
        const level = UNIT_LEVEL[r.role];
        return (
          <fieldset key={r.key} className="grant-row form-grid" aria-label={`${t('users.role')} ${i + 1}`}>
            <div className="field">
              <label htmlFor={`grant-role-${r.key}`}>{t('users.role')}</label>
              <select
                id={`grant-role-${r.key}`}
                value={r.role}
                onChange={(e) => update(r.key, { role: e.target.value as Role, unitId: null, unitName: null })}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {roleLabel(role)}
                  </option>
                ))}
              </select>
            </div>
            {level &&
              (r.unitId ? (
                <div className="field">
                  <span className="label">{t(`users.unit_${level}`)}</span>
                  <span>
                    {r.unitName ?? '…'}{' '}
                    <button
                      type="button"
                      className="button-link"
                      onClick={() => update(r.key, { unitId: null, unitName: null })}
                    >
                      {t('unitPicker.clear')}
                    </button>
                  </span>
                </div>
              ) : (
                <UnitPicker
                  label={t(`users.unit_${level}`)}
                  level={level}
                  at={today}
                  value={null}
                  onChange={(u) => update(r.key, { unitId: u?.id ?? null, unitName: u?.fullName ?? null })}
                  testId={`grant-unit-${i}`}
                />
              ))}
            {r.role === 'ministry_lead' && (
              <div className="field">
                <label htmlFor={`grant-agency-${r.key}`}>{t('users.agency')}</label>
                <select
                  id={`grant-agency-${r.key}`}
                  value={r.agencyId ?? ''}
                  onChange={(e) => update(r.key, { agencyId: e.target.value || null })}
                >
                  <option value="">{agencies.isPending ? t('common.loading') : t('users.chooseAgency')}</option>
                  {agencies.data?.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <DateField
              optional
              label={t('users.validFrom')}
              value={r.validFrom}
              onChange={(validFrom) => update(r.key, { validFrom })}
              testId={`grant-from-${i}`}
            />
            <DateField
              optional
              label={t('users.validTo')}
              value={r.validTo}
              onChange={(validTo) => update(r.key, { validTo })}
              testId={`grant-to-${i}`}
            />
            <div className="field field-actions">
              <button
                type="button"
                className="button-secondary"
                onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
              >
                {t('users.removeGrant')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="field field-actions">
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            setRows([
              ...rows,
              {
                key: nextKey++,
                role: 'steering_member',
                unitId: null,
                unitName: null,
                agencyId: null,
                validFrom: today,
                validTo: '',
              },
            ])
          }
        >
          {t('users.addGrant')}
        </button>
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t('users.save')}
        </button>
        <button type="button" className="button-link" onClick={() => onDone(null)}>
          {t('users.cancel')}
        </button>
      </div>
    </form>
  );
}
