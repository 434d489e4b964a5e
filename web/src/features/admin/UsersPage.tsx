/**
 * Accounts: create one, and for each account its roles with their dates, status, last sign-in,
 * and the actions the server allows (`can`): reset the password (a one-time password shown
 * once), lock or unlock, edit the roles.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResetPasswordResult, UserSummary, UsersList } from '../../../../src/modules/users/contracts';
import { api, post } from '../../app/api';
import { ErrorBox } from '../../app/components/feedback';
import { DataTable, QueryList } from '../../app/components/lists';
import { compareVi, formatDateTimeVi, formatDateVi, formatNumberVi } from '../../app/format';
import { useAgencyNames, useUnitNames } from '../units/names';
import { CreateUserForm } from './users/CreateUserForm';
import { GrantsEditor } from './users/GrantsEditor';
import { useRoleLabel } from './users/shared';

type Outcome = { kind: 'reset'; result: ResetPasswordResult } | { kind: 'message'; text: string } | null;

export default function UsersPage() {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const usersList = {
    queryKey: ['users'],
    queryFn: ({ signal }: { signal: AbortSignal }) => api<UsersList>('/api/users', { signal }),
  };
  const users = useQuery({
    ...usersList,
    select: (r: UsersList) => [...r.items].sort((a, b) => compareVi(a.displayName, b.displayName)),
  });
  const canCreate = useQuery({ ...usersList, select: (r: UsersList) => r.can.create }).data;
  const items = users.data ?? [];
  // Names of the units and agencies the grants are scoped to.
  const unitNames = useUnitNames(items.flatMap((u) => u.grants.map((g) => g.unitId)));
  const agencies = useAgencyNames(items.some((u) => u.grants.some((g) => g.agencyId)));

  const act = useMutation({
    mutationFn: async ({
      user,
      action,
    }: {
      user: UserSummary;
      action: 'reset-password' | 'lock' | 'unlock';
    }): Promise<Outcome> => {
      if (action === 'reset-password')
        return { kind: 'reset', result: await post<ResetPasswordResult>(`/api/users/${user.id}/reset-password`) };
      await post(`/api/users/${user.id}/${action}`);
      return {
        kind: 'message',
        text: t(action === 'lock' ? 'users.locked' : 'users.unlocked', { username: user.username }),
      };
    },
    onMutate: () => setOutcome(null),
    onSuccess: (o) => {
      setOutcome(o);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const confirmThen = (question: string, run: () => void) => {
    if (window.confirm(question)) run();
  };

  const scope = (g: UserSummary['grants'][number]) =>
    [g.unitId && (unitNames.get(g.unitId) ?? '…'), g.agencyId && (agencies?.get(g.agencyId) ?? '…')].filter(Boolean);
  const dates = (g: UserSummary['grants'][number]) =>
    g.validFrom || g.validTo
      ? t('users.fromTo', {
          from: g.validFrom ? formatDateVi(g.validFrom) : '…',
          to: g.validTo ? formatDateVi(g.validTo) : t('users.openEnded'),
        })
      : '';

  return (
    <section>
      <h1>{t('users.title')}</h1>
      {canCreate && <CreateUserForm />}
      <h2>{t('users.list')}</h2>
      <p>
        <a className="button-secondary" href="/api/users/export.xlsx" download data-testid="users-export-xlsx">
          {t('users.exportXlsx')}
        </a>
      </p>
      {act.isError && <ErrorBox error={act.error} />}
      {outcome?.kind === 'message' && (
        <p className="alert alert-success" role="status">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'reset' && (
        <div className="alert alert-info" role="status" data-testid="one-time-password">
          <p>
            {t('users.resetDone', { name: outcome.result.user.displayName, username: outcome.result.user.username })}{' '}
            <span className="one-time code">{outcome.result.temporaryPassword}</span>
          </p>
          <p className="small">{t('users.resetNote')}</p>
          <button type="button" className="button-secondary" onClick={() => setOutcome(null)}>
            {t('users.close')}
          </button>
        </div>
      )}
      {editing && (
        <GrantsEditor
          key={editing.id}
          user={editing}
          unitNames={unitNames}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setOutcome({ kind: 'message', text: t('users.grantsSaved', { username: saved.username }) });
          }}
        />
      )}
      <QueryList query={users} empty={t('users.none')}>
        {(list) => (
          <>
            <p className="count">{t('users.count', { n: formatNumberVi(list.length) })}</p>
            <DataTable
              testId="users-table"
              columns={[
                t('users.displayName'),
                t('users.username'),
                t('users.roles'),
                t('users.status'),
                t('users.lastLogin'),
                t('users.actions'),
              ]}
            >
              {list.map((u) => (
                <tr key={u.id} data-username={u.username}>
                  <td>{u.displayName}</td>
                  <td className="code">{u.username}</td>
                  <td>
                    <ul className="plain-list">
                      {u.grants.map((g, i) => (
                        <li key={i} className={g.inForce ? undefined : 'muted'}>
                          {[roleLabel(g.role), ...scope(g)].join(' · ')}
                          {dates(g) && <small> ({dates(g)})</small>}
                          {!g.inForce && <small> — {t('users.notInForce')}</small>}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td data-testid="user-status">
                    {u.active ? (
                      <>
                        {t('users.active')}
                        {u.mustChangePassword && (
                          <>
                            <br />
                            <small className="muted">{t('users.mustChange')}</small>
                          </>
                        )}
                      </>
                    ) : (
                      <span className="status-locked">
                        {u.lockedAt
                          ? t('users.lockedSince', { at: formatDateTimeVi(u.lockedAt), by: u.lockedBy ?? '' })
                          : t('users.inactive')}
                      </span>
                    )}
                  </td>
                  <td>
                    {u.lastLoginAt ? (
                      formatDateTimeVi(u.lastLoginAt)
                    ) : (
                      <span className="muted">{t('users.never')}</span>
                    )}
                  </td>
                  <td>
                    <div className="row-actions">
                      {u.can.resetPassword && (
                        <button
                          type="button"
                          className="button-secondary"
                          disabled={act.isPending}
                          onClick={() =>
                            confirmThen(t('users.resetConfirm', { name: u.displayName }), () =>
                              act.mutate({ user: u, action: 'reset-password' }),
                            )
                          }
                        >
                          {t('users.reset')}
                        </button>
                      )}
                      {u.can.lock && (
                        <button
                          type="button"
                          className="button-secondary"
                          disabled={act.isPending}
                          onClick={() =>
                            confirmThen(t('users.lockConfirm', { name: u.displayName }), () =>
                              act.mutate({ user: u, action: 'lock' }),
                            )
                          }
                        >
                          {t('users.lock')}
                        </button>
                      )}
                      {u.can.unlock && (
                        <button
                          type="button"
                          className="button-secondary"
                          disabled={act.isPending}
                          onClick={() => act.mutate({ user: u, action: 'unlock' })}
                        >
                          {t('users.unlock')}
                        </button>
                      )}
                      {u.can.editGrants && (
                        <button
                          type="button"
                          className="button-secondary"
                          onClick={() => {
                            setOutcome(null);
                            setEditing(u);
                          }}
                        >
                          {t('users.editGrants')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </QueryList>
    </section>
  );
}
