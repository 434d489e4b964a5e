/** Steering committees (Ban Chỉ đạo) at every level, with their members over time. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ErrorBox, Loading } from '../../app/components/feedback';
import { formatDateVi } from '../../app/format';
import { committeesQuery } from './api';
import { CommitteeForm } from './CommitteeForm';
import { MeetingForm } from './MeetingForm';
import { MemberForm } from './MemberForm';
import { useMe } from '../../app/session';
import { verificationLabel } from '../../../../src/domain/labels';
import { currentLanguage } from '../../app/i18n';
import type { CommitteeDetail } from '../../../../src/modules/plan/contracts';
import './texts';

function Members({ id, canEdit }: { id: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | null>(null);
  const q = useQuery({
    queryKey: ['plan', 'committee', id],
    queryFn: ({ signal }) => api<CommitteeDetail>(`/api/plan/committees/${encodeURIComponent(id)}`, { signal }),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorBox error={q.error} />;
  return (
    <>
      {q.data.meetings.length > 0 && (
        <>
          <h3>{t('plan.meetings')}</h3>
          <ul>
            {q.data.meetings.map((m) => (
              <li key={m.id}>
                {formatDateVi(m.heldOn)}: {m.title}
              </li>
            ))}
          </ul>
        </>
      )}
      <table className="data" data-testid={`members-${id}`}>
        <thead>
          <tr>
            <th scope="col">{t('plan.role')}</th>
            <th scope="col">{t('plan.person')}</th>
            <th scope="col">{t('plan.position')}</th>
            <th scope="col">{t('plan.validity')}</th>
            {canEdit && <th scope="col">{t('plan.memberForm.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {q.data.members.map((m) => (
            <tr key={m.id}>
              <td>{t(`plan.roles.${m.role}`)}</td>
              <td>{m.personName ?? '—'}</td>
              <td>{m.position}</td>
              <td className="nowrap">
                {formatDateVi(m.validFrom)} –{' '}
                {m.validTo
                  ? formatDateVi(m.validTo)
                  : m.confirmedUntil
                    ? t('plan.unknownAfter', { date: formatDateVi(m.confirmedUntil) })
                    : t('plan.inForce')}{' '}
                {m.instrument && <small className="muted">({m.instrument})</small>}
                {m.factStatus !== 'VERIFIED' && <small className="note"> {t('plan.unverified')}</small>}
                {m.note && <small className="muted"> {m.note}</small>}
              </td>
              {canEdit && (
                <td>
                  <button
                    type="button"
                    className="button-link"
                    aria-expanded={editing === m.id}
                    data-testid={`member-edit-${m.id}`}
                    onClick={() => setEditing(editing === m.id ? null : m.id)}
                  >
                    {t('plan.memberForm.edit')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && editing !== null && (
        <MemberForm
          key={editing}
          committeeId={id}
          member={q.data.members.find((m) => m.id === editing)}
          onDone={() => setEditing(null)}
        />
      )}
      {canEdit && (
        <details data-testid="member-add">
          <summary>{t('plan.memberForm.open')}</summary>
          <MemberForm committeeId={id} />
        </details>
      )}
    </>
  );
}

export default function CommitteesPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const q = useQuery(committeesQuery);
  // POST /api/plan/committees: routes.ts RECORDERS; which unit is checked by the server
  const canRegister = useMe().can.plan.recordCommittee;
  return (
    <section>
      <h1>{t('plan.committeesTitle')}</h1>
      <p className="lead">{t('plan.committeesIntro')}</p>
      {canRegister && <CommitteeForm />}
      {q.isPending && <Loading />}
      {q.isError && <ErrorBox error={q.error} />}
      {q.data?.map((c) => (
        <article key={c.id} className="card" data-testid="committee">
          <h2>{c.name}</h2>
          <p>
            {t('plan.level')}: {t(`plan.levels.${c.level}`)} · {t('plan.validity')}: {formatDateVi(c.validFrom)} –{' '}
            {c.validTo ? formatDateVi(c.validTo) : t('plan.inForce')} · {c.instrument ?? ''}{' '}
            <small className="source">{verificationLabel(c.factStatus, currentLanguage())}</small>
          </p>
          <button
            type="button"
            className="button-secondary"
            aria-expanded={open === c.id}
            onClick={() => setOpen(open === c.id ? null : c.id)}
          >
            {t('plan.members')} ({c.members})
          </button>
          {open === c.id && <Members id={c.id} canEdit={c.canRecord} />}
          {c.canRecord && <MeetingForm committeeId={c.id} />}
        </article>
      ))}
    </section>
  );
}
